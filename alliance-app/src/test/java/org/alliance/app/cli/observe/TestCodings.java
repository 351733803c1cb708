package org.alliance.app.cli.observe;

/** Coded meetings as CSV for the command tests. */
public final class TestCodings {

    /** One meeting coded by anna: a professional and a client, six events, one of them non-verbal. */
    public static final String MEETING =
            """
            actor,modality,code,onset_ms,offset_ms,coder,comment
            professional,verbal,introducing-client,0,2000,anna,
            professional,verbal,open-communication,500,2500,anna,
            client,verbal,open-communication,3000,5000,anna,
            professional,verbal,team-support,4000,7000,anna,
            client,verbal,vision-goals,6000,7000,anna,
            client,non-verbal,shared-decision,6500,6500,anna,
            """;

    private TestCodings() {}
}
