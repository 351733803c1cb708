package org.alliance.core.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.alliance.core.demo.DemoData.CheckIn;
import org.alliance.core.demo.DemoData.Client;
import org.alliance.core.demo.DemoData.Meeting;
import org.alliance.core.demo.DemoData.Trajectory;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.Perspective;
import org.alliance.core.release.ReleaseChoice;
import org.alliance.core.scoring.Scoring;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final InstrumentCatalog CATALOG = InstrumentCatalog.builtIn();
    private static DemoData data;
    private static Map<String, Meeting> meetings;
    private static Map<String, Client> clients;

    @BeforeAll
    static void generate() {
        data = DemoGenerator.generate(DemoOptions.demo(42, TODAY));
        meetings = data.meetings().stream().collect(Collectors.toMap(Meeting::id, m -> m));
        clients = data.clients().stream().collect(Collectors.toMap(Client::id, c -> c));
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedDoesNot() {
        DemoData again = DemoGenerator.generate(DemoOptions.demo(42, TODAY));
        assertThat(again.checkIns()).isEqualTo(data.checkIns());
        assertThat(again.meetings()).isEqualTo(data.meetings());
        assertThat(DemoGenerator.generate(DemoOptions.demo(43, TODAY)).checkIns())
                .isNotEqualTo(data.checkIns());
    }

    @Test
    void eachClientDrawsFromAStreamOfItsOwn() {
        // Fewer clients: the first thirty are exactly the same (names, meetings, answers).
        DemoData fewer = DemoGenerator.generate(DemoOptions.endingOn(42, 30, TODAY, 9));
        assertThat(fewer.clients()).isEqualTo(data.clients().subList(0, 30));
        List<String> first30 = fewer.clients().stream().map(Client::id).toList();
        assertThat(fewer.meetings())
                .isEqualTo(data.meetings().stream()
                        .filter(m -> first30.contains(m.clientId()))
                        .toList());
        assertThat(fewer.checkIns())
                .isEqualTo(data.checkIns().stream()
                        .filter(c ->
                                first30.contains(meetings.get(c.meetingId()).clientId()))
                        .toList());
    }

    @Test
    void onAnotherDayTheSameDemoMovesAlongTheCalendarDayByDay() {
        // A leap day, the end of February and the end of a 31-day month: the same meetings, shifted in days.
        for (LocalDate other :
                List.of(LocalDate.of(2028, 2, 29), LocalDate.of(2027, 2, 28), LocalDate.of(2026, 12, 31))) {
            long shift = java.time.temporal.ChronoUnit.DAYS.between(TODAY, other);
            DemoData moved = DemoGenerator.generate(DemoOptions.demo(42, other));
            assertThat(moved.checkIns()).isEqualTo(data.checkIns());
            assertThat(moved.meetings())
                    .isEqualTo(data.meetings().stream()
                            .map(m -> new Meeting(
                                    m.id(),
                                    m.clientId(),
                                    m.professionalId(),
                                    m.date().plusDays(shift),
                                    m.number()))
                            .toList());
            assertThat(moved.story()).isEqualTo(data.story());
        }
    }

    @Test
    void theStoryNamesEverySituationWithItsClients() {
        DemoStory story = data.story();
        assertThat(story.situations())
                .extracting(DemoStory.Situation::kind)
                .containsExactly(
                        DemoStory.Kind.GAP,
                        DemoStory.Kind.DROP_AFTER_CONFLICT,
                        DemoStory.Kind.CEILING,
                        DemoStory.Kind.HELD_BACK);
        DemoStory.Situation gap = story.of(DemoStory.Kind.GAP).get(0);
        assertThat(gap.login()).isEqualTo("daan");
        assertThat(gap.clientIds()).hasSize(8);
        assertThat(gap.clientIds())
                .allSatisfy(id -> assertThat(clients.get(id).trajectory()).isNotEqualTo(Trajectory.CEILING));
        String ceiling = story.of(DemoStory.Kind.CEILING).get(0).clientIds().get(0);
        assertThat(clients.get(ceiling).trajectory()).isEqualTo(Trajectory.CEILING);
        String heldBack = story.of(DemoStory.Kind.HELD_BACK).get(0).clientIds().get(0);
        List<Meeting> ofHeldBack = data.meetings().stream()
                .filter(m -> m.clientId().equals(heldBack))
                .toList();
        Meeting latest = ofHeldBack.get(ofHeldBack.size() - 1);
        Meeting before = ofHeldBack.get(ofHeldBack.size() - 2);
        assertThat(data.checkIns())
                .filteredOn(
                        c -> c.meetingId().equals(latest.id()) || c.meetingId().equals(before.id()))
                .filteredOn(c -> c.instrumentId().equals("alliance-session-check"))
                .hasSize(2)
                .allSatisfy(c -> assertThat(c.release()).isEqualTo(ReleaseChoice.NEXT_MEETING));
    }

    @Test
    void aWindowTooShortForAStoryHasNone() {
        assertThat(DemoGenerator.generate(DemoOptions.endingOn(42, 12, TODAY, 2))
                        .story()
                        .situations())
                .isEmpty();
    }

    @Test
    void theDemoHasTwoTeamsSixProfessionalsSixtyClientsAndAboutSixHundredMeetings() {
        assertThat(data.teams()).hasSize(2);
        assertThat(data.professionals()).hasSize(6);
        assertThat(data.professionals().stream()
                        .map(DemoData.Professional::teamId)
                        .distinct())
                .hasSize(2);
        assertThat(data.clients()).hasSize(60);
        assertThat(data.meetings().size()).isBetween(500, 720);
        assertThat(data.meetings()).allSatisfy(m -> assertThat(m.date()).isBefore(TODAY));
    }

    @Test
    void everyGeneratedAnswerIsValidForItsInstrument() {
        for (CheckIn checkIn : data.checkIns()) {
            Scoring.score(CATALOG.find(checkIn.instrumentId()).orElseThrow(), checkIn.answers());
        }
        assertThat(data.checkIns())
                .extracting(CheckIn::instrumentId)
                .contains("alliance-session-check", "alliance-client", "alliance-professional");
    }

    @Test
    void itemsCorrelateMoreWithinTheirDimensionThanAcrossDimensions() {
        List<CheckIn> forms = forms("alliance-client");
        List<String> items = new ArrayList<>(data.truth().loadings().keySet());
        double within = 0;
        double across = 0;
        int nWithin = 0;
        int nAcross = 0;
        for (int i = 0; i < items.size(); i++) {
            for (int j = 0; j < i; j++) {
                double r = correlation(forms, items.get(i), items.get(j));
                if (items.get(i).substring(0, 4).equals(items.get(j).substring(0, 4))) {
                    within += r;
                    nWithin++;
                } else {
                    across += r;
                    nAcross++;
                }
            }
        }
        assertThat(within / nWithin).isGreaterThan(across / nAcross + 0.05);
        assertThat(across / nAcross).isGreaterThan(0.2);
    }

    @Test
    void answersPileUpNearTheTopAsRealAllianceRatingsDo() {
        List<Double> answers = forms("alliance-client").stream()
                .flatMap(c -> c.answers().values().stream())
                .toList();
        long top = answers.stream().filter(a -> a == 5.0).count();
        long bottom = answers.stream().filter(a -> a == 1.0).count();
        assertThat((double) top / answers.size()).isGreaterThan(0.3);
        assertThat(bottom).isLessThan(top / 5);
    }

    @Test
    void aboutThreePercentOfItemAnswersAreMissing() {
        List<CheckIn> forms = forms("alliance-client");
        long asked = forms.size() * 12L;
        long given = forms.stream().mapToLong(c -> c.answers().size()).sum();
        assertThat(1.0 - (double) given / asked).isBetween(0.01, 0.06);
    }

    @Test
    void oneProfessionalRatesClearlyHigherThanTheirClients() {
        Map<String, List<Double>> gaps = new HashMap<>();
        Map<String, CheckIn> clientForms = new HashMap<>();
        forms("alliance-client").forEach(c -> clientForms.put(c.meetingId(), c));
        for (CheckIn own : forms("alliance-professional")) {
            CheckIn client = clientForms.get(own.meetingId());
            if (client == null) {
                continue;
            }
            double gap = mean(own) - mean(client);
            gaps.computeIfAbsent(meetings.get(own.meetingId()).professionalId(), k -> new ArrayList<>())
                    .add(gap);
        }
        String higher = data.professionals().stream()
                .filter(DemoData.Professional::ratesHigher)
                .findFirst()
                .orElseThrow()
                .id();
        double higherGap = average(gaps.get(higher));
        gaps.forEach((professional, list) -> {
            if (!professional.equals(higher)) {
                assertThat(higherGap).isGreaterThan(average(list) + 0.25);
            }
        });
    }

    @Test
    void risingClientsEndHigherThanTheyStartAndConflictsShowADrop() {
        Map<String, List<Double>> byClient = new HashMap<>();
        List<CheckIn> checks = forms("alliance-session-check");
        checks.sort((a, b) -> meetings.get(a.meetingId())
                .date()
                .compareTo(meetings.get(b.meetingId()).date()));
        for (CheckIn check : checks) {
            byClient.computeIfAbsent(meetings.get(check.meetingId()).clientId(), k -> new ArrayList<>())
                    .add(mean(check));
        }
        double firstRising = 0;
        double lastRising = 0;
        int drops = 0;
        int dropClients = 0;
        for (Map.Entry<String, List<Double>> entry : byClient.entrySet()) {
            List<Double> series = entry.getValue();
            Trajectory trajectory = clients.get(entry.getKey()).trajectory();
            if (trajectory == Trajectory.RISING && series.size() > 3) {
                firstRising += series.get(0);
                lastRising += series.get(series.size() - 1);
            }
            if (trajectory == Trajectory.DROP_AFTER_CONFLICT && series.size() > 3) {
                dropClients++;
                for (int i = 1; i < series.size(); i++) {
                    if (series.get(i - 1) - series.get(i) >= 1.5) {
                        drops++;
                        break;
                    }
                }
            }
        }
        assertThat(lastRising).isGreaterThan(firstRising);
        assertThat(dropClients).isPositive();
        assertThat((double) drops / dropClients).isGreaterThan(0.5);
    }

    @Test
    void professionalsReleaseNowAndClientsChooseAllThreeWays() {
        assertThat(data.checkIns().stream().filter(c -> c.perspective() == Perspective.PROFESSIONAL))
                .allSatisfy(c -> assertThat(c.release()).isEqualTo(ReleaseChoice.NOW));
        assertThat(data.checkIns().stream().map(CheckIn::release).distinct()).hasSize(3);
    }

    private static List<CheckIn> forms(String instrument) {
        return data.checkIns().stream()
                .filter(c -> c.instrumentId().equals(instrument))
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static double mean(CheckIn checkIn) {
        return checkIn.answers().values().stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElse(Double.NaN);
    }

    private static double average(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Pearson correlation over check-ins that answered both items. */
    private static double correlation(List<CheckIn> forms, String a, String b) {
        List<double[]> pairs = new ArrayList<>();
        for (CheckIn form : forms) {
            Double x = form.answers().get(a);
            Double y = form.answers().get(b);
            if (x != null && y != null) {
                pairs.add(new double[] {x, y});
            }
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
