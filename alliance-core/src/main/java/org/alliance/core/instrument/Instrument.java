package org.alliance.core.instrument;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated questionnaire definition. Instances come from {@link InstrumentReader}, which reports every
 * problem of a file instead of failing on the first.
 *
 * @param mirrors the id of the instrument this one mirrors item by item (the professional version of a client
 *     questionnaire), so the gap between both views can be computed per item and per scale
 * @param textsSuppliedLocally a skeleton of a licensed instrument: the structure ships, the item texts are
 *     loaded by an organisation that holds a licence; until then it cannot collect answers
 * @param validated false for new instruments whose psychometric properties are not yet established
 */
public record Instrument(
        String id,
        String version,
        LocalizedText title,
        LocalizedText introduction,
        Perspective perspective,
        Optional<String> mirrors,
        Licence licence,
        boolean textsSuppliedLocally,
        boolean validated,
        List<ResponseFormat> responseFormats,
        List<Item> items,
        List<Scale> scales,
        List<CutOff> cutOffs) {

    public Instrument {
        responseFormats = List.copyOf(responseFormats);
        items = List.copyOf(items);
        scales = List.copyOf(scales);
        cutOffs = List.copyOf(cutOffs);
    }

    /** "id@version", the reference stored with every answer and score. */
    public String reference() {
        return id + "@" + version;
    }

    public Optional<Item> findItem(String itemId) {
        return items.stream().filter(item -> item.id().equals(itemId)).findFirst();
    }

    public Item item(String itemId) {
        return findItem(itemId).orElseThrow(() -> new IllegalArgumentException(reference() + " has no item " + itemId));
    }

    public Optional<Scale> findScale(String scaleId) {
        return scales.stream().filter(scale -> scale.id().equals(scaleId)).findFirst();
    }

    public ResponseFormat format(Item item) {
        return responseFormats.stream()
                .filter(format -> format.id().equals(item.format()))
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException(reference() + " has no response format " + item.format()));
    }

    /** The cut-offs that apply to one scale. */
    public List<CutOff> cutOffs(String scaleId) {
        return cutOffs.stream().filter(cut -> cut.scale().equals(scaleId)).toList();
    }

    /** True when some items are asked once for each professional of a joint meeting. */
    public boolean asksPerProfessional() {
        return items.stream().anyMatch(Item::perProfessional);
    }

    /**
     * True when the scale is scored once for each professional (all its items are asked per professional; the
     * reader refuses scales that mix both kinds).
     */
    public boolean scoredPerProfessional(Scale scale) {
        return scale.items().stream().map(this::item).allMatch(Item::perProfessional);
    }

    /** Languages in which every item has its text, i.e. in which this instrument can collect answers. */
    public Set<Language> usableLanguages() {
        Set<Language> usable = EnumSet.allOf(Language.class);
        for (Item item : items) {
            usable.removeIf(language -> !item.text().has(language));
        }
        if (items.isEmpty()) {
            usable.clear();
        }
        return usable;
    }

    /** True when answers can be collected in this language (false for a skeleton until its texts are loaded). */
    public boolean usableIn(Language language) {
        return usableLanguages().contains(language);
    }

    /**
     * This instrument with locally supplied item texts for one language. Items not named in {@code texts} keep
     * what they had.
     */
    public Instrument withTexts(InstrumentTexts texts) {
        if (!texts.instrument().equals(id) || !texts.version().equals(version)) {
            throw new IllegalArgumentException(
                    "texts are for " + texts.instrument() + "@" + texts.version() + ", not for " + reference());
        }
        Map<String, String> byItem = new LinkedHashMap<>(texts.items());
        List<Item> withText = new ArrayList<>(items.size());
        for (Item item : items) {
            String text = byItem.remove(item.id());
            withText.add(
                    text == null
                            ? item
                            : new Item(
                                    item.id(),
                                    item.text().with(texts.language(), text),
                                    item.format(),
                                    item.reverse(),
                                    item.perProfessional()));
        }
        if (!byItem.isEmpty()) {
            throw new IllegalArgumentException(reference() + " has no item(s) " + String.join(", ", byItem.keySet()));
        }
        LocalizedText newTitle =
                texts.title().map(t -> title.with(texts.language(), t)).orElse(title);
        return new Instrument(
                id,
                version,
                newTitle,
                introduction,
                perspective,
                mirrors,
                licence,
                textsSuppliedLocally,
                validated,
                responseFormats,
                withText,
                scales,
                cutOffs);
    }
}
