package org.alliance.app.research;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.context.MessageSource;

/**
 * What a structure report collects while it runs: its tables, notes and figures in the study's language, and the R
 * script that reproduces the figures.
 */
final class StructureContext {

    final Study study;
    final List<StudyReport.Table> tables = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Double> figures = new LinkedHashMap<>();
    final StringBuilder script;
    private final MessageSource messages;
    private IntConsumer progress = percent -> {};
    private int percent;
    private int until;

    StructureContext(Study study, MessageSource messages, StringBuilder script) {
        this.study = study;
        this.messages = messages;
        this.script = script;
    }

    /** Where the run's progress (in percent) goes. */
    void progressTo(IntConsumer progress) {
        this.progress = progress;
    }

    /** Moves the progress to {@code from}; the steps after it move it towards {@code to}. */
    void span(int from, int to) {
        report(from);
        until = to;
    }

    /** One model fitted: a fifth of the way left in the current span (so the bar moves, however many come). */
    void step() {
        if (percent < until) {
            report(percent + Math.max(1, (until - percent) / 5));
        }
    }

    private void report(int value) {
        if (value > percent) {
            percent = value;
            progress.accept(value);
        }
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, study.language().locale());
    }
}
