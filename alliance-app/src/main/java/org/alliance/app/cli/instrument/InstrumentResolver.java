package org.alliance.app.cli.instrument;

import java.nio.file.Files;
import java.nio.file.Path;
import org.alliance.app.cli.UserInputException;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.InstrumentCatalog;
import org.alliance.core.instrument.InstrumentReader;

/** Turns a command-line {@code --instrument ID|FILE} into an instrument, with an error that says what exists. */
final class InstrumentResolver {

    private InstrumentResolver() {}

    static Instrument resolve(String idOrFile) {
        Path file = Path.of(idOrFile);
        if (Files.isRegularFile(file)) {
            InstrumentReader.Result result = InstrumentReader.read(file);
            if (!result.ok()) {
                throw new UserInputException(idOrFile + " is not a valid instrument:\n"
                        + String.join("\n", InstrumentCommand.format(result.source(), result.errors()))
                        + "\n(run 'alliance instrument validate " + idOrFile + "' for details)");
            }
            return result.instrument().orElseThrow();
        }
        InstrumentCatalog catalog = InstrumentCatalog.builtIn();
        return catalog.find(idOrFile)
                .orElseThrow(() -> new UserInputException("no instrument '" + idOrFile
                        + "': give a definition file or one of " + String.join(", ", InstrumentCatalog.BUILT_IN)));
    }
}
