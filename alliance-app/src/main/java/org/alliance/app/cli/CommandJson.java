package org.alliance.app.cli;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON writer of the statistics and observation commands: indented, keys in the order of a record's components
 * (the JSON is a contract), provenance as {@link ProvenanceJson} writes it. Built when this class is first used, so
 * that {@code --format text} never loads Jackson (docs/benchmarks.md, "Jackson only for --format json").
 */
public final class CommandJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .addModule(ProvenanceJson.MODULE)
            .build();

    private CommandJson() {}
}
