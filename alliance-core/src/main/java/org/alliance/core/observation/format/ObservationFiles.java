package org.alliance.core.observation.format;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.alliance.core.data.StrictText;
import org.alliance.core.observation.ObservationEvent;

/**
 * Reads and writes observation files by their extension: {@code .eaf} (ELAN), {@code .boris} (BORIS
 * project, read only), {@code .csv}/{@code .tsv}/{@code .txt} (our CSV, or a BORIS tabular export, recognised
 * by its Behavior and Time columns).
 */
public final class ObservationFiles {

    private ObservationFiles() {}

    /**
     * @param mapping ELAN tier mapping (ignored for other formats)
     * @param observation BORIS observation id to read; empty for the only (or first) one
     * @param closeUnpaired close unpaired BORIS state events at the end of the observation instead of dropping them
     */
    public record ReadOptions(ElanMapping mapping, String observation, boolean closeUnpaired) {
        public static ReadOptions defaults() {
            return new ReadOptions(ElanMapping.byParticipant(), "", true);
        }
    }

    public static ObservationData read(Path file, ReadOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new ObservationFormatException(file + ": file not found");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".eaf")) {
            return ElanReader.read(file, options.mapping()).data();
        }
        if (name.endsWith(".boris")) {
            return choose(BorisProjectReader.read(file, options.closeUnpaired()).observations(), file, options);
        }
        if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
            String text = utf8Text(file);
            if (BorisTabularReader.looksLikeBoris(text)) {
                return choose(
                        BorisTabularReader.read(text, file.getFileName().toString(), options.closeUnpaired()),
                        file,
                        options);
            }
            return CsvEvents.read(new StringReader(text), file.getFileName().toString());
        }
        throw new ObservationFormatException(
                file + ": unknown file type; expected .eaf (ELAN), .boris (BORIS) or .csv");
    }

    /**
     * The file as UTF-8 text; a file in another encoding is an error that names the line and the byte, not a bare
     * decoding failure (issue 16).
     */
    static String utf8Text(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ObservationFormatException(file + ": file not found");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StrictText.Decoded decoded = StrictText.decode(bytes, StandardCharsets.UTF_8);
        if (decoded instanceof StrictText.Invalid bad) {
            throw new ObservationFormatException(file.getFileName() + ", " + bad.where() + ": not UTF-8 text (byte "
                    + bad.value() + "); save the file as UTF-8 (in Excel: CSV UTF-8)");
        }
        return ((StrictText.Text) decoded).text();
    }

    private static ObservationData choose(List<BorisObservation> observations, Path file, ReadOptions options) {
        if (observations.isEmpty()) {
            throw new ObservationFormatException(file + ": the file holds no observations");
        }
        BorisObservation chosen = observations.get(0);
        if (!options.observation().isEmpty()) {
            chosen = observations.stream()
                    .filter(o -> o.id().equals(options.observation()))
                    .findFirst()
                    .orElseThrow(() -> new ObservationFormatException(file + ": no observation '"
                            + options.observation() + "'; the file has "
                            + observations.stream().map(BorisObservation::id).toList()));
        }
        if (observations.size() > 1 && options.observation().isEmpty()) {
            List<ImportNote> notes = new ArrayList<>(chosen.data().notes());
            notes.add(
                    0,
                    new ImportNote(
                            "",
                            "the file holds " + observations.size() + " observations "
                                    + observations.stream()
                                            .map(BorisObservation::id)
                                            .toList() + "; read the first, '" + chosen.id()
                                    + "'"));
            return new ObservationData(chosen.data().events(), chosen.data().scheme(), notes);
        }
        return chosen.data();
    }

    /** Writes {@code .eaf} or {@code .csv}, chosen by the extension. */
    public static void write(Path file, ObservationData data, ElanWriter.Options elanOptions) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<ObservationEvent> events = data.events();
        if (name.endsWith(".eaf")) {
            ElanWriter.write(file, events, data.scheme(), elanOptions);
        } else if (name.endsWith(".csv")) {
            CsvEvents.write(file, events);
        } else if (name.endsWith(".boris")) {
            throw new ObservationFormatException(
                    file + ": BORIS projects can be read but not written;" + " write .eaf or .csv");
        } else {
            throw new ObservationFormatException(file + ": unknown output type; expected .eaf or .csv");
        }
    }
}
