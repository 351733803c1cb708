package org.alliance.app.cli;

import org.alliance.stats.provenance.Provenance;
import picocli.CommandLine.IVersionProvider;

/** The version printed by {@code alliance --version}, read from the jar manifest. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {Provenance.Software.ALLIANCE.toString()};
    }
}
