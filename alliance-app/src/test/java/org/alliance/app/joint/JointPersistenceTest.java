package org.alliance.app.joint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.DatabaseTest;
import org.alliance.app.MutableClock;
import org.alliance.app.TestDatabases;
import org.alliance.app.caseload.Caseload;
import org.alliance.app.checkin.CheckInSubmission;
import org.alliance.app.checkin.CheckIns;
import org.alliance.app.checkin.Invitation;
import org.alliance.app.checkin.Invitations;
import org.alliance.app.checkin.IssuedInvitation;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Language;
import org.alliance.core.joint.BalanceCheck;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.joint.Consent;
import org.alliance.core.joint.ConsentRules;
import org.alliance.core.joint.DecisionOwnership;
import org.alliance.core.joint.GuideStep;
import org.alliance.core.joint.JointMeeting;
import org.alliance.core.joint.MeetingDecision;
import org.alliance.core.joint.Party;
import org.alliance.core.release.ReleaseChoice;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Joint meetings on both databases: the V3 migration applies; a meeting with three professionals (one of another
 * organisation) and two network members (one absent) is stored and read back as the core model; the chair's
 * record round-trips; the client's joint check-in keeps one block per professional and is never doubled; and the
 * client's consent for the other organisation's professional is recorded, withdrawn and decides what that
 * professional sees, from the moment of the withdrawal.
 */
class JointPersistenceTest extends DatabaseTest {

    private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
    private static final Instrument CLIENT =
            CATALOG.find(JointResults.CLIENT_INSTRUMENT).orElseThrow();
    private static final Instrument PROFESSIONAL =
            CATALOG.find(JointResults.PROFESSIONAL_INSTRUMENT).orElseThrow();

    record World(
            JdbcClient jdbc,
            JointMeetings meetings,
            JointRecords records,
            JointCheckIns jointCheckIns,
            Invitations invitations,
            CheckIns checkIns,
            long organisation,
            long otherOrganisation,
            long chair,
            long colleague,
            long outsider,
            long client,
            long joint,
            TransactionTemplate transactions) {

        long count(String table) {
            return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }

        /** The joint meeting as stored now. */
        JointMeetings.Header header() {
            return meetings.find(joint).orElseThrow();
        }
    }

    /**
     * The seeded world: its professional is the chair, Anna, and its client Kim; the seeded regular meeting goes, so
     * that the joint meeting is Kim's only one (the erasure counts her meetings).
     */
    private static World world(String vendor, Clock clock) {
        TestDatabases.Seeded seeded = TestDatabases.seeded(vendor, folder, LocalDate.of(2026, 1, 5));
        JdbcClient jdbc = seeded.jdbc();
        TransactionTemplate transactions =
                new TransactionTemplate(new DataSourceTransactionManager(seeded.dataSource()));
        jdbc.sql("DELETE FROM meeting WHERE id = ?").param(seeded.meeting()).update();
        long chair = seeded.professional();
        jdbc.sql("UPDATE app_user SET display_name = 'Anna' WHERE id = ?")
                .param(chair)
                .update();
        long other = organisation(jdbc, "Debt service");
        long colleague = user(jdbc, seeded.organisation(), seeded.team(), "colleague", "Ben");
        long outsider = user(jdbc, other, null, "outsider", "Chris");
        CheckIns checkIns = new CheckIns(jdbc, transactions, clock);
        JointMeetings meetings = new JointMeetings(jdbc, new Caseload(jdbc, transactions, clock), transactions, clock);
        long joint = meetings.create(
                seeded.client(),
                "Kim",
                meetings.account(chair),
                LocalDate.of(2026, 1, 5),
                List.of(
                        meetings.professional("colleague").orElseThrow(),
                        meetings.professional("outsider").orElseThrow()),
                List.of(
                        new JointMeetings.NewNetworkMember(Party.NetworkRole.PARTNER, "Sam", true),
                        new JointMeetings.NewNetworkMember(Party.NetworkRole.CHILD, "Mira", false)));
        return new World(
                jdbc,
                meetings,
                new JointRecords(jdbc, meetings, clock),
                new JointCheckIns(jdbc, meetings, clock),
                new Invitations(jdbc, clock),
                checkIns,
                seeded.organisation(),
                other,
                chair,
                colleague,
                outsider,
                seeded.client(),
                joint,
                transactions);
    }

