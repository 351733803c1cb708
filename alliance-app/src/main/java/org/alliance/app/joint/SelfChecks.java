package org.alliance.app.joint;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The partiality self-checks (issue 17): after a joint meeting a professional of the meeting rates themselves on
 * the five points of multi-directed partiality, each 1–5 on the agreement scale of the network members'
 * partiality check-in ({@code alliance-partiality}). One per meeting and professional; rating again replaces it.
 * Who reads them is the caller's rule (docs/rules.md, "The partiality self-check"): only the meeting's
 * professionals, checked by {@link JointAccess} before any read.
 */
@Repository
class SelfChecks {

    /** The five points, in the order the form asks them; each is a column of {@code partiality_self_check}. */
    enum Point {
        EVERY_SIDE,
        NO_CULPRIT,
        WIN_WIN,
        SITUATION_NOT_PERSON,
        DIALOGUE;

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The form field and message key part, e.g. {@code everySide}. */
        String code() {
            String[] words = column().split("_");
            StringBuilder code = new StringBuilder(words[0]);
            for (int i = 1; i < words.length; i++) {
                code.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
            }
            return code.toString();
        }
    }

    static final int LOWEST = 1;
    static final int HIGHEST = 5;

    /** One professional's self-check of one meeting. */
    record SelfCheck(long jointId, long professionalId, Map<Point, Integer> ratings, Instant ratedAt) {
        SelfCheck {
            ratings = Map.copyOf(ratings);
            for (Map.Entry<Point, Integer> rating : ratings.entrySet()) {
                if (rating.getValue() < LOWEST || rating.getValue() > HIGHEST) {
                    throw new IllegalArgumentException(
                            rating.getKey() + " is " + rating.getValue() + ", not " + LOWEST + "–" + HIGHEST);
                }
            }
            if (ratings.size() != Point.values().length) {
                throw new IllegalArgumentException("a self-check rates all five points, got " + ratings.keySet());
            }
        }

        /** The mean of the five points: on the same 1–5 range as the network members' partiality score. */
        OptionalDouble mean() {
            return ratings.values().stream().mapToInt(Integer::intValue).average();
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    SelfChecks(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void save(long jointId, long professionalId, Map<Point, Integer> ratings) {
        SelfCheck check = new SelfCheck(jointId, professionalId, ratings, clock.instant());
        jdbc.sql(
                        """
                        INSERT INTO partiality_self_check (joint_meeting_id, professional_id, every_side, no_culprit,
                            win_win, situation_not_person, dialogue, rated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (joint_meeting_id, professional_id) DO UPDATE SET every_side = excluded.every_side,
                            no_culprit = excluded.no_culprit, win_win = excluded.win_win,
                            situation_not_person = excluded.situation_not_person, dialogue = excluded.dialogue,
                            rated_at = excluded.rated_at""")
                .params(
                        jointId,
                        professionalId,
                        check.ratings().get(Point.EVERY_SIDE),
                        check.ratings().get(Point.NO_CULPRIT),
                        check.ratings().get(Point.WIN_WIN),
                        check.ratings().get(Point.SITUATION_NOT_PERSON),
                        check.ratings().get(Point.DIALOGUE),
                        check.ratedAt().toEpochMilli())
                .update();
    }

    /** The self-checks of one joint meeting, by professional. */
    List<SelfCheck> ofMeeting(long jointId) {
        return jdbc.sql("SELECT * FROM partiality_self_check WHERE joint_meeting_id = ? ORDER BY professional_id")
                .param(jointId)
                .query((rs, row) -> {
                    Map<Point, Integer> ratings = new EnumMap<>(Point.class);
                    for (Point point : Point.values()) {
                        ratings.put(point, rs.getInt(point.column()));
                    }
                    return new SelfCheck(
                            rs.getLong("joint_meeting_id"),
                            rs.getLong("professional_id"),
                            ratings,
                            Instant.ofEpochMilli(rs.getLong("rated_at")));
                })
                .list();
    }
}
