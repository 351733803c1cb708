package org.alliance.app.research;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.core.research.OutcomeFile;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The outcome import of a study, for its researchers ({@code /research/studies/{id}/outcomes}) and the organisation's
 * administrators ({@code /admin/studies/{id}/outcomes}): upload a CSV with the declared types, see every problem with
 * its line and column or a preview of what would be stored, then store it (all or nothing; it replaces the study's
 * outcomes, with an audit row). A study the caller may not see is not found (404).
 */
@Controller
class StudyOutcomeController {

    static final String DEFAULT_DECLARATIONS =
            "employed_6m yes-no\nage_band category\ngender category\nyears_on_benefit number";

    private static final int SAMPLE_ROWS = 10;

    /** A problem as the page lists it. */
    record ProblemRow(int line, String column, String message) {}

    /** What the preview shows. */
    record Preview(
            String fileName,
            String sha256,
            int rows,
            long clients,
            String separator,
            List<Map.Entry<String, String>> types,
            List<OutcomeFile.Outcome> sample,
            List<ProblemRow> problems) {}

    private final StudyAccess access;
    private final StudyClients clients;
    private final StudyOutcomes outcomes;
    private final StudyPages pages;
    private final AuditLog audit;
    private final MessageSource messages;
    private final java.time.Clock clock;
    private final StudyDemoRegister demoRegister;

    StudyOutcomeController(
            StudyAccess access,
            StudyClients clients,
            StudyOutcomes outcomes,
            StudyPages pages,
            AuditLog audit,
            MessageSource messages,
            java.time.Clock clock,
            StudyDemoRegister demoRegister) {
        this.clock = clock;
        this.demoRegister = demoRegister;
        this.access = access;
        this.clients = clients;
        this.outcomes = outcomes;
        this.pages = pages;
        this.audit = audit;
        this.messages = messages;
    }

    @GetMapping({"/research/studies/{studyId}/outcomes", "/admin/studies/{studyId}/outcomes"})
    String page(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        Study study = access.study(user, studyId);
        if (!model.containsAttribute("declarations")) {
            List<StudyOutcomes.Variable> variables = outcomes.variables(study.id());
            model.addAttribute(
                    "declarations",
                    variables.isEmpty()
                            ? DEFAULT_DECLARATIONS
                            : variables.stream()
                                    .map(v -> v.name() + " " + v.type().code())
                                    .collect(Collectors.joining("\n")));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("view", pages.view(study, locale));
        model.addAttribute("base", StudyAccess.base(request));
        boolean demo =
                demoRegister.offeredFor(study) && StudyAccess.base(request).equals("/research");
        model.addAttribute("demoDeclarations", demo ? StudyDemoSeeder.DECLARATIONS : null);
        Optional<StudyOutcomes.Summary> summary = outcomes.summary(study.id());
        model.addAttribute("summary", summary.orElse(null));
        model.addAttribute(
                "importedAt",
                summary.map(s -> org.alliance.app.system.Formats.dateTime(s.importedAt(), clock.getZone(), locale))
                        .orElse(""));
        return "research/outcomes";
    }

    @PostMapping({"/research/studies/{studyId}/outcomes/preview", "/admin/studies/{studyId}/outcomes/preview"})
    String preview(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String declarations,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model)
            throws IOException {
        Study study = access.study(user, studyId);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, OutcomeFile.Type> types = Map.of();
        try {
            types = OutcomeFile.declarations(declarations);
            if (types.isEmpty()) {
                errors.put("declarations", "outcomes.error.declarations");
            }
        } catch (IllegalArgumentException e) {
            errors.put("declarations", "outcomes.error.declarations");
        }
        Optional<String> text = Optional.empty();
        byte[] content = new byte[0];
        String name = file == null || file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        if (file == null || file.isEmpty()) {
            errors.put("file", "outcomes.error.file");
        } else {
            try (InputStream in = file.getInputStream()) {
                content = in.readAllBytes();
            }
            text = utf8(content);
            if (text.isEmpty()) {
                errors.put("file", "outcomes.error.encoding");
            }
        }
        model.addAttribute("declarations", declarations);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", errors);
            return page(user, studyId, request, locale, model);
        }
        String fileName = name.length() > 200 ? name.substring(0, 200) : name;
        StudyOutcomes.Upload upload =
                new StudyOutcomes.Upload(fileName, Fingerprints.sha256(content), declarations, content);
        OutcomeFile.Result result =
                OutcomeFile.read(text.get(), types, pseudonyms(study).keySet());
        if (result.problems().isEmpty()) {
            outcomes.saveUpload(study.id(), user.id(), upload);
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        }
        model.addAttribute("preview", preview(upload, result, locale));
        return page(user, studyId, request, locale, model);
    }

    @PostMapping({"/research/studies/{studyId}/outcomes", "/admin/studies/{studyId}/outcomes"})
    String store(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @RequestParam(defaultValue = "") String sha256,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        Study study = access.study(user, studyId);
        Optional<StudyOutcomes.Upload> upload =
                outcomes.upload(study.id(), user.id()).filter(u -> u.sha256().equals(sha256));
        if (upload.isEmpty()) {
            // The preview was replaced by another upload, or already stored: nothing is stored without a preview.
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", Map.of("file", "outcomes.error.noPreview"));
            return page(user, studyId, request, locale, model);
        }
        Map<String, Long> pseudonyms = pseudonyms(study);
        OutcomeFile.Result result = OutcomeFile.read(
                utf8(upload.get().content()).orElse(""),
                OutcomeFile.declarations(upload.get().declarations()),
                pseudonyms.keySet());
        if (!result.problems().isEmpty()) {
            // The study's clients changed since the preview: show what is wrong now.
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("declarations", upload.get().declarations());
            model.addAttribute("preview", preview(upload.get(), result, locale));
            return page(user, studyId, request, locale, model);
        }
        int replaced = outcomes.replace(study.id(), user.id(), upload.get(), result, pseudonyms);
        audit.record(
                user.username(),
                "study outcomes imported",
                "study " + study.id() + ": " + result.outcomes().size() + " rows, " + result.clients()
                        + " clients, sha256 " + upload.get().sha256() + ", replaced " + replaced + " rows");
        return "redirect:" + StudyAccess.base(request) + "/studies/" + study.id() + "/outcomes?stored";
    }

    private Map<String, Long> pseudonyms(Study study) {
        return clients.of(study).stream()
                .collect(Collectors.toMap(StudyClients.Member::pseudonym, StudyClients.Member::client));
    }

    private Preview preview(StudyOutcomes.Upload upload, OutcomeFile.Result result, Locale locale) {
        List<ProblemRow> problems = result.problems().stream()
                .map(p -> new ProblemRow(
                        p.line(),
                        p.column() == 0
                                ? ""
                                : p.column() + (p.columnName().isEmpty() ? "" : " (" + p.columnName() + ")"),
                        messages.getMessage(
                                "outcomes.problem." + p.problem().name(), new Object[] {p.detail()}, locale)))
                .toList();
        List<Map.Entry<String, String>> types = result.types().entrySet().stream()
                .map(e -> Map.entry(
                        e.getKey(),
                        messages.getMessage("outcomes.type." + e.getValue().code(), null, locale)))
                .toList();
        return new Preview(
                upload.fileName(),
                upload.sha256(),
                result.outcomes().size(),
                result.clients(),
                String.valueOf(result.separator()),
                types,
                result.outcomes().stream().limit(SAMPLE_ROWS).toList(),
                problems);
    }

    /** The bytes as UTF-8; empty when they are not (a file saved as Windows-1252, say). */
    static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