    private static long organisation(JdbcClient jdbc, String name) {
        return jdbc.sql("INSERT INTO organisation (name, created_at) VALUES (?, 0) RETURNING id")
                .param(name)
                .query(Long.class)
                .single();
    }

    private static long user(JdbcClient jdbc, long organisation, Long team, String username, String name) {
        return jdbc.sql(
                        """
                        INSERT INTO app_user (organisation_id, team_id, username, display_name, password_hash, role,
                                              enabled, created_at)
                        VALUES (?, ?, ?, ?, '{noop}x', 'PROFESSIONAL', TRUE, 0) RETURNING id""")
                .params(organisation, team, username, name)
                .query(Long.class)
                .single();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void aMeetingWithThreeProfessionalsAndTheNetworkIsStoredAndReadBackAsTheCoreModel(String vendor) {
        World world = world(vendor, new MutableClock());
        JointMeetings.Header header = world.header();
        assertThat(header.chairId()).isEqualTo(world.chair());
        assertThat(header.clientOrganisationId()).isEqualTo(world.organisation());
        assertThat(world.meetings().takesPart(world.joint(), world.outsider())).isTrue();
        assertThat(world.meetings().meetingsOf(world.outsider()))
                .extracting(JointMeetings.Header::id)
                .containsExactly(world.joint());

        List<JointMeetings.StoredParty> parties = world.meetings().parties(world.joint());
        assertThat(parties)
                .extracting(JointMeetings.StoredParty::kind)
                .containsExactly(
                        Party.Kind.CLIENT,
                        Party.Kind.PROFESSIONAL,
                        Party.Kind.PROFESSIONAL,
                        Party.Kind.PROFESSIONAL,
                        Party.Kind.NETWORK_MEMBER,
                        Party.Kind.NETWORK_MEMBER);
        assertThat(parties.get(3).organisationName()).isEqualTo("Debt service");
        assertThat(parties.get(5).present()).isFalse();

        long partner = parties.get(4).id();
        long client = parties.get(0).id();
        world.records().addNote(world.joint(), GuideStep.INTRODUCE_CLIENT, "Kim told what matters most");
        world.records().addDecision(world.joint(), "Budget plan first", client, MeetingDecision.ClientAgreement.YES);
        world.records()
                .addDecision(world.joint(), "Job coach from May", partner, MeetingDecision.ClientAgreement.PARTLY);
        world.records().addInterest(world.joint(), client, "Keep the house");
        world.records().addInterest(world.joint(), partner, "Time with Mira");
        world.records().addGoal(world.joint(), client, "Move out in June");
        world.records().addGoal(world.joint(), partner, "Stay until the summer");
        List<JointRecords.StoredGoal> goals = world.records().goals(world.joint());
        world.records()
                .addConflict(world.joint(), goals.get(0).id(), goals.get(1).id(), Optional.empty());

        JointMeeting domain = world.records().domain(header);
        assertThat(domain.professionals()).hasSize(3);
        assertThat(domain.organisations()).hasSize(2);
        assertThat(domain.notes()).singleElement().satisfies(n -> assertThat(n.step())
                .isEqualTo(GuideStep.INTRODUCE_CLIENT));
        assertThat(DecisionOwnership.of(domain)).isEqualTo(new DecisionOwnership(2, 1, 1, 1, 0));
        assertThat(BalanceCheck.check(domain))
                .extracting(BalanceCheck.Finding::code)
                .containsExactly(
                        BalanceCheck.Code.ABSENT_PARTY_INTEREST_NOT_NAMED, BalanceCheck.Code.CONFLICT_WITHOUT_WIN_WIN);

        long conflict = world.records().conflicts(world.joint()).get(0).id();
        world.records().noteWinWin(world.joint(), conflict, "Move out in August, after the holiday with Mira");
        world.records().addInterest(world.joint(), parties.get(5).id(), "Both parents nearby");
        assertThat(BalanceCheck.balanced(world.records().domain(header))).isTrue();
        world.meetings().close(world.joint());
        assertThat(world.header().closedAt()).isPresent();
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theJointCheckInKeepsOneBlockPerProfessionalAndIsNeverDoubled(String vendor) {
        MutableClock clock = new MutableClock();
        World world = world(vendor, clock);
        JointMeetings.Header header = world.header();
        IssuedInvitation issued =
                world.invitations().issue(header.meetingId(), CLIENT.id(), world.chair(), Duration.ofHours(72));
        Invitation invitation = world.invitations().find(issued.displayCode()).orElseThrow();
        assertThat(invitation.jointPartyId()).isEmpty();
        assertThat(world.jointCheckIns().professionals(header.meetingId()))
                .extracting(p -> p.name() + "/" + p.otherOrganisation())
                .containsExactly("Anna/false", "Ben/false", "Chris/true");

        CheckInSubmission submission = clientAnswers("joint-1", ReleaseChoice.NOW, world);
        assertThat(world.checkIns().submit(invitation, submission)).isEqualTo(CheckIns.Outcome.SAVED);
        assertThat(world.checkIns().submit(invitation, submission)).isEqualTo(CheckIns.Outcome.ALREADY_SAVED);
        assertThat(world.count("check_in")).isEqualTo(1);
        assertThat(world.count("answer_per_professional")).isEqualTo(12);
        assertThat(world.count("answer")).isEqualTo(6);

        List<JointCheckIns.StoredJointCheckIn> stored = world.jointCheckIns().checkIns(header.meetingId());
        assertThat(stored).singleElement().satisfies(c -> {
            assertThat(c.perProfessional().get(world.outsider())).containsEntry("bond-trust", 2.0);
            assertThat(c.perProfessional().get(world.chair())).containsEntry("bond-trust", 5.0);
            assertThat(c.answers()).containsEntry("team-support", 4.0);
        });

        world.checkIns()
                .submitRating(
                        header.meetingId(),
                        world.client(),
                        Optional.of(world.outsider()),
                        CheckInSubmission.ordinary(
                                PROFESSIONAL,
                                Language.EN,
                                ReleaseChoice.NOW,
                                "rating-1",
                                Map.of("bond-trust", 4.0, "bond-listened", 4.0, "bond-respect", 5.0)));
        assertThat(world.jointCheckIns().checkIns(header.meetingId()))
                .filteredOn(c -> c.raterId().isPresent())
                .singleElement()
                .satisfies(c -> assertThat(c.raterId()).contains(world.outsider()));
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void theOtherOrganisationSeesTheResultOnlyWhileTheClientsConsentStands(String vendor) {
        MutableClock clock = new MutableClock();
        World world = world(vendor, clock);
        JointMeetings.Header header = world.header();
        submitClientAnswers(world, header, "joint-2");

        assertThat(results(world, header, world.outsider(), world.otherOrganisation(), clock))
                .satisfies(r -> {
                    assertThat(r.decision().orElseThrow().reason()).isEqualTo(ConsentRules.Reason.NO_CONSENT);
                    assertThat(r.split()).isEmpty();
                    assertThat(r.professionals())
                            .allSatisfy(p -> assertThat(p.clientScore()).isEqualTo("–"));
                });
        JointResults own = results(world, header, world.colleague(), world.organisation(), clock);
        assertThat(own.decision().orElseThrow().reason()).isEqualTo(ConsentRules.Reason.SAME_ORGANISATION);
        // Bond means: Anna 5.0, Ben 4.0, Chris 2.0 → range 3 of 4 scale points = 75 %, above the 25 % default.
        assertClientScores(own, "5.0", "4.0", "2.0");
        assertThat(own.split().orElseThrow().value().rangeIndex()).isEqualTo(0.75);
        assertThat(own.alert()).isPresent();
        assertThat(own.mapSvg().markup()).contains("<svg").contains("Chris").contains(">2.0<");

        clock.advance(Duration.ofMinutes(1));
        world.jointCheckIns().recordConsents(world.client(), Map.of(world.outsider(), true));
        clock.advance(Duration.ofMinutes(1));
        assertThat(decision(world, header, world.outsider(), world.otherOrganisation(), clock))
                .isEqualTo(new ConsentRules.Decision(true, ConsentRules.Reason.CONSENT_GIVEN));

        clock.advance(Duration.ofMinutes(1));
        world.jointCheckIns().recordConsent(world.client(), world.outsider(), Consent.Action.WITHDRAWN, "chair");
        JointResults after = results(world, header, world.outsider(), world.otherOrganisation(), clock);
        assertThat(after.decision().orElseThrow())
                .isEqualTo(new ConsentRules.Decision(false, ConsentRules.Reason.CONSENT_WITHDRAWN));
        assertThat(after.mapSvg().markup()).doesNotContain(">2.0<");
        assertThat(world.jointCheckIns().consents(world.client()))
                .extracting(Consent::action)
                .containsExactly(Consent.Action.GIVEN, Consent.Action.WITHDRAWN);

        // Unticking in a later check-in withdraws a standing consent; with none standing, it records nothing.
        world.jointCheckIns().recordConsents(world.client(), Map.of(world.outsider(), false));
        assertThat(world.count("joint_consent")).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void networkMembersAnswerThePartialityItemsAndGiveEachProfessionalABalanceIndex(String vendor) {
        World world = world(vendor, new MutableClock());
        JointMeetings.Header header = world.header();
        List<JointMeetings.StoredParty> parties = world.meetings().parties(world.joint());
        Instrument partiality = CATALOG.find(JointResults.PARTIALITY_INSTRUMENT).orElseThrow();
        // Sam sees every professional as fair (5); Mira sees the chair as fair (5), Chris less so (2).
        Map<Long, Double> mira = Map.of(world.chair(), 5.0, world.colleague(), 4.0, world.outsider(), 2.0);
        int n = 0;
        for (JointMeetings.StoredParty member : parties.subList(4, 6)) {
            IssuedInvitation issued = world.invitations()
                    .issue(
                            header.meetingId(),
                            partiality.id(),
                            world.chair(),
                            Duration.ofHours(72),
                            Optional.of(member.id()));
            Invitation invitation = world.invitations().find(issued.token()).orElseThrow();
            assertThat(invitation.jointPartyId()).contains(member.id());
            Map<Long, Map<String, Double>> blocks = new java.util.LinkedHashMap<>();
            for (long professional : List.of(world.chair(), world.colleague(), world.outsider())) {
                double value = member.label().equals("Mira") ? mira.get(professional) : 5.0;
                blocks.put(
                        professional,
                        Map.of(
                                "partiality-every-side", value,
                                "partiality-no-blame", value,
                                "partiality-win-win", value,
                                "partiality-dialogue", value));
            }
            world.checkIns()
                    .submit(
                            invitation,
                            CheckInSubmission.joint(
                                    partiality, Language.EN, ReleaseChoice.NOW, "partiality-" + n++, Map.of(), blocks));
        }
        assertThat(world.jointCheckIns().checkIns(header.meetingId()))
                .extracting(c -> c.jointPartyId().orElseThrow())
                .containsExactly(parties.get(4).id(), parties.get(5).id());

        List<JointResults.PartialityRow> rows = JointResults.partiality(
                parties.stream()
                        .filter(p -> p.kind() == Party.Kind.PROFESSIONAL)
                        .toList(),
                world.jointCheckIns().checkIns(header.meetingId()),
                CATALOG);
        // Range over 4 scale points: chair 0 of 4, colleague 1 of 4, Chris 3 of 4.
        assertThat(rows).extracting(JointResults.PartialityRow::index).containsExactly("0", "25", "75");
        assertThat(rows).extracting(JointResults.PartialityRow::parties).containsExactly(2, 2, 2);
    }

    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void releaseChoicesPerProfessionalBlockAreStoredAndReleasedAtTheNextMeeting(String vendor) {
        MutableClock clock = new MutableClock();
        World world = world(vendor, clock);
        JointMeetings.Header header = world.header();
        Invitation invitation = clientInvitation(world, header);
        CheckInSubmission plain = clientAnswers("block-1", ReleaseChoice.NOW, world);
        // The chair's block now, the colleague's at the next meeting, Chris's (other organisation) team only.
        CheckInSubmission submission = CheckInSubmission.jointWithBlockReleases(
                plain.instrument(),
                plain.language(),
                ReleaseChoice.NOW,
                plain.idempotencyKey(),
                plain.answers(),
                plain.perProfessional(),
                Map.of(
                        world.chair(), ReleaseChoice.NOW,
                        world.colleague(), ReleaseChoice.NEXT_MEETING,
                        world.outsider(), ReleaseChoice.TEAM_ONLY));
        assertThat(world.checkIns().submit(invitation, submission)).isEqualTo(CheckIns.Outcome.SAVED);
        assertThat(world.count("check_in_block_release")).isEqualTo(3);
        Map<Long, JointCheckIns.BlockRelease> stored =
                world.jointCheckIns().checkIns(header.meetingId()).get(0).blockReleases();
        assertThat(stored.get(world.chair()))
                .isEqualTo(new JointCheckIns.BlockRelease(
                        ReleaseChoice.NOW, Optional.of(clock.instant()), BlockAudience.CONCERNED));
        assertThat(stored.get(world.colleague()))
                .isEqualTo(new JointCheckIns.BlockRelease(
                        ReleaseChoice.NEXT_MEETING, Optional.empty(), BlockAudience.CONCERNED));
        assertThat(stored.get(world.outsider()))
                .isEqualTo(new JointCheckIns.BlockRelease(
                        ReleaseChoice.TEAM_ONLY, Optional.empty(), BlockAudience.CONCERNED));
        world.jointCheckIns().recordConsents(world.client(), Map.of(world.outsider(), true));
        clock.advance(Duration.ofMinutes(1));

        // Bonds: chair 5, colleague 4, Chris 2. The chair sees only the block released so far.
        JointResults chair = results(world, header, world.chair(), world.organisation(), clock);
        assertClientScores(chair, "5.0", "–", "–");
        assertThat(chair.split()).isEmpty();
        assertThat(chair.withheld()).isTrue();
        assertThat(decision(world, header, world.colleague(), world.organisation(), clock)
                        .reason())
                .isEqualTo(ConsentRules.Reason.WAITING_FOR_NEXT_MEETING);
        assertThat(decision(world, header, world.outsider(), world.otherOrganisation(), clock)
                        .reason())
                .isEqualTo(ConsentRules.Reason.TEAM_ONLY);

        // The next meeting takes place: on its date the colleague's block is released, Chris's never is.
        world.jdbc()
                .sql("INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)"
                        + " VALUES (?, ?, '2026-01-19', 'REGULAR', 0)")
                .params(world.client(), world.chair())
                .update();
        assertThat(world.jointCheckIns()
                        .checkIns(header.meetingId())
                        .get(0)
                        .blockReleases()
                        .get(world.colleague())
                        .releasedAt())
                .as("entering the next meeting releases nothing before its date")
                .isEmpty();
        clock.advance(Duration.ofDays(14));
        stored = world.jointCheckIns().checkIns(header.meetingId()).get(0).blockReleases();
        assertThat(stored.get(world.colleague()).releasedAt())
                .contains(java.time.Instant.parse("2026-01-19T00:00:00Z"));
        assertThat(stored.get(world.outsider()).releasedAt()).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        JointResults colleague = results(world, header, world.colleague(), world.organisation(), clock);
        assertThat(colleague.decision().orElseThrow().allowed()).isTrue();
        // The client did not share the chair's block with the others: the colleague sees only their own.
        assertClientScores(colleague, "–", "4.0", "–");
        assertThat(colleague.keptForOthers()).isTrue();
        // Chris's block held back: no index (it would tell how far Chris's score lies from the others).
        assertThat(colleague.split()).isEmpty();
        assertThat(decision(world, header, world.outsider(), world.otherOrganisation(), clock)
                        .allowed())
                .isFalse();
    }

    /**
     * Issue 16, GDPR erasure: every row about the client goes, in one transaction, on both databases; another
     * client of the same professional keeps everything.
     */
    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void erasingAClientRemovesEveryRowAboutThemAndNothingElse(String vendor) {
        MutableClock clock = new MutableClock();
        World world = world(vendor, clock);
        JointMeetings.Header header = world.header();
        submitClientAnswers(world, header, "erase-1");
        world.invitations().issue(header.meetingId(), CLIENT.id(), world.chair(), Duration.ofHours(72));
        world.records().addNote(header.id(), GuideStep.INTRODUCE_CLIENT, "notes about Kim");
        world.records()
                .addInterest(
                        header.id(),
                        world.meetings().parties(header.id()).get(0).id(),
                        "A calm home");
        world.jointCheckIns().recordConsents(world.client(), Map.of(world.outsider(), true));
        org.alliance.app.coding.Codings codings =
                new org.alliance.app.coding.Codings(world.jdbc(), world.transactions(), clock);
        long session = codings.openSession(header.meetingId(), world.chair());
        codings.save(
                session,
                new org.alliance.app.coding.CodedEvent(
                        "e1",
                        "client",
                        org.alliance.core.observation.Modality.VERBAL,
                        "introduce-client",
                        0L,
                        1_000L,
                        org.alliance.app.coding.CodedEvent.Kind.STATE,
                        ""));
        // Another client of the same professional, with a meeting and an answered check-in.
        long other = world.jdbc()
                .sql(
                        """
                        INSERT INTO client (organisation_id, team_id, professional_id, alias, internal_id, created_at)
                        SELECT organisation_id, team_id, professional_id, 'Lee', 'K2', 0 FROM client WHERE id = ?
                        RETURNING id""")
                .param(world.client())
                .query(Long.class)
                .single();
        long otherMeeting = world.jdbc()
                .sql("INSERT INTO meeting (client_id, professional_id, meeting_date, kind, created_at)"
                        + " VALUES (?, ?, '2026-01-06', 'REGULAR', 0) RETURNING id")
                .params(other, world.chair())
                .query(Long.class)
                .single();
        world.invitations().issue(otherMeeting, "alliance-client", world.chair(), Duration.ofHours(72));

        org.alliance.app.privacy.ClientErasure erasure =
                new org.alliance.app.privacy.ClientErasure(world.jdbc(), world.transactions());
        Map<String, Long> before = erasure.whatWouldGo(world.client());
        assertThat(before)
                .containsEntry("client", 1L)
                .containsEntry("meetings", 1L)
                .containsEntry("joint-meetings", 1L)
                .containsEntry("check-ins", 1L)
                .containsEntry("invitations", 2L)
                .containsEntry("consents", 1L)
                .containsEntry("coding-sessions", 1L)
                .containsEntry("coding-events", 1L)
                .containsEntry("joint-notes", 1L)
                .containsEntry("joint-interests", 1L)
                .containsEntry("block-releases", 3L);
        assertThat(before.get("answers")).isPositive();
        assertThat(before.get("answers-per-professional")).isEqualTo(12L);
        assertThat(before.get("joint-parties")).isEqualTo(6L);

        assertThat(erasure.erase(world.otherOrganisation(), world.client()))
                .as("another organisation cannot erase the client")
                .isEmpty();
        assertThat(erasure.whatWouldGo(world.client())).isEqualTo(before);

        assertThat(erasure.erase(world.organisation(), world.client())).contains(before);
        assertThat(erasure.whatWouldGo(world.client()))
                .allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
        for (String table : List.of(
                "answer",
                "answer_per_professional",
                "check_in",
                "check_in_block_release",
                "joint_meeting",
                "joint_party",
                "joint_step_note",
                "joint_interest",
                "joint_consent",
                "coding_session",
                "coding_event")) {
            assertThat(world.count(table)).as(table).isZero();
        }
        assertThat(world.count("client")).isEqualTo(1);
        assertThat(world.count("meeting")).isEqualTo(1);
        assertThat(world.count("check_in_invitation")).isEqualTo(1);
    }

    /**
     * Issue 14, promise 2: the client is asked about each professional separately, so a professional sees the
     * client's rating of a colleague only when the client chose that all professionals of the meeting may see it.
     * Every party (chair, colleague, professional of another organisation) against every choice.
     */
    @ParameterizedTest
    @MethodSource("org.alliance.app.TestDatabases#vendors")
    void inAJointMeetingAProfessionalSeesTheClientsRatingOfAColleagueOnlyWhenTheClientSharesIt(String vendor) {
        MutableClock clock = new MutableClock();
        World world = world(vendor, clock);
        JointMeetings.Header header = world.header();
        CheckInSubmission plain = clientAnswers("audience-1", ReleaseChoice.NOW, world);
        Map<Long, ReleaseChoice> now = Map.of(
                world.chair(), ReleaseChoice.NOW,
                world.colleague(), ReleaseChoice.NOW,
                world.outsider(), ReleaseChoice.NOW);
        // Only the block about the chair is shared with everyone; the others are for the professional concerned.
        CheckInSubmission submission = withAudiences(
                plain,
                plain.idempotencyKey(),
                now,
                Map.of(world.chair(), BlockAudience.ALL_PROFESSIONALS, world.colleague(), BlockAudience.CONCERNED));
        Invitation invitation = clientInvitation(world, header);
        assertThat(world.checkIns().submit(invitation, submission)).isEqualTo(CheckIns.Outcome.SAVED);
        Map<Long, JointCheckIns.BlockRelease> stored =
                world.jointCheckIns().checkIns(header.meetingId()).get(0).blockReleases();
        assertThat(stored.get(world.chair()).audience()).isEqualTo(BlockAudience.ALL_PROFESSIONALS);
        assertThat(stored.get(world.colleague()).audience()).isEqualTo(BlockAudience.CONCERNED);
        assertThat(stored.get(world.outsider()).audience())
                .as("not chosen: the professional concerned only")
                .isEqualTo(BlockAudience.CONCERNED);
        world.jointCheckIns().recordConsents(world.client(), Map.of(world.outsider(), true));
        clock.advance(Duration.ofMinutes(1));

        // Bonds: chair 5, colleague 4, Chris 2 (other organisation, with consent).
        JointResults chair = results(world, header, world.chair(), world.organisation(), clock);
        assertClientScores(chair, "5.0", "–", "–");
        JointResults colleague = results(world, header, world.colleague(), world.organisation(), clock);
        assertClientScores(colleague, "5.0", "4.0", "–");
        JointResults outsider = results(world, header, world.outsider(), world.otherOrganisation(), clock);
        assertClientScores(outsider, "5.0", "–", "2.0");
        for (JointResults viewer : List.of(chair, colleague, outsider)) {
            assertThat(viewer.keptForOthers()).isTrue();
            assertThat(viewer.split())
                    .as("the index would tell about a block the viewer may not see")
                    .isEmpty();
            // The questions about the professionals together are seen by all.
            assertThat(viewer.team()).isNotEmpty();
        }
        // The alliance map shows only what the viewer may see.
        assertThat(chair.mapSvg().markup())
                .contains(">5.0<")
                .doesNotContain(">4.0<")
                .doesNotContain(">2.0<");
        assertThat(colleague.mapSvg().markup())
                .contains(">5.0<")
                .contains(">4.0<")
                .doesNotContain(">2.0<");
        assertThat(outsider.mapSvg().markup())
                .contains(">5.0<")
                .contains(">2.0<")
                .doesNotContain(">4.0<");
        // The trends page asks for no map (no label): the same figures, no picture drawn.
        JointResults noMap = results(world, header, world.chair(), world.organisation(), clock, null);
        assertThat(noMap.mapSvg()).isNull();
        assertThat(noMap.professionals()).isEqualTo(chair.professionals());

        // A second check-in in which the client shares every block: everyone sees everything, and the index.
        JointMeetings.Header second = world.meetings()
                .find(world.meetings()
                        .create(
                                world.client(),
                                "Kim",
                                world.meetings().account(world.chair()),
                                LocalDate.of(2026, 2, 2),
                                List.of(
                                        world.meetings().account(world.colleague()),
                                        world.meetings().account(world.outsider())),
                                List.of()))
                .orElseThrow();
        Invitation again = clientInvitation(world, second);
        assertThat(world.checkIns()
                        .submit(
                                again,
                                withAudiences(
                                        plain,
                                        "audience-2",
                                        now,
                                        Map.of(
                                                world.chair(), BlockAudience.ALL_PROFESSIONALS,
                                                world.colleague(), BlockAudience.ALL_PROFESSIONALS,
                                                world.outsider(), BlockAudience.ALL_PROFESSIONALS))))
                .isEqualTo(CheckIns.Outcome.SAVED);
        clock.advance(Duration.ofMinutes(1));
        for (long[] viewer : new long[][] {
            {world.chair(), world.organisation()},
            {world.colleague(), world.organisation()},
            {world.outsider(), world.otherOrganisation()}
        }) {
            JointResults shared = results(world, second, viewer[0], viewer[1], clock);
            assertClientScores(shared, "5.0", "4.0", "2.0");
            assertThat(shared.split()).isPresent();
            assertThat(shared.keptForOthers()).isFalse();
        }
    }

    /** What the consent rules decide for {@code viewer} of {@code viewerOrganisation} about the meeting's results. */
    private static ConsentRules.Decision decision(
            World world, JointMeetings.Header header, long viewer, long viewerOrganisation, Clock clock) {
        return results(world, header, viewer, viewerOrganisation, clock)
                .decision()
                .orElseThrow();
    }

    /** The meeting's results as {@code viewer} of {@code viewerOrganisation} sees them, with the alliance map. */
    private static JointResults results(
            World world, JointMeetings.Header header, long viewer, long viewerOrganisation, Clock clock) {
        return results(world, header, viewer, viewerOrganisation, clock, "map");
    }

    /** The same, with the map labelled {@code mapLabel}, or none drawn where it is null (the trends page). */
    private static JointResults results(
            World world,
            JointMeetings.Header header,
            long viewer,
            long viewerOrganisation,
            Clock clock,
            @Nullable String mapLabel) {
        return JointResults.build(
                header,
                world.meetings().parties(header.id()),
                world.jointCheckIns().checkIns(header.meetingId()),
                world.jointCheckIns().consents(header.clientId()),
                new ConsentRules.Viewer(String.valueOf(viewer), String.valueOf(viewerOrganisation)),
                CATALOG,
                world.meetings().splitThreshold(header.clientOrganisationId()),
                clock.instant(),
                java.util.Locale.ENGLISH,
                mapLabel,
                "own");
    }

    /** The client's score of each professional, in the meeting's order, as {@code results} shows it. */
    private static void assertClientScores(JointResults results, String... scores) {
        assertThat(results.professionals())
                .extracting(JointResults.ProfessionalRow::clientScore)
                .containsExactly(scores);
    }

    /** A fresh invitation for the client's joint check-in of the meeting, made by the chair. */
    private static Invitation clientInvitation(World world, JointMeetings.Header header) {
        return world.invitations()
                .find(world.invitations()
                        .issue(header.meetingId(), CLIENT.id(), world.chair(), Duration.ofHours(72))
                        .token())
                .orElseThrow();
    }

    /** The client's joint check-in of the meeting ({@link #clientAnswers}, released now), through a fresh invitation. */
    private static void submitClientAnswers(World world, JointMeetings.Header header, String key) {
        world.checkIns().submit(clientInvitation(world, header), clientAnswers(key, ReleaseChoice.NOW, world));
    }

    /** Bond 5 for the chair, 4 for the colleague, 2 for the outsider; team items 4. */
    private static CheckInSubmission clientAnswers(String key, ReleaseChoice release, World world) {
        Map<Long, Map<String, Double>> blocks = Map.of(
                world.chair(), bond(5.0),
                world.colleague(), bond(4.0),
                world.outsider(), bond(2.0));
        Map<String, Double> team = Map.of(
                "team-vision", 4.0,
                "team-support", 4.0,
                "voice-decisions", 4.0,
                "voice-honest", 4.0,
                "voice-central", 4.0,
                "voice-conflicts", 4.0);
        // The client shares every block with all professionals of the meeting, released as the check-in.
        Map<Long, ReleaseChoice> releases = new java.util.LinkedHashMap<>();
        Map<Long, BlockAudience> audiences = new java.util.LinkedHashMap<>();
        for (long professional : List.of(world.chair(), world.colleague(), world.outsider())) {
            releases.put(professional, release);
            audiences.put(professional, BlockAudience.ALL_PROFESSIONALS);
        }
        return new CheckInSubmission(CLIENT, Language.EN, release, key, team, blocks, releases, audiences);
    }

    /** {@code plain}'s answers under {@code key}, released now, with these block releases and audiences. */
    private static CheckInSubmission withAudiences(
            CheckInSubmission plain,
            String key,
            Map<Long, ReleaseChoice> releases,
            Map<Long, BlockAudience> audiences) {
        return new CheckInSubmission(
                plain.instrument(),
                plain.language(),
                ReleaseChoice.NOW,
                key,
                plain.answers(),
                plain.perProfessional(),
                releases,
                audiences);
    }

    private static Map<String, Double> bond(double value) {
        return Map.of("bond-trust", value, "bond-listened", value, "bond-respect", value, "bond-understood", value);
    }
}
