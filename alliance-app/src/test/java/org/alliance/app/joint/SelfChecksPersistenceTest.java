package org.alliance.app.joint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.alliance.app.DatabaseTest;
import org.alliance.app.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The partiality self-check's upsert ({@link SelfChecks#save}, V22) on SQLite and PostgreSQL alike: {@code ON
 * CONFLICT ... excluded}, which the two vendors accept under different rules.
 */
class SelfChecksPersistenceTest extends DatabaseTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theSelfCheckUpsertOfJointMeetingsReplacesTheRating(String vendor) {
        TestDatabases.Seeded world = TestDatabases.seeded(vendor, folder, LocalDate.parse("2026-06-15"));
        long joint = world.jdbc()
                .sql("INSERT INTO joint_meeting (meeting_id, chair_id, created_at) VALUES (?, ?, 0) RETURNING id")
                .params(world.meeting(), world.professional())
                .query(Long.class)
                .single();
        SelfChecks checks = new SelfChecks(world.jdbc(), CLOCK);
        // Saved twice: the second rating replaces the first.
        for (int level : new int[] {2, 4}) {
            Map<SelfChecks.Point, Integer> ratings = new EnumMap<>(SelfChecks.Point.class);
            for (SelfChecks.Point point : SelfChecks.Point.values()) {
                ratings.put(point, level);
            }
            checks.save(joint, world.professional(), ratings);
        }
        assertThat(world.jdbc()
                        .sql("SELECT dialogue FROM partiality_self_check WHERE joint_meeting_id = ?")
                        .param(joint)
                        .query(Integer.class)
                        .list())
                .containsExactly(4);
    }
}
