package org.alliance.core.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The JSON Schema we publish in docs/schema must accept what we ship and reject what the reader rejects. */
class PublishedSchemaTest {

    static final List<String> BUILT_IN = InstrumentCatalog.BUILT_IN;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonSchema schema(String name) throws Exception {
        Path file = Path.of("..", "docs", "schema", name);
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(file));
    }

    @ParameterizedTest
    @FieldSource("BUILT_IN")
    void everyShippedInstrumentMatchesThePublishedSchema(String id) throws Exception {
        JsonNode document = YAML.readTree(InstrumentCatalog.builtInSource(id));
        Set<ValidationMessage> messages = schema("instrument.schema.json").validate(document);
        assertThat(messages).isEmpty();
    }

    @Test
    void theSchemaRejectsAnUnknownPerspectiveAsTheReaderDoes() throws Exception {
        JsonNode document = YAML.readTree(TestInstruments.VALID.replace("perspective: client", "perspective: patient"));
        assertThat(schema("instrument.schema.json").validate(document)).isNotEmpty();
        assertThat(schema("instrument.schema.json").validate(YAML.readTree(TestInstruments.VALID)))
                .isEmpty();
    }

    @Test
    void theSchemaChecksTheProfessionalPlaceholderAsTheReaderDoes() throws Exception {
        String valid = PerProfessionalItemsTest.JOINT;
        JsonSchema schema = schema("instrument.schema.json");
        assertThat(schema.validate(YAML.readTree(valid))).isEmpty();
        String missing = valid.replace("nb: \"Jeg stoler på {professional}.\"", "nb: \"Jeg stoler på henne.\"");
        assertThat(missing).isNotEqualTo(valid);
        assertThat(schema.validate(YAML.readTree(missing))).isNotEmpty();
        String unflagged = valid.replace(
                "    perProfessional: true\n    text:\n      nl: \"{professional} hoorde",
                "    text:\n      nl: \"{professional} hoorde");
        assertThat(unflagged).isNotEqualTo(valid);
        assertThat(schema.validate(YAML.readTree(unflagged))).isNotEmpty();
    }

    @Test
    void theTextsFixtureMatchesThePublishedTextsSchema() throws Exception {
        JsonNode document =
                YAML.readTree(Files.readString(Path.of("src/test/resources/instrument/wai-sr-skeleton.texts.nl.yaml")));
        assertThat(schema("instrument-texts.schema.json").validate(document)).isEmpty();
    }
}
