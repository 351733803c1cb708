package org.alliance.app.joint;

import org.alliance.app.system.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Who may see and who may change a joint meeting: every professional who takes part sees it (anyone else gets 404,
 * as if it did not exist); only its chair changes it (403).
 */
@Component
class JointAccess {

    private final JointMeetings meetings;

    JointAccess(JointMeetings meetings) {
        this.meetings = meetings;
    }

    /** A meeting the user does not take part in, or an unknown one: answered as if it did not exist. */
    @ResponseStatus(HttpStatus.NOT_FOUND)
    static final class NotFound extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotFound() {
            super("not found");
        }
    }

    /** A professional of the meeting who is not its chair tried to change it. */
    @ResponseStatus(HttpStatus.FORBIDDEN)
    static final class NotChair extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotChair() {
            super("only the chair changes a joint meeting");
        }
    }

    JointMeetings.Header meeting(CurrentUser user, long id) {
        return meetings.findFor(user.id(), id).orElseThrow(NotFound::new);
    }

    JointMeetings.Header chaired(CurrentUser user, long id) {
        JointMeetings.Header header = meeting(user, id);
        if (header.chairId() != user.id()) {
            throw new NotChair();
        }
        return header;
    }
}
