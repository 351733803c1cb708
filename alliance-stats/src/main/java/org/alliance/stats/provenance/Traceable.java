package org.alliance.stats.provenance;

/** A result that says where it comes from. Every statistic's result is one ({@code ArchitectureTest} checks). */
public interface Traceable {

    /** How this result was made. */
    Provenance provenance();
}
