package org.alliance.core;

/** The software version recorded in the provenance of every result. */
public final class AllianceVersion {

    private AllianceVersion() {}

    public static String get() {
        String version = AllianceVersion.class.getPackage().getImplementationVersion();
        return "alliance " + (version == null ? "development" : version);
    }
}
