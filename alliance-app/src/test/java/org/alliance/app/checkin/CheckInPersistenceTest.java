package org.alliance.app.checkin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.alliance.app.AtOnce;
import org.alliance.app.DatabaseTest;
import org.alliance.app.MutableClock;
import org.alliance.app.TestDatabases;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.caseload.Meeting;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.release.ReleaseChoice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check-in store on both databases: migrations apply, answers are stored with the invitation consumed in the
 * same transaction, and no submit is ever doubled or lost — also when the same form arrives eight times at once.
 */
class CheckInPersistenceTest extends DatabaseTest {

    private static final Instrument CLIENT =
            InstrumentCatalog.builtIn().find("alliance-client").orElseThrow();

    /** A database with the schema migrated, and one organisation, team, professional, client and meeting. */
    private static Store store(String vendor, MutableClock clock) throws Exception {
        TestDatabases.Seeded s = TestDatabases.seeded(vendor, folder, LocalDate.parse("2026-01-05"));
        JdbcClient jdbc = s.jdbc();
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(s.dataSource()));
        return new Store(
                jdbc,
                new Invitations(jdbc, clock),
                new CheckIns(jdbc, transactions, clock),
                new Caseload(jdbc, transactions, clock),
                s.professional(),
                s.client(),
                s.meeting());
    }

    record Store(
            JdbcClient jdbc,
            Invitations invitations,
            CheckIns checkIns,
            Caseload caseload,
            long professional,
            long client,
            long meeting) {

        long count(String table) {
            return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }

        /** A new invitation to the client questionnaire about the meeting, valid for 72 hours. */
        IssuedInvitation issue() {
            return invitations.issue(meeting, CLIENT.id(), professional, Duration.ofHours(72));
        }

        /** The stored invitation behind an issued one, found by its token. */
        Invitation invitation(IssuedInvitation issued) {
            return invitations.find(issued.token()).orElseThrow();
        }
    }

    private static CheckInSubmission submission(String key, ReleaseChoice release) {
        return CheckInSubmission.ordinary(
                CLIENT, Language.NL, release, key, Map.of("bond-1", 4.0, "bond-2", 5.0, "tasks-1", 3.0));
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aSubmitStoresTheAnswersAndConsumesTheInvitation(String vendor) throws Exception {
        MutableClock clock = new MutableClock();
        Store store = store(vendor, clock);
        IssuedInvitation issued = store.issue();
        Invitation invitation = store.invitation(issued);

        CheckIns.Outcome outcome = store.checkIns().submit(invitation, submission("form-1", ReleaseChoice.NOW));

        assertThat(outcome).isEqualTo(CheckIns.Outcome.SAVED);
        assertThat(store.count("check_in")).isEqualTo(1);
        assertThat(store.count("answer")).isEqualTo(3);
        assertThat(store.invitation(issued).consumedAt()).isPresent();
        List<StoredCheckIn> visible = store.checkIns().forClient(store.client(), true);
        assertThat(visible).singleElement().satisfies(c -> {
            assertThat(c.answers()).containsEntry("bond-2", 5.0).hasSize(3);
            assertThat(c.instrumentVersion()).isEqualTo(CLIENT.version());
            assertThat(c.released()).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theShortCodeFindsTheSameInvitationAsTheLink(String vendor) throws Exception {
        Store store = store(vendor, new MutableClock());
        IssuedInvitation issued =
                store.invitations().issue(store.meeting(), CLIENT.id(), store.professional(), Duration.ofHours(1));
        String typed = issued.displayCode().toLowerCase(java.util.Locale.ROOT).replace("-", " ");
        assertThat(store.invitations().find(typed).orElseThrow().id()).isEqualTo(issued.id());
        assertThat(store.invitation(issued).id()).isEqualTo(issued.id());
        assertThat(store.invitations().find("ZZZZ-ZZZZ")).isEmpty();
        assertThat(store.jdbc()
                        .sql("SELECT COUNT(*) FROM check_in_invitation WHERE token_hash = ? OR short_code_hash = ?")
                        .params(issued.token(), issued.shortCode())
                        .query(Long.class)
                        .single())
                .as("the secrets themselves are never stored")
                .isZero();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theSameFormTwiceIsStoredOnce(String vendor) throws Exception {
        Store store = store(vendor, new MutableClock());
        IssuedInvitation issued = store.issue();
        Invitation invitation = store.invitation(issued);

        store.checkIns().submit(invitation, submission("form-1", ReleaseChoice.NOW));
        CheckIns.Outcome again = store.checkIns().submit(invitation, submission("form-1", ReleaseChoice.NOW));
        CheckIns.Outcome other = store.checkIns().submit(invitation, submission("form-2", ReleaseChoice.NOW));

        assertThat(again).isEqualTo(CheckIns.Outcome.ALREADY_SAVED);
        assertThat(other).isEqualTo(CheckIns.Outcome.USED);
        assertThat(store.count("check_in")).isEqualTo(1);
        assertThat(store.count("answer")).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aFormCopiedFromAnotherInvitationIsStoredUnderAFreshKeyAndLosesNothing(String vendor) throws Exception {
        Store store = store(vendor, new MutableClock());
        Invitation first = store.invitation(store.issue());
        IssuedInvitation secondIssued = store.issue();
        Invitation second = store.invitation(secondIssued);
        store.checkIns().submit(first, submission("copied-form", ReleaseChoice.NOW));

        CheckIns.Outcome outcome = store.checkIns().submit(second, submission("copied-form", ReleaseChoice.NOW));

        assertThat(outcome).isEqualTo(CheckIns.Outcome.SAVED);
        assertThat(store.count("check_in")).isEqualTo(2);
        assertThat(store.count("answer")).isEqualTo(6);
        assertThat(store.jdbc()
                        .sql("SELECT idempotency_key FROM check_in WHERE invitation_id = ?")
                        .param(second.id())
                        .query(String.class)
                        .single())
                .as("the second invitation's check-in has a key of its own")
                .isNotEqualTo("copied-form")
                .isNotBlank();
        assertThat(store.jdbc()
                        .sql("SELECT COUNT(*) FROM answer a JOIN check_in c ON c.id = a.check_in_id"
                                + " WHERE c.invitation_id = ?")
                        .param(second.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(store.invitation(secondIssued).consumedAt()).isPresent();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void eightSimultaneousSubmitsOfOneFormStoreItOnce(String vendor) throws Exception {
        Store store = store(vendor, new MutableClock());
        IssuedInvitation issued = store.issue();
        Invitation invitation = store.invitation(issued);
        List<CheckIns.Outcome> outcomes = AtOnce.results(
                8, 8, () -> store.checkIns().submit(invitation, submission("same-form", ReleaseChoice.NOW)));

        assertThat(outcomes).containsOnlyOnce(CheckIns.Outcome.SAVED);
        assertThat(outcomes).filteredOn(o -> o != CheckIns.Outcome.SAVED).containsOnly(CheckIns.Outcome.ALREADY_SAVED);
        assertThat(store.count("check_in")).isEqualTo(1);
        assertThat(store.count("answer")).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void anExpiredInvitationStoresNothing(String vendor) throws Exception {
        MutableClock clock = new MutableClock();
        Store store = store(vendor, clock);
        IssuedInvitation issued = store.issue();
        Invitation invitation = store.invitation(issued);
        clock.advance(Duration.ofHours(72));

        assertThat(invitation.expired(clock.instant())).isTrue();
        assertThat(store.checkIns().submit(invitation, submission("late", ReleaseChoice.NOW)))
                .isEqualTo(CheckIns.Outcome.EXPIRED);
        assertThat(store.count("check_in")).isZero();
    }

    private static long meeting(Store store, LocalDate date) {
        return store.jdbc()
                .sql(
                        """
                        INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)
                        VALUES (?, ?, ?, 'REGULAR', 0) RETURNING id""")
                .params(store.client(), store.professional(), date.toString())
                .query(Long.class)
                .single();
    }

    /**
     * Issue 14, promise 1: "at our next meeting" is released on the date of the next meeting, never earlier, and
     * not by entering, moving or deleting meeting records.
     */
    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void atOurNextMeetingIsReleasedOnTheNextMeetingsDateNotWhenAMeetingIsEntered(String vendor) throws Exception {
        MutableClock clock = new MutableClock();
        Store store = store(vendor, clock);
        IssuedInvitation issued = store.issue();
        store.checkIns().submit(store.invitation(issued), submission("later", ReleaseChoice.NEXT_MEETING));
        IssuedInvitation second = store.issue();
        store.checkIns().submit(store.invitation(second), submission("team", ReleaseChoice.TEAM_ONLY));
        assertThat(store.checkIns().forClient(store.client(), true)).isEmpty();

        // Another meeting the same day is not the next meeting; one entered for next year (as the professional
        // enters it on the client page) releases nothing now.
        meeting(store, LocalDate.of(2026, 1, 5));
        long nextYear = store.caseload()
                .createMeeting(store.client(), store.professional(), LocalDate.of(2027, 1, 11), Meeting.Kind.REGULAR);
        assertThat(store.checkIns().forClient(store.client(), true)).isEmpty();
        clock.advance(Duration.between(clock.instant(), java.time.Instant.parse("2027-01-10T23:59:59Z")));
        assertThat(store.checkIns().forClient(store.client(), true))
                .as("the day before")
                .isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.checkIns().forClient(store.client(), true))
                .as("on the day of the next meeting (the test clock's zone is UTC)")
                .singleElement()
                .satisfies(c -> assertThat(c.release()).isEqualTo(ReleaseChoice.NEXT_MEETING));

        // The meeting record is deleted: it did not take place, so the answers are held back again.
        store.jdbc().sql("DELETE FROM meeting WHERE id = ?").param(nextYear).update();
        assertThat(store.checkIns().forClient(store.client(), true)).isEmpty();
        // A meeting moved to a later date releases on that date, not before.
        long moved = meeting(store, LocalDate.of(2027, 1, 11));
        store.jdbc()
                .sql("UPDATE meeting SET meeting_date = '2027-02-01' WHERE id = ?")
                .param(moved)
                .update();
        assertThat(store.checkIns().forClient(store.client(), true)).isEmpty();
        clock.advance(Duration.ofDays(21));
        assertThat(store.checkIns().forClient(store.client(), true)).hasSize(1);
        assertThat(store.checkIns().forClient(store.client(), false)).hasSize(2);
    }

    /**
     * Issue 14, "one meeting takes unlimited check-ins": the newest answer about a meeting (same instrument and
     * perspective) is the one that counts; the older stays stored as history. With it goes its release choice.
     */
    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void oneAnswerPerPerspectiveInstrumentAndMeetingCountsTheNewestWithItsReleaseChoice(String vendor)
            throws Exception {
        Store store = store(vendor, new MutableClock());
        for (String key : List.of("first", "second", "third")) {
            IssuedInvitation issued = store.issue();
            store.checkIns()
                    .submit(
                            store.invitation(issued),
                            submission(key, key.equals("third") ? ReleaseChoice.NEXT_MEETING : ReleaseChoice.NOW));
        }
        assertThat(store.checkIns().forClient(store.client(), false))
                .as("history")
                .hasSize(3);
        List<StoredCheckIn> current = store.checkIns().currentForClient(store.client(), false);
        assertThat(current).singleElement().satisfies(c -> assertThat(c.release())
                .isEqualTo(ReleaseChoice.NEXT_MEETING));
        assertThat(store.checkIns().currentForClient(store.client(), true))
                .as("the newest is held back until the next meeting, and it replaces the older ones")
                .isEmpty();
        store.checkIns()
                .submitRating(
                        store.meeting(),
                        store.client(),
                        CheckInSubmission.ordinary(
                                InstrumentCatalog.builtIn()
                                        .find("alliance-professional")
                                        .orElseThrow(),
                                Language.NL,
                                ReleaseChoice.NOW,
                                "rating",
                                Map.of("bond-1", 5.0)));
        assertThat(store.checkIns().currentForClient(store.client(), true))
                .as("the professional's perspective counts on its own")
                .singleElement()
                .satisfies(c -> assertThat(c.perspective()).isEqualTo("professional"));
    }

    /** Issue 14: a missed check-in is an invitation that expired unused with no answer for its meeting. */
    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void anInvitationThatExpiredUnansweredIsAMissedCheckInUntilTheMeetingIsAnswered(String vendor) throws Exception {
        MutableClock clock = new MutableClock();
        Store store = store(vendor, clock);
        store.issue();
        assertThat(store.invitations().missed(store.client())).isEmpty();
        clock.advance(Duration.ofHours(72));
        assertThat(store.invitations().missed(store.client())).singleElement().satisfies(m -> {
            assertThat(m.meetingDate()).isEqualTo(LocalDate.of(2026, 1, 5));
            assertThat(m.instrumentId()).isEqualTo(CLIENT.id());
            assertThat(m.lifetime()).isEqualTo(Duration.ofHours(72));
        });

        IssuedInvitation again = store.issue();
        assertThat(store.invitations().missed(store.client()))
                .as("a newer invitation still works")
                .isEmpty();
        store.checkIns().submit(store.invitation(again), submission("late", ReleaseChoice.TEAM_ONLY));
        clock.advance(Duration.ofHours(100));
        assertThat(store.invitations().missed(store.client()))
                .as("answered (kept for team figures counts as answered)")
                .isEmpty();
    }

    /**
     * Issue 14, "HTTP 500s for user mistakes on PostgreSQL": the same rating form sent eight times at once found no
     * earlier row in each transaction, and all but one failed on the UNIQUE idempotency key with a 500. Now the
     * form is stored once and every other submit is told so.
     */
    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void eightSimultaneousSubmitsOfOneRatingFormStoreItOnceAndAllSucceed(String vendor) throws Exception {
        Store store = store(vendor, new MutableClock());
        Instrument professional =
                InstrumentCatalog.builtIn().find("alliance-professional").orElseThrow();
        List<CheckIns.Outcome> outcomes = AtOnce.results(8, 8, () -> store.checkIns()
                .submitRating(
                        store.meeting(),
                        store.client(),
                        CheckInSubmission.ordinary(
                                professional,
                                Language.NL,
                                ReleaseChoice.NOW,
                                "same-rating",
                                Map.of("bond-1", 5.0, "bond-2", 4.0))));

        assertThat(outcomes).containsOnlyOnce(CheckIns.Outcome.SAVED);
        assertThat(outcomes).filteredOn(o -> o != CheckIns.Outcome.SAVED).containsOnly(CheckIns.Outcome.ALREADY_SAVED);
        assertThat(store.count("check_in")).isEqualTo(1);
        assertThat(store.count("answer")).as("nothing half-written").isEqualTo(2);
    }

    /** Issue 14: the language chosen for an invitation is stored with it (migration V8) and read back. */
    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void anInvitationKeepsTheLanguageChosenForIt(String vendor) throws Exception {
        Store store = store(vendor, new MutableClock());
        IssuedInvitation danish = store.invitations()
                .issueInLanguage(
                        store.meeting(),
                        CLIENT.id(),
                        store.professional(),
                        Duration.ofHours(1),
                        java.util.Optional.of(Language.DA));
        IssuedInvitation none =
                store.invitations().issue(store.meeting(), CLIENT.id(), store.professional(), Duration.ofHours(1));
        assertThat(store.invitation(danish).language()).contains(Language.DA);
        assertThat(store.invitations().find(none.displayCode()).orElseThrow().language())
                .isEmpty();
    }
}
