package org.alliance.app.demo;

import java.util.ArrayList;
import java.util.List;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the demo database (profile {@code demo} only): one organisation, two teams, six professionals, a team
 * lead, a researcher and an administrator, with simple passwords that are fine for a demo only.
 */
@Component
@Profile("demo")
@Order(0)
public class DemoSeeder implements ApplicationRunner {

    /** The password of every demo account. Never use the demo database for real data. */
    public static final String PASSWORD = "demo";

    /** A demo account as printed by {@code ./alliance demo}. */
    public record DemoLogin(String username, String role, String team) {}

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final List<DemoLogin> logins = new ArrayList<>();

    DemoSeeder(Organisations organisations, UserAccounts accounts) {
        this.organisations = organisations;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!accounts.noUserYet()) {
            return;
        }
        long organisation = organisations.create("Demo municipality");
        long north = organisations.createTeam(organisation, "Team North");
        long south = organisations.createTeam(organisation, "Team South");
        add(organisation, north, "anna", "Anna de Vries", Role.PROFESSIONAL, "Team North");
        add(organisation, south, "bram", "Bram Jansen", Role.PROFESSIONAL, "Team South");
        add(organisation, north, "lead", "Lotte Bakker", Role.TEAM_LEAD, "Team North");
        add(organisation, null, "research", "Rik Visser", Role.RESEARCHER, "");
        add(organisation, null, "admin", "Ada Smit", Role.ADMIN, "");
    }

    private long add(long organisation, Long team, String username, String name, Role role, String teamName) {
        long id = accounts.create(organisation, team, username, name, PASSWORD, role);
        logins.add(new DemoLogin(username, role.name().toLowerCase(java.util.Locale.ROOT), teamName));
        return id;
    }

    /** An account another demo seeder made (for example the joint meetings' professional of another organisation). */
    public void addLogin(DemoLogin login) {
        logins.add(login);
    }

    public List<DemoLogin> logins() {
        return List.copyOf(logins);
    }
}
