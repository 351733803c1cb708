package org.alliance.app.research;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Languages;
import org.alliance.core.instrument.Language;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The administrator's study pages: the organisation's studies, a new study (title, purpose and legal basis in words,
 * period, teams, questionnaires, waves, dates shifted or not, free text or not) and its researchers. Only studies of
 * the administrator's own organisation exist here (404 otherwise).
 */
@Controller
class StudyAdminController {

    private final Studies studies;
    private final StudyPages pages;
    private final AuditLog audit;

    StudyAdminController(Studies studies, StudyPages pages, AuditLog audit) {
        this.studies = studies;
        this.pages = pages;
        this.audit = audit;
    }

    @GetMapping("/admin/studies")
    String list(@AuthenticationPrincipal CurrentUser user, Locale locale, Model model) {
        model.addAttribute(
                "studies",
                studies.ofOrganisation(user.organisationId()).stream()
                        .map(s -> pages.view(s, locale))
                        .toList());
        model.addAttribute("teams", pages.teams(user.organisationId()));
        model.addAttribute("instruments", pages.instruments(locale));
        model.addAttribute("researchers", pages.researchers(user.organisationId()));
        model.addAttribute("studyLanguages", List.of(Language.values()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute(
                    "values",
                    Map.of(
                            "language", Languages.of(locale).code(),
                            "teams", List.of(),
                            "instruments", List.of(),
                            "researchers", List.of(),
                            "shiftDates", true,
                            "includeFreeText", false,
                            "allowsAnonymisation", false));
        }
        return "research/admin-studies";
    }

    @PostMapping("/admin/studies")
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @RequestParam Map<String, String> fields,
            @RequestParam(name = "teams", required = false) List<String> teams,
            @RequestParam(name = "instruments", required = false) List<String> instruments,
            @RequestParam(name = "researchers", required = false) List<String> researchers,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        StudyForm form = StudyForm.read(
                user.organisationId(),
                fields,
                teams == null ? List.of() : teams,
                instruments == null ? List.of() : instruments,
                researchers == null ? List.of() : researchers,
                StudyPages.ids(pages.teams(user.organisationId())),
                StudyPages.values(pages.instruments(locale)),
                StudyPages.ids(pages.researchers(user.organisationId())));
        if (form.study().isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", form.errors());
            model.addAttribute("values", form.values());
            return list(user, locale, model);
        }
        long id = studies.create(form.study().get(), user.id());
        audit.record(
                user.username(),
                "study created",
                "study " + id + ", allows anonymisation: " + form.study().get().allowsAnonymisation());
        return "redirect:/admin/studies/" + id + "?created";
    }

    /** A study of the administrator's organisation; another organisation's or an unknown one is answered with 404. */
    private Study study(CurrentUser user, long studyId) {
        return studies.find(user.organisationId(), studyId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/admin/studies/{studyId}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long studyId, Locale locale, Model model) {
        Study study = study(user, studyId);
        model.addAttribute("view", pages.view(study, locale));
        model.addAttribute("researchers", pages.researchers(user.organisationId()));
        model.addAttribute(
                "chosen", study.researchers().stream().map(String::valueOf).toList());
        return "research/admin-study";
    }

    /**
     * Says whether the study may keep anonymised answers after a client is erased (docs/privacy.md, "Anonymising").
     * Refused (422, beside the field) for a study that exports free text, which may name the client.
     */
    @PostMapping("/admin/studies/{studyId}/anonymisation")
    String anonymisation(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @RequestParam(defaultValue = "") String allowsAnonymisation,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        Study study = study(user, studyId);
        boolean allows = "yes".equals(allowsAnonymisation);
        if (allows && study.includeFreeText()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            show(user, studyId, locale, model);
            model.addAttribute("anonymisationError", true);
            return "research/admin-study";
        }
        studies.setAllowsAnonymisation(user.organisationId(), study.id(), allows);
        audit.record(
                user.username(),
                "study anonymisation changed",
                "study " + study.id() + ": allows anonymisation " + allows);
        return "redirect:/admin/studies/" + study.id() + "?anonymisationSaved";
    }

    /** Replaces the study's researchers by the ones ticked (none is allowed: nobody sees the study then). */
    @PostMapping("/admin/studies/{studyId}/researchers")
    String researchers(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @RequestParam(name = "researchers", required = false) List<String> chosen,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        List<String> ticked = chosen == null ? List.of() : chosen;
        Study study = study(user, studyId);
        List<Long> ids = StudyForm.ids(ticked, StudyPages.ids(pages.researchers(user.organisationId())));
        if (ids.size() != ticked.size()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("researchersError", true);
            show(user, studyId, locale, model);
            model.addAttribute("chosen", ticked);
            return "research/admin-study";
        }
        studies.setResearchers(user.organisationId(), study.id(), ids);
        audit.record(
                user.username(),
                "study researchers changed",
                "study " + study.id() + ": users "
                        + String.join(", ", ids.stream().map(String::valueOf).toList()));
        return "redirect:/admin/studies/" + study.id() + "?saved";
    }
}
