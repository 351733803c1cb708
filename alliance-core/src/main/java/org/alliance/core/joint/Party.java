package org.alliance.core.joint;

import java.util.Locale;
import java.util.Optional;

/**
 * Someone taking part in a joint meeting, or concerned by it while absent (the child in a divorce).
 *
 * @param id unique within the meeting; for a professional the professional's id
 * @param role set for network members only
 * @param organisationId set for professionals only: the organisation they work for
 * @param label how the party is shown, e.g. the professional's name or "partner"; never a client's full name
 * @param present false for a party whose interests count but who was not in the room
 */
public record Party(
        String id,
        Kind kind,
        Optional<NetworkRole> role,
        Optional<String> organisationId,
        String label,
        boolean present) {

    public enum Kind {
        CLIENT,
        PROFESSIONAL,
        NETWORK_MEMBER
    }

    /** The role of a network member in the client's life. */
    public enum NetworkRole {
        PARTNER,
        PARENT,
        CHILD,
        FRIEND,
        INTERPRETER,
        OTHER;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Party {
        if (id.isBlank()) {
            throw new IllegalArgumentException("a party needs an id");
        }
        if (label.isBlank()) {
            throw new IllegalArgumentException("party " + id + " needs a label");
        }
        if ((kind == Kind.NETWORK_MEMBER) != role.isPresent()) {
            throw new IllegalArgumentException("party " + id + ": a role is given to network members only, not to a "
                    + kind.name().toLowerCase(Locale.ROOT) + " (role "
                    + role.map(NetworkRole::code).orElse("none")
                    + ")");
        }
        if ((kind == Kind.PROFESSIONAL) != organisationId.isPresent()) {
            throw new IllegalArgumentException("party " + id + ": an organisation is given to professionals only ("
                    + kind.name().toLowerCase(Locale.ROOT) + ", organisation "
                    + organisationId.orElse("none") + ")");
        }
    }

    public static Party client(String id, String label) {
        return new Party(id, Kind.CLIENT, Optional.empty(), Optional.empty(), label, true);
    }

    public static Party professional(String id, String organisationId, String label) {
        return new Party(id, Kind.PROFESSIONAL, Optional.empty(), Optional.of(organisationId), label, true);
    }

    public static Party networkMember(String id, NetworkRole role, String label, boolean present) {
        return new Party(id, Kind.NETWORK_MEMBER, Optional.of(role), Optional.empty(), label, present);
    }

    /** True for an interpreter, who helps people understand each other and has no stake of their own. */
    public boolean isInterpreter() {
        return role.filter(NetworkRole.INTERPRETER::equals).isPresent();
    }
}
