package org.alliance.app.caseload;

import java.time.LocalDate;

/** A meeting between a professional and a client. */
public record Meeting(long id, long clientId, long professionalId, LocalDate date, Kind kind) {

    /** What kind of meeting it was. */
    public enum Kind {
        INTAKE,
        REGULAR,
        JOINT,
        CLOSING;

        /** The kind a form sent, by its exact name; empty for anything else. */
        public static java.util.Optional<Kind> parse(String name) {
            return org.alliance.app.system.FormValues.constant(Kind.class, name);
        }
    }
}
