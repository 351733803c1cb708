package org.alliance.app.research;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the professionals' questionnaires due now ({@link PracticeAnswers#due}) on the professional's caseload page
 * ({@code practiceDue}), so a professional of a study sees "Questionnaire for study X, wave T1" where they start. Only
 * that page asks the database.
 */
@ControllerAdvice(basePackages = "org.alliance.app.caseload")
class PracticeDue {

    private final PracticeAnswers answers;

    PracticeDue(PracticeAnswers answers) {
        this.answers = answers;
    }

    @ModelAttribute("practiceDue")
    List<PracticeAnswers.Due> due(@AuthenticationPrincipal @Nullable CurrentUser user, HttpServletRequest request) {
        if (user == null
                || user.role() != Role.PROFESSIONAL
                || !"GET".equals(request.getMethod())
                || !(request.getContextPath() + "/caseload").equals(request.getRequestURI())) {
            return List.of();
        }
        return answers.due(user.organisationId(), user.id());
    }
}
