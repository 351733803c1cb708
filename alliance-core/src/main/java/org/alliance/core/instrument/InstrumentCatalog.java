package org.alliance.core.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instruments an installation knows: the ones shipped with Alliance plus any loaded locally, looked up by
 * id. Also checks what no single file can: that a mirrored pair has the same items and scales.
 */
public final class InstrumentCatalog {

    /** The instruments shipped in this jar, in the order they are offered to users. */
    public static final List<String> BUILT_IN = List.of(
            "alliance-session-check",
            "alliance-client",
            "alliance-professional",
            "alliance-joint-client",
            "alliance-joint-professional",
            "alliance-partiality",
            "alliance-practice",
            "wai-sr-skeleton");

    private static final String RESOURCE_FOLDER = "/org/alliance/core/instrument/builtin/";

    private final Map<String, Instrument> byId;

    private InstrumentCatalog(Map<String, Instrument> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** The built-in instruments. Fails loudly if one of them does not validate: that is a bug in the release. */
    public static InstrumentCatalog builtIn() {
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        for (String id : BUILT_IN) {
            InstrumentReader.Result result = InstrumentReader.read(id + ".yaml", builtInSource(id));
            Instrument instrument = result.orElseThrow();
            instruments.put(instrument.id(), instrument);
        }
        InstrumentCatalog catalog = new InstrumentCatalog(instruments);
        List<String> mirrorProblems = catalog.mirrorProblems();
        if (!mirrorProblems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", mirrorProblems));
        }
        return catalog;
    }

    /** The YAML text of a built-in instrument. */
    public static String builtInSource(String id) {
        try (InputStream in = InstrumentCatalog.class.getResourceAsStream(RESOURCE_FOLDER + id + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in instrument " + id);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A catalog with one more (or a replaced) instrument, e.g. a skeleton with its texts loaded. */
    public InstrumentCatalog with(Instrument instrument) {
        Map<String, Instrument> copy = new LinkedHashMap<>(byId);
        copy.put(instrument.id(), instrument);
        return new InstrumentCatalog(copy);
    }

    public Optional<Instrument> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Instrument> all() {
        return List.copyOf(byId.values());
    }

    /**
     * Problems with mirrored pairs: an instrument that mirrors another must have exactly its item ids (each with
     * the same response format range and reverse key) and its scale ids, so gaps are computed like for like.
     */
    public List<String> mirrorProblems() {
        List<String> problems = new ArrayList<>();
        for (Instrument instrument : byId.values()) {
            if (instrument.mirrors().isEmpty()) {
                continue;
            }
            String otherId = instrument.mirrors().get();
            Instrument other = byId.get(otherId);
            if (other == null) {
                problems.add(instrument.reference() + " mirrors unknown instrument '" + otherId + "'");
                continue;
            }
            problems.addAll(mirrorProblems(instrument, other));
        }
        return problems;
    }

    /** Differences that stop {@code mirror} from mirroring {@code original} item by item. */
    public static List<String> mirrorProblems(Instrument mirror, Instrument original) {
        List<String> problems = new ArrayList<>();
        String prefix = mirror.reference() + " mirrors " + original.reference() + ": ";
        List<String> mirrorItems = mirror.items().stream().map(Item::id).toList();
        List<String> originalItems = original.items().stream().map(Item::id).toList();
        if (!mirrorItems.equals(originalItems)) {
            problems.add(prefix + "items differ (" + mirrorItems + " versus " + originalItems + ")");
        } else {
            for (Item item : mirror.items()) {
                Item twin = original.item(item.id());
                ResponseFormat a = mirror.format(item);
                ResponseFormat b = original.format(twin);
                if (a.numeric() != b.numeric()
                        || (a.numeric() && (a.min() != b.min() || a.max() != b.max()))
                        || item.reverse() != twin.reverse()) {
                    problems.add(prefix + "item '" + item.id() + "' is answered or keyed differently");
                }
            }
        }
        for (Scale scale : original.scales()) {
            Optional<Scale> twin = mirror.findScale(scale.id());
            if (twin.isEmpty() || !twin.get().items().equals(scale.items())) {
                problems.add(prefix + "scale '" + scale.id() + "' is missing or has other items");
            }
        }
        return problems;
    }
}
