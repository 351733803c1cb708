package org.alliance.core.observation.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliance.core.observation.Modality;

/**
 * Which ELAN tiers hold events of which actor and modality. An empty mapping means: every top-level tier
 * with a PARTICIPANT is a speaker; the participant is the actor, and the modality is non-verbal when the
 * tier id contains "non-verbal" or "nonverbal", verbal otherwise. Tiers without a participant are not
 * speakers.
 */
public record ElanMapping(Map<String, Target> tiers) {

    /** Actor and modality of a tier's events. */
    public record Target(String actor, Modality modality) {
        public Target {
            if (actor.isBlank()) {
                throw new IllegalArgumentException("actor must not be blank");
            }
        }
    }

    public ElanMapping {
        tiers = Map.copyOf(tiers);
    }

    /** No explicit mapping: tiers map to actors by their PARTICIPANT. */
    public static ElanMapping byParticipant() {
        return new ElanMapping(Map.of());
    }

    /**
     * Parses {@code TIER=ACTOR:MODALITY} entries (modality {@code verbal} or {@code non-verbal}; without
     * {@code :MODALITY} verbal). The tier id is everything before the last '=' that precedes the actor.
     */
    public static ElanMapping parse(List<String> entries) {
        Map<String, Target> map = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.lastIndexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException(
                        "mapping '" + entry + "' is not TIER=ACTOR:MODALITY (e.g. \"Speaker 1=client:verbal\")");
            }
            String tier = entry.substring(0, equals);
            String target = entry.substring(equals + 1);
            int colon = target.lastIndexOf(':');
            Modality modality = Modality.VERBAL;
            String actor = target;
            if (colon >= 0) {
                actor = target.substring(0, colon);
                modality = Modality.parse(target.substring(colon + 1));
            }
            if (actor.isBlank()) {
                throw new IllegalArgumentException("mapping '" + entry + "' names no actor");
            }
            if (map.put(tier, new Target(actor.strip(), modality)) != null) {
                throw new IllegalArgumentException("tier '" + tier + "' is mapped twice");
            }
        }
        return new ElanMapping(map);
    }

    public boolean isEmpty() {
        return tiers.isEmpty();
    }
}
