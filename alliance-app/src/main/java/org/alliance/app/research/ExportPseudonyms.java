package org.alliance.app.research;

import java.util.HashMap;
import java.util.Map;
import org.alliance.core.research.StudyPseudonyms;

/**
 * The pseudonyms and date shift of the client whose rows are being written (rows come client by client) and of
 * the organisation's professionals, so each is hashed once per export file rather than once per row.
 */
final class ExportPseudonyms {
    private final StudyPseudonyms pseudonyms;
    private final Map<Long, String> professionals = new HashMap<>();
    private long client = -1;
    private String clientPseudonym = "";
    private int clientShift;

    ExportPseudonyms(StudyPseudonyms pseudonyms) {
        this.pseudonyms = pseudonyms;
    }

    private void at(long id) {
        if (id != client) {
            client = id;
            clientPseudonym = pseudonyms.pseudonym(StudyPseudonyms.Kind.CLIENT, id);
            clientShift = pseudonyms.dayShift(id);
        }
    }

    String client(long id) {
        at(id);
        return clientPseudonym;
    }

    int dayShift(long id) {
        at(id);
        return clientShift;
    }

    String professional(long id) {
        return professionals.computeIfAbsent(id, p -> pseudonyms.pseudonym(StudyPseudonyms.Kind.PROFESSIONAL, p));
    }
}
