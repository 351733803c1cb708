package org.alliance.app.research;

import jakarta.servlet.http.HttpServletRequest;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which study a caller may work on: an administrator any study of their organisation (pages under {@code /admin}), a
 * researcher only the studies they are assigned to (under {@code /research}). Anything else is not found.
 */
@Component
class StudyAccess {

    private final Studies studies;

    StudyAccess(Studies studies) {
        this.studies = studies;
    }

    Study study(CurrentUser user, long studyId) {
        return (user.role() == Role.ADMIN
                        ? studies.find(user.organisationId(), studyId)
                        : studies.findForResearcher(user.organisationId(), user.id(), studyId))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** {@code /admin} or {@code /research}: where the request came in, so links stay on the caller's side. */
    static String base(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/admin/") ? "/admin" : "/research";
    }
}
