package org.alliance.app.cli;

/** The application's version, recorded in the provenance of every result. */
public final class AppVersion {

    private AppVersion() {}

    public static String get() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
