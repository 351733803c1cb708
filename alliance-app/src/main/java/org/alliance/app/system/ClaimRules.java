package org.alliance.app.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How a provider's claims become our role and team (docs/deployment.md, "Roles and team from claims"). A claim may
 * hold one value ({@code "team": "north"}) or a list ({@code "groups": ["staff", "alliance-admins"]}); each value is
 * looked up in the administrator's mapping, values without a mapping are ignored. When several values map to roles,
 * the role with the most rights wins (administrator, team lead, researcher, professional), so adding a person to one
 * more group never takes rights away; when several map to teams, the first value in the claim's order wins.
 */
final class ClaimRules {

    /** Most rights first. */
    private static final List<Role> PRECEDENCE =
            List.of(Role.ADMIN, Role.TEAM_LEAD, Role.RESEARCHER, Role.PROFESSIONAL);

    private ClaimRules() {}

    /** The role the claims give; empty when the provider reads no role claim or no value maps to a role. */
    static Optional<Role> role(IdentityProvider provider, Map<String, Object> claims) {
        if (provider.roleClaim() == null) {
            return Optional.empty();
        }
        List<String> values = values(claims.get(provider.roleClaim()));
        return PRECEDENCE.stream()
                .filter(role ->
                        values.stream().anyMatch(v -> role == provider.roles().get(v)))
                .findFirst();
    }

    /** The team the claims give; empty when the provider reads no team claim or no value maps to a team. */
    static Optional<Long> team(IdentityProvider provider, Map<String, Object> claims) {
        if (provider.teamClaim() == null) {
            return Optional.empty();
        }
        return values(claims.get(provider.teamClaim())).stream()
                .map(v -> provider.teams().get(v))
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /** The values of a claim: none, one text, or a list of texts. */
    static List<String> values(@Nullable Object claim) {
        if (claim == null) {
            return List.of();
        }
        if (claim instanceof Collection<?> many) {
            List<String> values = new ArrayList<>();
            many.forEach(v -> {
                if (v != null) {
                    values.add(v.toString().strip());
                }
            });
            return values;
        }
        return List.of(claim.toString().strip());
    }
}
