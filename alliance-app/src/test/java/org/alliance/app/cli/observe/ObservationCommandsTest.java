package org.alliance.app.cli.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.alliance.app.cli.AllianceCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ObservationCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = AllianceCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    /** {@code observe pattern} of the meeting with this sequence and options, as JSON, into a fresh output. */
    private int pattern(Path meeting, String sequence, String... options) {
        List<String> args = new ArrayList<>(List.of("observe", "pattern", meeting.toString(), "--sequence", sequence));
        args.addAll(List.of(options));
        args.addAll(List.of("--format", "json"));
        out.getBuffer().setLength(0);
        return run(args.toArray(String[]::new));
    }

    /** {@code observe agreement} of the two codings with these options, into a fresh output. */
    private int agreement(Path first, Path second, String... options) {
        List<String> args = new ArrayList<>(List.of("observe", "agreement", first.toString(), second.toString()));
        args.addAll(List.of(options));
        out.getBuffer().setLength(0);
        return run(args.toArray(String[]::new));
    }

    private JsonNode json() {
        return JsonMapper.builder().build().readTree(out.toString());
    }

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private static final String MEETING = TestCodings.MEETING;

    @Test
    void statsGivesParticipationPerActor() throws IOException {
        Path csv = file("meeting.csv", MEETING);
        assertThat(run("observe", "stats", csv.toString(), "--format", "json")).isZero();
        JsonNode participants = json().get("participants");
        assertThat(participants).hasSize(2);
        JsonNode professional = participants.get(0);
        assertThat(professional.get("actor").asString()).isEqualTo("professional");
        assertThat(professional.get("events").asInt()).isEqualTo(3);
        assertThat(professional.get("turns").asInt()).isEqualTo(2);
        assertThat(professional.get("turn_share").asDouble()).isEqualTo(0.5);
        assertThat(professional.get("speech_ms").asLong()).isEqualTo(5500);
        JsonNode client = participants.get(1);
        assertThat(client.get("speech_ms").asLong()).isEqualTo(3000);
        assertThat(client.get("time_share").asDouble()).isEqualTo(3000.0 / 8500);
        assertThat(json().get("overlap_ms").asLong()).isEqualTo(2000);
        assertThat(json().get("client_latency_ms").asLong()).isEqualTo(3000);
        assertThat(json().get("provenance").get("command").asString()).startsWith("observe stats");
    }

    @Test
    void statsReadsElanWithAnExplicitMapping() {
        Path eaf = Path.of("../alliance-core/src/test/resources/observation/speach_test_3.0_cv.eaf");
        assertThat(run("observe", "stats", eaf.toString(), "--map", "marker=note taker:non-verbal", "--format", "json"))
                .isZero();
        assertThat(json().get("participants").get(0).get("actor").asString()).isEqualTo("note taker");
    }

    @Test
    void transitionsReproduceTheReferenceCheckValue() throws IOException {
        StringBuilder csv = new StringBuilder("actor,code,onset_ms\n");
        String[] codes = "I O T O T V S O C S T V S O S".split(" ");
        for (int i = 0; i < codes.length; i++) {
            csv.append("x,").append(codes[i]).append(',').append(i * 1000).append('\n');
        }
        Path file = file("sequence.csv", csv.toString());
        assertThat(run("observe", "transitions", file.toString(), "--lag", "1", "--format", "json"))
                .isZero();
        JsonNode tv = null;
        for (JsonNode t : json().get("transitions")) {
            if (t.get("from").asString().equals("T") && t.get("to").asString().equals("V")) {
                tv = t;
            }
        }
        assertThat(tv).isNotNull();
        assertThat(tv.get("count").asInt()).isEqualTo(2);
        assertThat(tv.get("expected").asDouble()).isCloseTo(0.429, org.assertj.core.api.Assertions.within(0.0005));
        assertThat(tv.get("probability").asDouble()).isCloseTo(0.667, org.assertj.core.api.Assertions.within(0.0005));
        assertThat(tv.get("adjusted_residual").asDouble())
                .isCloseTo(2.925, org.assertj.core.api.Assertions.within(0.0005));
        assertThat(tv.get("yules_q").asDouble()).isEqualTo(1.0);
    }

    @Test
    void patternReportsMatchAndFirstFailedStep() throws IOException {
        Path csv = file("meeting.csv", MEETING);
        assertThat(pattern(csv, "introducing-client>open-communication>team-support>vision-goals>shared-decision"))
                .isZero();
        assertThat(json().get("matched").asBoolean()).isTrue();
        assertThat(json().get("steps")).hasSize(5);
        assertThat(pattern(csv, "team-support>introducing-client")).isZero();
        assertThat(json().get("matched").asBoolean()).isFalse();
        assertThat(json().get("first_failed_step").get("step").asInt()).isEqualTo(2);
        assertThat(pattern(csv, "open-communication>team-support", "--max-gap-ms", "0"))
                .isZero();
        assertThat(json().get("matched").asBoolean()).isTrue(); // client's open communication overlaps team support
        // restricted to a phase that starts after the introduction, the facilitating order cannot occur
        assertThat(pattern(csv, "introducing-client>open-communication", "--from-ms", "100"))
                .isZero();
        assertThat(json().get("first_failed_step").get("step").asInt()).isEqualTo(1);
    }

    /** One actor's coding as CSV: one state a second, the codes in order. */
    private static String oneSecondStates(String codes) {
        StringBuilder csv = new StringBuilder("actor,code,onset_ms,offset_ms\n");
        for (int i = 0; i < codes.length(); i++) {
            csv.append("x,")
                    .append(codes.charAt(i))
                    .append(',')
                    .append(i * 1000)
                    .append(',')
                    .append(i * 1000 + 1000)
                    .append('\n');
        }
        return csv.toString();
    }

    @Test
    void agreementGivesKappaAndTheConfusionTable() throws IOException {
        Path fa = file("a.csv", oneSecondStates("AABBCABCAA"));
        Path fb = file("b.csv", oneSecondStates("ABBBCABAAC"));
        assertThat(agreement(fa, fb, "--method", "cohen", "--format", "json")).isZero();
        assertThat(json().get("kappa").asDouble()).isCloseTo(0.53125, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(json().get("confusion").get(0).get(0).asInt()).isEqualTo(3);
        // one-second states on a one-second grid: every unit is one event, so time-unit kappa is the same
        assertThat(agreement(fa, fb, "--method", "time-unit", "--unit-ms", "1000", "--format", "json"))
                .isZero();
        assertThat(json().get("units").asInt()).isEqualTo(10);
        assertThat(json().get("kappa").asDouble()).isCloseTo(0.53125, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(agreement(fa, fb, "--method", "alignment", "--format", "text"))
                .isZero();
        assertThat(out.toString()).contains("alignment kappa").contains("confusion table");
    }

    @Test
    void alphaReproducesKrippendorff2011() throws IOException {
        Path data = file(
                "k.csv",
                """
                A,B,C,D
                1,1,,1
                2,2,3,2
                3,3,3,3
                3,3,3,3
                2,2,2,2
                1,2,3,4
                4,4,4,4
                1,1,2,1
                2,2,2,2
                ,5,5,5
                ,,1,1
                ,3,,
                """);
        for (var level : List.of(
                List.of("nominal", "0.743"),
                List.of("ordinal", "0.815"),
                List.of("interval", "0.849"),
                List.of("ratio", "0.797"))) {
            out.getBuffer().setLength(0);
            assertThat(run("agreement", "alpha", data.toString(), "--level", level.get(0), "--format", "json"))
                    .isZero();
            assertThat(json().get("alpha").asDouble())
                    .isCloseTo(Double.parseDouble(level.get(1)), org.assertj.core.api.Assertions.within(0.0005));
        }
    }

    @Test
    void convertRoundTripsThroughElan() throws IOException {
        Path csv = file("meeting.csv", MEETING);
        Path eaf = dir.resolve("meeting.eaf");
        Path back = dir.resolve("back.csv");
        assertThat(run("observe", "convert", csv.toString(), eaf.toString())).isZero();
        assertThat(run("observe", "convert", eaf.toString(), back.toString())).isZero();
        assertThat(Files.readString(back)).isEqualTo(MEETING);
    }

    @Test
    void borisProjectAndTabularExportAreRead() throws IOException {
        Path project = file(
                "meetings.boris",
                """
                {"project_name": "meetings", "time_format": "s",
                 "subjects_conf": {"0": {"key": "1", "name": "client", "description": ""}},
                 "behaviors_conf": {"0": {"type": "State event", "key": "O", "code": "open-communication",
                                          "description": "", "category": "", "modifiers": "", "excluded": ""}},
                 "observations": {"m1": {"type": "LIVE", "date": "", "description": "",
                   "events": [[1.0, "client", "open-communication", "", ""], [3.5, "client", "open-communication", "", ""],
                              [5.0, "client", "open-communication", "", ""]]}}}
                """);
        assertThat(run("observe", "stats", project.toString(), "--format", "json"))
                .isZero();
        JsonNode client = json().get("participants").get(0);
        assertThat(client.get("actor").asString()).isEqualTo("client");
        assertThat(client.get("speech_ms").asLong()).isEqualTo(2500); // the unpaired start at 5 s closes at 5 s
        assertThat(json().get("notes").toString()).contains("unpaired");
        out.getBuffer().setLength(0);
        Path tabular = file(
                "export.tsv",
                String.join(
                        "\n",
                        "Observation id\tSubject\tBehavior\tBehavioral category\tModifiers\tBehavior type\tTime\tComment",
                        "m1\tclient\tnodding\tnon-verbal\t\tSTART\t1.0\t",
                        "m1\tclient\tnodding\tnon-verbal\t\tSTOP\t4.0\t",
                        ""));
        Path csv = dir.resolve("export.csv");
        assertThat(run("observe", "convert", tabular.toString(), csv.toString()))
                .isZero();
        assertThat(Files.readString(csv)).endsWith("client,non-verbal,nodding,1000,4000,,\n");
    }

    /** JSON is the stable contract, so it is the default of the observation commands too (issue 12). */
    @Test
    void withoutFormatTheObservationCommandsPrintJson() throws IOException {
        Path csv = file("meeting.csv", MEETING);
        assertThat(run("observe", "stats", csv.toString())).isZero();
        assertThat(json().get("participants")).hasSize(2);
        assertThat(json().get("provenance").get("software").asString()).startsWith("alliance ");
        out.getBuffer().setLength(0);
        assertThat(run("observe", "transitions", csv.toString())).isZero();
        assertThat(json().has("transitions")).isTrue();
        out.getBuffer().setLength(0);
        assertThat(run("observe", "stats", csv.toString(), "--format", "TEXT")).isZero();
        assertThat(out.toString()).doesNotStartWith("{");
    }

    @Test
    void badFilesAndOptionsExitWithTwoAndAClearMessage() throws IOException {
        Path bad = file("bad.csv", "actor,code,onset_ms\nclient,x,soon\n");
        assertThat(run("observe", "stats", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("error: bad.csv, line 2, column onset_ms: 'soon' is not a whole number");
        err.getBuffer().setLength(0);
        Path eaf =
                file("bad.eaf", "<?xml version=\"1.0\"?>\n<ANNOTATION_DOCUMENT>\n<HEADER>\n</ANNOTATION_DOCUMENT>\n");
        assertThat(run("observe", "stats", eaf.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.eaf, line 4");
        err.getBuffer().setLength(0);
        assertThat(run("observe", "stats", dir.resolve("missing.csv").toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("file not found");
        Path csv = file("meeting.csv", MEETING);
        assertThat(run("observe", "stats", csv.toString(), "--format", "xml")).isEqualTo(2);
        assertThat(run("observe", "transitions", csv.toString(), "--lag", "0")).isEqualTo(2);
        assertThat(run("observe", "transitions", csv.toString(), "--by", "colour"))
                .isEqualTo(2);
        assertThat(run("observe", "stats", csv.toString(), "--map", "nonsense")).isEqualTo(2);
        assertThat(run("observe", "agreement", csv.toString(), csv.toString(), "--method", "magic"))
                .isEqualTo(2);
        assertThat(run(
                        "observe",
                        "convert",
                        csv.toString(),
                        dir.resolve("out.boris").toString()))
                .isEqualTo(2);
        assertThat(run("agreement", "alpha", csv.toString(), "--level", "interval"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("is not a number");
    }
}
