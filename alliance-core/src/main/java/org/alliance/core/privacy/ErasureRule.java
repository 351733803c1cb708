package org.alliance.core.privacy;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The one rule (docs/rules.md, "Erasing or anonymising a client") that the nightly retention run, the
 * administrator's dry run and the single-client erase page all ask: is a client <em>erased</em> (every row goes) or
 * <em>anonymised</em> (the answers a study may keep stay, attached only to the study pseudonym)?
 *
 * <p>A client is anonymised only when both hold: the organisation's retention setting says "anonymise instead of
 * erase" and at least one study of the client's team says it may keep anonymised answers after a client is erased.
 * In every other case the client is erased. The decision names its reason, so the administrator sees why.
 */
public final class ErasureRule {

    private ErasureRule() {}

    /** Erase or anonymise. */
    public enum Action {
        ERASE,
        ANONYMISE
    }

    /** Why the rule decided as it did (a message key suffix, {@code erasure.reason.*}). */
    public enum Reason {
        /** The organisation does not anonymise: everyone is erased. */
        ORGANISATION_ERASES,
        /** The organisation anonymises, but no study of the client's team allows it. */
        NO_ALLOWING_STUDY,
        /** The organisation anonymises and a study of the client's team allows it. */
        STUDY_ALLOWS;

        /** The message key of the reason's words. */
        public String messageKey() {
            return "erasure.reason." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A study that includes the client's team.
     *
     * @param allowsAnonymisation whether the study may keep anonymised answers after a client is erased
     */
    public record Study(long id, String title, boolean allowsAnonymisation) {
        public Study {
            if (id <= 0) {
                throw new IllegalArgumentException("study id must be positive: " + id);
            }
        }
    }

    /**
     * The decision for one client.
     *
     * @param studies the allowing studies that keep the client's answers (empty when erased), by id
     */
    public record Decision(Action action, Reason reason, List<Study> studies) {
        public Decision {
            studies = List.copyOf(studies);
            if ((action == Action.ANONYMISE) != (reason == Reason.STUDY_ALLOWS)) {
                throw new IllegalArgumentException(action + " cannot have the reason " + reason);
            }
            if ((action == Action.ANONYMISE) == studies.isEmpty()) {
                throw new IllegalArgumentException(action + " with " + studies.size() + " allowing studies");
            }
        }

        public boolean anonymises() {
            return action == Action.ANONYMISE;
        }

        /** The first allowing study (lowest id), for the audit row. */
        public Optional<Study> firstStudy() {
            return studies.stream().findFirst();
        }
    }

    /**
     * Decides for one client.
     *
     * @param organisationAnonymises the organisation's retention setting "anonymise instead of erase"
     * @param studiesOfTeam the studies that include the client's team, allowing or not
     */
    public static Decision decide(boolean organisationAnonymises, List<Study> studiesOfTeam) {
        if (!organisationAnonymises) {
            return new Decision(Action.ERASE, Reason.ORGANISATION_ERASES, List.of());
        }
        List<Study> allowing = studiesOfTeam.stream()
                .filter(Study::allowsAnonymisation)
                .sorted(Comparator.comparingLong(Study::id))
                .toList();
        return allowing.isEmpty()
                ? new Decision(Action.ERASE, Reason.NO_ALLOWING_STUDY, List.of())
                : new Decision(Action.ANONYMISE, Reason.STUDY_ALLOWS, allowing);
    }
}
