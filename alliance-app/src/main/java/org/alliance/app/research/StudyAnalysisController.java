package org.alliance.app.research;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Formats;
import org.alliance.core.research.OutcomeFile;
import org.alliance.stats.factor.CfaOptions;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The analyses on a study's own data, for its researchers: the page that starts them, each run's dated report (which
 * refreshes itself while the run is going), its "reproduce in R" script, and the stored outcomes as the CSV the script
 * reads.
 */
@Controller
class StudyAnalysisController {

    /** A report in the list. */
    record ReportLine(long id, String title, String when, StudyReports.Status status) {}

    private final StudyAccess access;
    private final StudyPages pages;
    private final StudyOutcomes outcomes;
    private final StudyReports reports;
    private final StudyAnalysisRunner runner;
    private final StudyData data;
    private final AuditLog audit;
    private final Clock clock;
    private final MessageSource messages;

    StudyAnalysisController(
            StudyAccess access,
            StudyPages pages,
            StudyOutcomes outcomes,
            StudyReports reports,
            StudyAnalysisRunner runner,
            StudyData data,
            AuditLog audit,
            Clock clock,
            MessageSource messages) {
        this.access = access;
        this.pages = pages;
        this.outcomes = outcomes;
        this.reports = reports;
        this.runner = runner;
        this.data = data;
        this.audit = audit;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/research/studies/{studyId}/reports")
    String list(@AuthenticationPrincipal CurrentUser user, @PathVariable long studyId, Locale locale, Model model) {
        Study study = access.study(user, studyId);
        List<StudyOutcomes.Variable> variables = outcomes.variables(study.id());
        model.addAttribute("view", pages.view(study, locale));
        model.addAttribute(
                "outcomeChoices",
                variables.stream()
                        .filter(v -> v.outcome()
                                && (v.type() == OutcomeFile.Type.YES_NO || v.type() == OutcomeFile.Type.NUMBER))
                        .map(StudyOutcomes.Variable::name)
                        .toList());
        model.addAttribute(
                "covariateChoices",
                variables.stream()
                        .filter(v -> !v.outcome() && v.type() != OutcomeFile.Type.DATE)
                        .map(StudyOutcomes.Variable::name)
                        .toList());
        model.addAttribute(
                "reports",
                reports.ofStudy(study.id()).stream()
                        .map(r -> new ReportLine(
                                r.id(),
                                r.options().lines().findFirst().orElse(r.kind()),
                                Formats.dateTime(r.createdAt(), clock.getZone(), locale),
                                r.status()))
                        .toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "research/reports";
    }

    /** The wave a report's summary choice names ({@code wave:T1}); empty for any other choice ({@code first}). */
    private static Optional<String> wave(String summary) {
        return summary.startsWith("wave:") ? Optional.of(summary.substring(5)) : Optional.empty();
    }

    private static boolean hasWave(Study study, String name) {
        return study.waves().stream().anyMatch(w -> w.name().equals(name));
    }

    @PostMapping("/research/studies/{studyId}/reports/outcome")
    String runOutcome(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String summary,
            @RequestParam(name = "covariates", required = false) List<String> covariates,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        Study study = access.study(user, studyId);
        List<String> chosen = covariates == null ? List.of() : List.copyOf(covariates);
        List<StudyOutcomes.Variable> variables = outcomes.variables(study.id());
        boolean outcomeOk = variables.stream()
                .anyMatch(v -> v.outcome()
                        && v.name().equals(outcome)
                        && (v.type() == OutcomeFile.Type.YES_NO || v.type() == OutcomeFile.Type.NUMBER));
        boolean covariatesOk = chosen.stream().allMatch(c -> variables.stream()
                .anyMatch(v -> !v.outcome() && v.name().equals(c) && v.type() != OutcomeFile.Type.DATE));
        Optional<String> wave = wave(summary);
        boolean summaryOk =
                summary.equals("first") || wave.filter(w -> hasWave(study, w)).isPresent();
        if (!outcomeOk || !covariatesOk || !summaryOk) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            if (!outcomeOk) {
                errors.put("outcome", "reports.error.outcome");
            }
            if (!summaryOk) {
                errors.put("summary", "reports.error.summary");
            }
            if (!covariatesOk) {
                errors.put("covariates", "reports.error.covariates");
            }
            model.addAttribute("errors", errors);
            return list(user, studyId, locale, model);
        }
        OutcomeAnalysis.Options options = new OutcomeAnalysis.Options(outcome, wave, chosen);
        long id = reports.create(study.id(), "OUTCOME", options.describe(), user.id());
        audit.record(user.username(), "study analysis run", "study " + study.id() + ": report " + id);
        runner.startOutcome(study, options, id);
        return "redirect:/research/studies/" + study.id() + "/reports/" + id;
    }

    @PostMapping("/research/studies/{studyId}/reports/structure")
    String runStructure(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @RequestParam(defaultValue = "first") String summary,
            @RequestParam(defaultValue = "MLR") String estimator,
            Locale locale,
            HttpServletResponse response,
            Model model) {
        Study study = access.study(user, studyId);
        Optional<String> wave = wave(summary);
        boolean summaryOk =
                summary.equals("first") || wave.filter(w -> hasWave(study, w)).isPresent();
        boolean estimatorOk = estimator.equals("ML") || estimator.equals("MLR");
        if (!summaryOk || !estimatorOk) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            Map<String, String> errors = new java.util.LinkedHashMap<>();
            if (!summaryOk) {
                errors.put("structure-summary", "reports.error.summary");
            }
            if (!estimatorOk) {
                errors.put("structure-estimator", "reports.error.estimator");
            }
            model.addAttribute("errors", errors);
            return list(user, studyId, locale, model);
        }
        StructureAnalysis.Options options =
                new StructureAnalysis.Options(wave, CfaOptions.Estimator.valueOf(estimator));
        long id = reports.create(study.id(), "STRUCTURE", options.describe(), user.id());
        audit.record(user.username(), "study analysis run", "study " + study.id() + ": report " + id);
        runner.startStructure(study, options, id);
        return "redirect:/research/studies/" + study.id() + "/reports/" + id;
    }

