package org.alliance.app.research;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    StructureContext(Study study, MessageSource messages, StringBuilder script) {
        this.study = study;
        this.messages = messages;
        this.script = script;
    }

    String text(String key, Object... args) {
        return messages.getMessage(key, args, study.language().locale());
    }
}
