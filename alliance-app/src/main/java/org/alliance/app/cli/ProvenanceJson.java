package org.alliance.app.cli;

import org.alliance.stats.provenance.Provenance;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * The JSON of a {@link Provenance} in the commands' output, the contract of {@code JsonContractTest}: snake_case keys
 * in this order, each only when the provenance has it — {@code command}; {@code method}; {@code options};
 * {@code data} (the file read), {@code data_sha256}, {@code rows_in_file}, {@code data_notes} (when there are notes);
 * {@code instruments}; {@code software}; {@code conventions} (the reference the method was checked against).
 */
public final class ProvenanceJson extends StdSerializer<Provenance> {

    /** The module that makes a JSON mapper write provenance this way. */
    public static final SimpleModule MODULE =
            new SimpleModule("provenance").addSerializer(Provenance.class, new ProvenanceJson());

    private ProvenanceJson() {
        super(Provenance.class);
    }

    @Override
    public void serialize(Provenance provenance, JsonGenerator json, SerializationContext context) {
        if (provenance.data().size() > 1) {
            throw new IllegalArgumentException("a command reads one data file, not " + provenance.data());
        }
        json.writeStartObject();
        if (provenance.command() != null) {
            json.writeStringProperty("command", provenance.command());
        }
        if (provenance.method() != null) {
            json.writeStringProperty("method", provenance.method());
        }
        if (provenance.options() != null) {
            context.defaultSerializeProperty("options", provenance.options(), json);
        }
        for (Provenance.Data data : provenance.data()) {
            json.writeStringProperty("data", data.source());
            if (data.sha256() != null) {
                json.writeStringProperty("data_sha256", data.sha256());
            }
            json.writeNumberProperty("rows_in_file", data.rows());
            if (!data.notes().isEmpty()) {
                context.defaultSerializeProperty("data_notes", data.notes(), json);
            }
        }
        if (!provenance.instruments().isEmpty()) {
            context.defaultSerializeProperty("instruments", provenance.instruments(), json);
        }
        json.writeStringProperty("software", provenance.software().toString());
        if (provenance.reference() != null) {
            json.writeStringProperty("conventions", provenance.reference());
        }
        json.writeEndObject();
    }
}
