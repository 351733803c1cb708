package org.alliance.app.joint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import org.alliance.app.AllianceWebTest;
import org.alliance.app.TestWorld;
import org.alliance.app.demo.DemoSeeder;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.joint.Consent;
import org.alliance.core.joint.ConsentRules;
import org.alliance.core.joint.Party;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The demo's joint meetings: three meetings, each with three professionals of whom one works for another
 * organisation, network members (one absent), the client's joint check-in and the three professionals' own
 * ratings; the consent history has a withdrawal and a new consent, so the debt-service professional sees the
 * results now, with a split-alliance alert in the last meeting.
 */
@AllianceWebTest
class JointDemoSeederTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JointMeetings meetings;

    @Test
    void theDemoGetsThreeJointMeetingsWithCheckInsAcrossTwoOrganisations() {
        new TestWorld(context);
        JointDemoSeeder seeder = new JointDemoSeeder(
                context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class),
                meetings,
                context.getBean(org.alliance.app.caseload.Caseload.class),
                context.getBean(org.alliance.app.checkin.Invitations.class),
                context.getBean(org.alliance.app.checkin.CheckIns.class),
                context.getBean(org.alliance.app.organisation.Organisations.class),
                context.getBean(org.alliance.app.system.UserAccounts.class),
                context.getBeanProvider(DemoSeeder.class),
                context.getBean(InstrumentCatalog.class),
                context.getBean(org.alliance.app.coding.Codings.class),
                context.getBean(Clock.class));

        List<Long> created = seeder.seed();

        assertThat(created).hasSize(3);
        JointMeetings.Account dirk = meetings.professional("dirk").orElseThrow();
        for (long id : created) {
            JointMeetings.Header header = meetings.find(id).orElseThrow();
            List<JointMeetings.StoredParty> parties = meetings.parties(id);
            assertThat(parties)
                    .filteredOn(p -> p.kind() == Party.Kind.PROFESSIONAL)
                    .hasSize(3);
            assertThat(JointResults.otherOrganisation(header, parties)).containsExactly(dirk.id());
            assertThat(parties).filteredOn(p -> !p.present()).hasSize(1);
            List<JointMeetings.StoredJointCheckIn> checkIns = meetings.checkIns(header.meetingId());
            assertThat(checkIns).filteredOn(c -> c.raterId().isPresent()).hasSize(3);
            assertThat(checkIns)
                    .filteredOn(c -> c.instrumentId().equals(JointResults.CLIENT_INSTRUMENT))
                    .singleElement()
                    .satisfies(c -> assertThat(c.perProfessional()).hasSize(3));
            // Each meeting is coded, so the trends page has the client's observed participation to show.
            assertThat(context.getBean(org.alliance.app.coding.MeetingObservations.class)
                            .figures(header.meetingId()))
                    .hasValueSatisfying(figures -> assertThat(figures.actors())
                            .extracting(row -> row.actor())
                            .contains("client", "professional-a", "professional-b", "professional-c"));
        }
        JointMeetings.Header last = meetings.find(created.get(2)).orElseThrow();
        assertThat(meetings.consents(last.clientId()))
                .extracting(Consent::action)
                .containsExactly(Consent.Action.GIVEN, Consent.Action.WITHDRAWN, Consent.Action.GIVEN);
        JointResults results = JointResults.build(
                last,
                meetings.parties(last.id()),
                meetings.checkIns(last.meetingId()),
                meetings.consents(last.clientId()),
                new ConsentRules.Viewer(String.valueOf(dirk.id()), String.valueOf(dirk.organisationId())),
                context.getBean(InstrumentCatalog.class),
                meetings.splitThreshold(last.clientOrganisationId()),
                context.getBean(Clock.class).instant().plusSeconds(1),
                java.util.Locale.ENGLISH,
                "map",
                "own");
        assertThat(results.visible()).isTrue();
        assertThat(results.alert())
                .as("the last demo meeting has a split alliance")
                .isPresent();
    }
}
