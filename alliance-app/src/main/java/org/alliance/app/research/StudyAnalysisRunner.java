package org.alliance.app.research;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs analyses in the background, one at a time (the statistics share the server's cores with the pages), so a
 * long run does not hold a request: the report page shows its progress until it is done. With
 * {@code alliance.analyses.synchronous=true} (the tests) a run finishes before the request that starts it returns.
 */
@Component
class StudyAnalysisRunner {

    private static final Logger LOG = LoggerFactory.getLogger(StudyAnalysisRunner.class);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The share of the progress bar (in percent) that making the study's export takes in every analysis. */
    static final int EXPORT_SHARE = 35;

    private final StudyReports reports;
    private final OutcomeAnalysis outcomes;
    private final StructureAnalysis structure;
    private final PracticeAnalysis practice;
    private final boolean synchronous;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "study-analysis");
        thread.setDaemon(true);
        return thread;
    });

    StudyAnalysisRunner(
            StudyReports reports,
            OutcomeAnalysis outcomes,
            StructureAnalysis structure,
            PracticeAnalysis practice,
            @Value("${alliance.analyses.synchronous:false}") boolean synchronous) {
        this.reports = reports;
        this.outcomes = outcomes;
        this.structure = structure;
        this.practice = practice;
        this.synchronous = synchronous;
    }

    /** Starts the outcome analysis as report {@code reportId}. */
    void startOutcome(Study study, OutcomeAnalysis.Options options, long reportId) {
        start(study, reportId, progress -> outcomes.run(study, options, progress));
    }

    /** Starts the reliability and factor structure analysis as report {@code reportId}. */
    void startStructure(Study study, StructureAnalysis.Options options, long reportId) {
        start(study, reportId, progress -> structure.run(study, options, progress));
    }

    /** Starts the professionals' analysis (their own questionnaire and their clients' alliance) as report {@code reportId}. */
    void startPractice(Study study, long reportId) {
        start(study, reportId, progress -> practice.run(study, progress));
    }

    /** An analysis that reports its progress in percent. */
    private interface Analysis {
        StudyReport run(IntConsumer progress) throws Exception;
    }

    private void start(Study study, long reportId, Analysis analysis) {
        Runnable run = () -> {
            try {
                int[] shown = {0};
                // Only a step forward is stored: the analyses report as often as they like (per group of clients).
                StudyReport report = analysis.run(percent -> {
                    if (percent > shown[0]) {
                        shown[0] = percent;
                        reports.progress(reportId, percent);
                    }
                });
                reports.finish(reportId, StudyReports.Status.DONE, JSON.writeValueAsString(report));
            } catch (IllegalArgumentException e) {
                // What the statistics refuse (an aliased covariate, too few rows, ...) is named on the report page.
                reports.finish(reportId, StudyReports.Status.FAILED, e.getMessage());
            } catch (Exception e) {
                LOG.warn("analysis {} of study {} failed", reportId, study.id(), e);
                reports.finish(
                        reportId, StudyReports.Status.FAILED, e.getClass().getSimpleName());
            }
        };
        if (synchronous) {
            run.run();
        } else {
            executor.execute(run);
        }
    }

    static StudyReport read(String json) {
        JsonNode tree = JSON.readTree(json);
        if (tree.path("provenance").isArray()) {
            // Stored before the provenance was one record (issue 12): its lines, as written, become the record.
            List<Map<String, String>> lines = JSON.convertValue(tree.get("provenance"), new TypeReference<>() {});
            ((ObjectNode) tree).set("provenance", JSON.valueToTree(StudyReport.provenanceOfLines(lines)));
        }
        return JSON.treeToValue(tree, StudyReport.class);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
