package org.alliance.app;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.ImportedCheckIn;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.IssuedInvitation;
import org.alliance.app.conversation.ConversationPrompts;
import org.alliance.app.conversation.Discussions;
import org.alliance.app.joint.JointMeetings;
import org.alliance.app.organisation.Organisations;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.alliance.app.system.UserAccounts;
import org.alliance.core.instrument.Language;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A small organisation for one test class, with unique user names so test classes sharing the application
 * never see each other's data: two professionals in one team, a team lead, a researcher, an administrator,
 * and one client with one meeting for the first professional.
 */
public final class TestWorld {

    public static final String PASSWORD = "correct horse battery";

    public final String suffix = UUID.randomUUID().toString().substring(0, 8);
    public final long organisation;
    public final long team;
    public final CurrentUser professional;
    public final CurrentUser otherProfessional;
    public final CurrentUser teamLead;
    public final CurrentUser researcher;
    public final CurrentUser admin;
    public final long client;
    public final long meeting;

    private final UserAccounts accounts;
    private final Caseload caseload;
    private final Invitations invitations;
    private final CheckIns checkIns;
    private final Discussions discussions;
    private final JointMeetings jointMeetings;

    /** MockMvc over the whole application with Spring Security's filters, as the pages are served. */
    public static MockMvc mvc(WebApplicationContext context) {
        return MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
    }

    public TestWorld(ApplicationContext context) {
        Organisations organisations = context.getBean(Organisations.class);
        accounts = context.getBean(UserAccounts.class);
        caseload = context.getBean(Caseload.class);
        invitations = context.getBean(Invitations.class);
        checkIns = context.getBean(CheckIns.class);
        discussions = context.getBean(Discussions.class);
        jointMeetings = context.getBean(JointMeetings.class);
        organisation = organisations.create("Test organisation " + suffix);
        team = organisations.createTeam(organisation, "Team " + suffix);
        professional = user(accounts, "pro-" + suffix, Role.PROFESSIONAL, team);
        otherProfessional = user(accounts, "other-" + suffix, Role.PROFESSIONAL, team);
        teamLead = user(accounts, "lead-" + suffix, Role.TEAM_LEAD, team);
        researcher = user(accounts, "research-" + suffix, Role.RESEARCHER, null);
        admin = user(accounts, "admin-" + suffix, Role.ADMIN, null);
        client = caseload.createClient(organisation, team, professional.id(), "Kim", "K-" + suffix);
        meeting = caseload.createMeeting(client, professional.id(), LocalDate.of(2026, 3, 2), Meeting.Kind.REGULAR);
    }

    /** A new professional of the world's team, named {@code Name <username>}. */
    public CurrentUser newProfessional(String username) {
        return user(accounts, username, Role.PROFESSIONAL, team);
    }

    private CurrentUser user(UserAccounts accounts, String username, Role role, Long teamId) {
        accounts.create(organisation, teamId, username, "Name " + username, PASSWORD, role);
        return accounts.loadUserByUsername(username);
    }

    public IssuedInvitation invite(String instrument) {
        return invitations.issue(meeting, instrument, professional.id(), Duration.ofHours(72));
    }

    public IssuedInvitation expiredInvitation() {
        return invitations.issue(meeting, "alliance-client", professional.id(), Duration.ofHours(-1));
    }

    public long newClient(long professionalId, String alias) {
        return caseload.createClient(organisation, team, professionalId, alias, alias + "-" + UUID.randomUUID());
    }

    public long newMeeting(long clientId, long professionalId, LocalDate date) {
        return caseload.createMeeting(clientId, professionalId, date, Meeting.Kind.REGULAR);
    }

    /** The client's answers to alliance-client 1.0.0 about the meeting, imported as given and released {@code at}. */
    public void imported(long meetingId, long clientId, Language language, Instant at, Map<String, Double> answers) {
        checkIns.importHistory(new ImportedCheckIn(
                meetingId,
                clientId,
                "alliance-client",
                "1.0.0",
                Perspective.CLIENT,
                language,
                ReleaseChoice.NOW,
                "imported-" + UUID.randomUUID(),
                at,
                Optional.of(at),
                answers));
    }

    /** A joint meeting of the client on that date, chaired by the professional, with one colleague and no network. */
    public long jointMeeting(LocalDate date, CurrentUser colleague) {
        return jointMeetings.create(
                client,
                "Kim",
                jointMeetings.account(professional.id()),
                date,
                List.of(jointMeetings.account(colleague.id())),
                List.of());
    }

    /** A "discussed" record (issue 17): the professional talked about the gap at the meeting, and what changed. */
    public void discussedGap(String whatChanged) {
        discussions.record(client, meeting, ConversationPrompts.Signal.GAP, true, whatChanged, professional.id());
    }

    /** The client questionnaire's check-in form for an invitation with one answer (bond-1: 4), released now. */
    public static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder oneAnswer(
            String token, String idempotencyKey) {
        return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/c/" + token)
                .param("idempotencyKey", idempotencyKey)
                .param("release", "NOW")
                .param("item-bond-1", "4");
    }

    /**
     * The client questionnaire's check-in form for an invitation, every one of its twelve items answered
     * {@code value}, as the form posts it.
     */
    public static MockHttpServletRequestBuilder allianceClientAnswers(
            String token, int value, String release, String idempotencyKey) {
        return everyAllianceItem(
                MockMvcRequestBuilders.post("/c/" + token)
                        .param("idempotencyKey", idempotencyKey)
                        .param("release", release),
                value);
    }

    /** {@code who}'s own rating of the meeting (the professional's questionnaire), every item {@code value}. */
    public static MockHttpServletRequestBuilder professionalRating(long meeting, CurrentUser who, int value) {
        return everyAllianceItem(
                MockMvcRequestBuilders.post("/meetings/" + meeting + "/rating")
                        .with(csrf())
                        .with(SecurityMockMvcRequestPostProcessors.user(who)),
                value);
    }

    /** The twelve items of the alliance questionnaires (bond, tasks, goals; four each), every one {@code value}. */
    private static MockHttpServletRequestBuilder everyAllianceItem(MockHttpServletRequestBuilder post, int value) {
        for (String scale : new String[] {"bond", "tasks", "goals"}) {
            for (int i = 1; i <= 4; i++) {
                post.param("item-" + scale + "-" + i, String.valueOf(value));
            }
        }
        return post;
    }

    /**
     * The page without its CSRF tokens. A token is random base64url, so it can hold any short name ("Kim" about
     * once in 5 000 tokens); a test that a page does not show the client's alias checks the page without them.
     */
    public static String withoutCsrfTokens(String page) {
        return page.replaceAll("(name=\"_csrf\"[^>]*?value=)\"[^\"]*\"", "$1\"\"")
                .replaceAll("(data-csrf=)\"[^\"]*\"", "$1\"\"");
    }
}
