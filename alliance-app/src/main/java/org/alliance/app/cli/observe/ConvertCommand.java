package org.alliance.app.cli.observe;

import java.nio.file.Path;
import java.util.List;
import org.alliance.app.cli.UserInputException;
import org.alliance.app.time.Clocks;
import org.alliance.core.observation.format.ElanWriter;
import org.alliance.core.observation.format.ObservationData;
import org.alliance.core.observation.format.ObservationFiles;
import org.alliance.stats.provenance.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code observe convert IN OUT}: between .eaf, .boris (read only) and .csv. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = {
            "Convert coded events between ELAN .eaf (written as 3.0), BORIS .boris (read only) and our .csv.",
            "An .eaf is written with one tier per actor and modality and the coding scheme as vocabulary."
        })
final class ConvertCommand extends ObservationCommand {

    @Parameters(index = "0", paramLabel = "IN", description = "Input: .eaf, .boris or .csv.")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output: .eaf or .csv.")
    Path output;

    @Mixin
    ReadOptions read = new ReadOptions();

    @Option(
            names = "--media-url",
            paramLabel = "URL",
            defaultValue = "",
            description = ".eaf output: the recording to link (it never leaves your computer).")
    String mediaUrl;

    /** The JSON of {@code observe convert}. */
    record ConvertJson(String input, String output, int events, List<String> notes, Provenance provenance) {}

    @Override
    int execute() {
        String name = output.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!name.endsWith(".eaf") && !name.endsWith(".csv")) {
            throw new UserInputException(output + ": the output must end in .eaf or .csv");
        }
        ObservationData data = read(input, read);
        ElanWriter.Options defaults = ElanWriter.Options.defaults(Clocks.wallClock());
        ObservationFiles.write(
                output,
                data,
                new ElanWriter.Options(
                        defaults.author(),
                        defaults.date(),
                        mediaUrl,
                        mediaUrl.endsWith(".wav") ? "audio/x-wav" : "video/mp4"));
        if (format.json()) {
            printJson(new ConvertJson(
                    input.toString(), output.toString(), data.events().size(), notes(data), provenance()));
        } else {
            out().println("wrote " + data.events().size() + " events to " + output);
            out().flush();
        }
        return OK;
    }
}
