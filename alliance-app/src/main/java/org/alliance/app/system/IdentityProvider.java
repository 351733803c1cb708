package org.alliance.app.system;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An identity provider the administrator configured in the browser (docs/deployment.md, "Single sign-on"): where it
 * is (the issuer, and the endpoints discovery found there when it was saved), how Alliance is known to it (client id;
 * the secret is kept sealed and is not part of this record), and how its claims become our role and team.
 *
 * @param id 0 for a provider not stored yet
 * @param roleClaim the claim that carries the person's roles or groups; {@code null}: the account's own role counts
 * @param teamClaim the claim that carries the person's team; {@code null}: the account's own team counts
 * @param createAccounts whether a person without an account gets one from the claims (else they are refused)
 * @param roles claim value → our role
 * @param teams claim value → our team's id
 */
public record IdentityProvider(
        long id,
        long organisationId,
        String displayName,
        String issuerUri,
        String clientId,
        boolean enabled,
        Endpoints endpoints,
        @Nullable String roleClaim,
        @Nullable String teamClaim,
        boolean createAccounts,
        Map<String, Role> roles,
        Map<String, Long> teams) {

    /** The prefix of the registration ids of providers from the database (those from properties have their own). */
    public static final String REGISTRATION_PREFIX = "provider-";

    /** What OpenID Connect discovery found at the issuer. */
    public record Endpoints(
            String authorization,
            String token,
            String jwkSet,
            @Nullable String userInfo,
            @Nullable String endSession) {}

    public IdentityProvider {
        if (displayName.isBlank() || issuerUri.isBlank() || clientId.isBlank()) {
            throw new IllegalArgumentException("a provider needs a display name, an issuer and a client id");
        }
        roleClaim = roleClaim == null || roleClaim.isBlank() ? null : roleClaim.strip();
        teamClaim = teamClaim == null || teamClaim.isBlank() ? null : teamClaim.strip();
        roles = Map.copyOf(roles);
        teams = Map.copyOf(teams);
    }

    /** The id Spring Security knows it by ({@code /oauth2/authorization/provider-7}). */
    public String registrationId() {
        return REGISTRATION_PREFIX + id;
    }
}
