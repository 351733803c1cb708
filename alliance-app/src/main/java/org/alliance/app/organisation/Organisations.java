package org.alliance.app.organisation;

import java.time.Clock;
import java.util.List;
import org.alliance.core.instrument.Language;
import org.alliance.core.release.ReleaseChoice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations, their settings and their teams. */
@Repository
public class Organisations {

    private final JdbcClient jdbc;
    private final Clock clock;

    Organisations(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long create(String name) {
        return jdbc.sql("INSERT INTO organisation (name, created_at) VALUES (?, ?) RETURNING id")
                .params(name.strip(), clock.millis())
                .query(Long.class)
                .single();
    }

    public Organisation get(long id) {
        return jdbc.sql(
                        """
                        SELECT id, name, default_release, drop_threshold_percent, gap_threshold_percent,
                               invitation_hours, split_threshold_percent, language
                        FROM organisation WHERE id = ?""")
                .param(id)
                .query((rs, row) -> new Organisation(
                        rs.getLong("id"),
                        rs.getString("name"),
                        ReleaseChoice.valueOf(rs.getString("default_release")),
                        rs.getInt("drop_threshold_percent"),
                        rs.getInt("gap_threshold_percent"),
                        rs.getInt("invitation_hours"),
                        rs.getInt("split_threshold_percent"),
                        Language.fromCode(rs.getString("language")).orElse(Language.NL)))
                .single();
    }

    public void updateSettings(Organisation settings) {
        jdbc.sql(
                        """
                        UPDATE organisation SET default_release = ?, drop_threshold_percent = ?,
                               gap_threshold_percent = ?, invitation_hours = ?, split_threshold_percent = ?,
                               language = ?
                        WHERE id = ?""")
                .params(
                        settings.defaultRelease().name(),
                        settings.dropThresholdPercent(),
                        settings.gapThresholdPercent(),
                        settings.invitationHours(),
                        settings.splitThresholdPercent(),
                        settings.language().code(),
                        settings.id())
                .update();
    }

    public long createTeam(long organisationId, String name) {
        return jdbc.sql("INSERT INTO team (organisation_id, name) VALUES (?, ?) RETURNING id")
                .params(organisationId, name.strip())
                .query(Long.class)
                .single();
    }

    public List<Team> teams(long organisationId) {
        return jdbc.sql("SELECT id, name FROM team WHERE organisation_id = ? ORDER BY name")
                .param(organisationId)
                .query((rs, row) -> new Team(rs.getLong("id"), rs.getString("name")))
                .list();
    }

    /** A team of an organisation. */
    public record Team(long id, String name) {}
}
