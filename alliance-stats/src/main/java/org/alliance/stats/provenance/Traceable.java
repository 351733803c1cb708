package org.alliance.stats.provenance;

/** A result that says where it comes from. Every statistic's result is one ({@code ArchitectureTest} checks). */
public interface Traceable {

    /** How this result was made. */
    Provenance provenance();

    /** A result whose provenance is its method in words, its component {@code method}. */
    interface ByMethod extends Traceable {

        /** The definitions followed, in words, with the R function they mirror. */
        String method();

        @Override
        default Provenance provenance() {
            return Provenance.method(method());
        }
    }
}