    @PostMapping("/research/studies/{studyId}/reports/professionals")
    String runPractice(@AuthenticationPrincipal CurrentUser user, @PathVariable long studyId) {
        Study study = access.study(user, studyId);
        long id = reports.create(study.id(), "PRACTICE", PracticeAnalysis.describe(), user.id());
        audit.record(user.username(), "study analysis run", "study " + study.id() + ": report " + id);
        runner.startPractice(study, id);
        return "redirect:/research/studies/" + study.id() + "/reports/" + id;
    }

    @GetMapping("/research/studies/{studyId}/reports/{reportId}")
    String report(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long studyId,
            @PathVariable long reportId,
            Locale locale,
            Model model) {
        Study study = access.study(user, studyId);
        StudyReports.Row row =
                reports.find(study.id(), reportId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("view", pages.view(study, locale));
        model.addAttribute("row", row);
        if (row.status() == StudyReports.Status.RUNNING) {
            model.addAttribute("refreshSeconds", 3); // the page refreshes itself until the run is done; no script
        }
        model.addAttribute("when", Formats.dateTime(row.createdAt(), clock.getZone(), locale));
        StudyReport report = row.status() == StudyReports.Status.DONE ? StudyAnalysisRunner.read(row.content()) : null;
        model.addAttribute("report", report);
        if (report != null) {
            model.addAttribute(
                    "provenance",
                    report.provenanceLines(messages, study.language().locale()));
        }
        return "research/report";
    }

    @GetMapping("/research/studies/{studyId}/reports/{reportId}/reproduce.R")
    ResponseEntity<byte[]> script(
            @AuthenticationPrincipal CurrentUser user, @PathVariable long studyId, @PathVariable long reportId) {
        Study study = access.study(user, studyId);
        StudyReports.Row row = reports.find(study.id(), reportId)
                .filter(r -> r.status() == StudyReports.Status.DONE)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return download(
                StudyAnalysisRunner.read(row.content()).rScript().getBytes(StandardCharsets.UTF_8),
                "report-" + row.id() + ".R",
                MediaType.TEXT_PLAIN);
    }

    @GetMapping("/research/studies/{studyId}/outcomes.csv")
    ResponseEntity<byte[]> outcomes(@AuthenticationPrincipal CurrentUser user, @PathVariable long studyId) {
        Study study = access.study(user, studyId);
        StudyData.Outcomes file = data.outcomes(study);
        audit.record(
                user.username(),
                "study outcomes downloaded",
                "study " + study.id() + ": " + file.rowCount() + " rows, sha256 " + file.sha256());
        return download(file.csv(), "outcomes.csv", new MediaType("text", "csv"));
    }

    private static ResponseEntity<byte[]> download(byte[] bytes, String name, MediaType type) {
        return ResponseEntity.ok()
                .contentType(new MediaType(type, StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(bytes);
    }
}
