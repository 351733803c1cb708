package org.alliance.app.caseload;

import java.util.Optional;
import org.alliance.app.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The one request check of the professional's pages: may this professional see this client or this meeting. Every
 * caseload controller asks here; another professional's client or meeting is answered as if it did not exist (404).
 */
@Component
class OwnClients {

    /** Another professional's client or meeting: answered as if it did not exist. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotYours extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotYours() {
            super("not found");
        }
    }

    private final Caseload caseload;

    OwnClients(Caseload caseload) {
        this.caseload = caseload;
    }

    /** The client, if it is one of this professional's; else {@link NotYours}. */
    Client client(CurrentUser professional, long clientId) {
        return caseload.clientOf(professional.id(), clientId).orElseThrow(NotYours::new);
    }

    /** The meeting, if it is one of this professional's clients'; else {@link NotYours}. */
    Meeting meeting(CurrentUser professional, long meetingId) {
        return findMeeting(professional, meetingId).orElseThrow(NotYours::new);
    }

    /** The meeting, if it is one of this professional's clients', for a form that names it in a field. */
    Optional<Meeting> findMeeting(CurrentUser professional, long meetingId) {
        return caseload.meetingOf(professional.id(), meetingId);
    }
}
