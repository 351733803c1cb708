package org.alliance.app.checkin;

import java.util.Map;
import org.alliance.core.instrument.Instrument;
import org.alliance.core.instrument.Language;
import org.alliance.core.joint.BlockAudience;
import org.alliance.core.release.ReleaseChoice;

/**
 * A completed questionnaire, already checked by {@code Scoring}.
 *
 * @param idempotencyKey the random key of the form; the same key twice is the same submission
 * @param answers numeric answers by item id; unanswered items are absent (in a joint check-in: the items asked once)
 * @param perProfessional in a joint check-in, the answers to the items asked once per professional: professional
 *     (user) id → item id → answer; empty otherwise
 * @param blockReleases in a client's joint check-in, the client's release choice for the block about each
 *     professional (professional id → choice); {@code release} then applies to the items asked once. Empty
 *     otherwise: {@code release} applies to everything
 * @param blockAudiences in a client's joint check-in, who among the professionals may see the block about each
 *     professional (professional id → audience); a professional not in it: only the professional concerned
 */
public record CheckInSubmission(
        Instrument instrument,
        Language language,
        ReleaseChoice release,
        String idempotencyKey,
        Map<String, Double> answers,
        Map<Long, Map<String, Double>> perProfessional,
        Map<Long, ReleaseChoice> blockReleases,
        Map<Long, BlockAudience> blockAudiences) {

    /**
     * A client's joint check-in in which every block is seen only by the professional it is about. Named factories
     * instead of telescoping constructors: the call says which kind of check-in it is.
     */
    public static CheckInSubmission jointWithBlockReleases(
            Instrument instrument,
            Language language,
            ReleaseChoice release,
            String idempotencyKey,
            Map<String, Double> answers,
            Map<Long, Map<String, Double>> perProfessional,
            Map<Long, ReleaseChoice> blockReleases) {
        return new CheckInSubmission(
                instrument, language, release, idempotencyKey, answers, perProfessional, blockReleases, Map.of());
    }

    /** A joint check-in with one release choice for all its answers. */
    public static CheckInSubmission joint(
            Instrument instrument,
            Language language,
            ReleaseChoice release,
            String idempotencyKey,
            Map<String, Double> answers,
            Map<Long, Map<String, Double>> perProfessional) {
        return new CheckInSubmission(
                instrument, language, release, idempotencyKey, answers, perProfessional, Map.of(), Map.of());
    }

    /** An ordinary check-in: every item asked once. */
    public static CheckInSubmission ordinary(
            Instrument instrument,
            Language language,
            ReleaseChoice release,
            String idempotencyKey,
            Map<String, Double> answers) {
        return new CheckInSubmission(
                instrument, language, release, idempotencyKey, answers, Map.of(), Map.of(), Map.of());
    }

    public CheckInSubmission {
        answers = Map.copyOf(answers);
        Map<Long, Map<String, Double>> blocks = new java.util.LinkedHashMap<>();
        perProfessional.forEach((professional, block) -> blocks.put(professional, Map.copyOf(block)));
        perProfessional = java.util.Collections.unmodifiableMap(blocks);
        blockReleases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(blockReleases));
        blockAudiences = Map.copyOf(blockAudiences);
        if (!keyFits(idempotencyKey)) {
            throw new IllegalArgumentException(
                    "idempotency key must be 1 to 64 characters, got '" + idempotencyKey + "'");
        }
    }

    /** The same submission under another idempotency key. */
    public CheckInSubmission withKey(String key) {
        return new CheckInSubmission(
                instrument, language, release, key, answers, perProfessional, blockReleases, blockAudiences);
    }

    /** Whether a form's idempotency key can be stored: 1 to 64 characters (the column's width). */
    public static boolean keyFits(String idempotencyKey) {
        return !idempotencyKey.isBlank() && idempotencyKey.length() <= 64;
    }

    /**
     * The idempotency key a form sent, or a new one when it sent none or one that does not fit: a form without a
     * usable key is still stored, only a retry of it is no longer recognised.
     */
    public static String keyOrNew(@org.jspecify.annotations.Nullable String sent) {
        return sent != null && keyFits(sent)
                ? sent
                : java.util.UUID.randomUUID().toString();
    }
}
