package org.alliance.app.system;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Who a person the identity provider signed in is in Alliance (docs/deployment.md, "Single sign-on"). For a provider
 * of the properties the Alliance account decides everything, as before: it must exist and not be stopped. For a
 * provider the administrator configured, the claims may decide the role and the team ({@link ClaimRules}): a role
 * claim that gives no mapped role refuses the person; an account's role and team are set to what the claims say at
 * every sign-in (audited when they change); a person without an account is refused unless the provider creates
 * accounts from claims. A stopped account is refused in every case. Nothing is created for a refused person.
 */
@Component
class SingleSignOnAccounts {

    static final String UNKNOWN = "alliance_unknown_user";
    static final String STOPPED = "alliance_account_stopped";
    static final String NO_ROLE = "alliance_no_role";
    static final String NO_TEAM = "alliance_no_team";

    private final UserAccounts accounts;
    private final IdentityProviders providers;
    private final AuditLog audit;
    private final String usernameClaim;

    SingleSignOnAccounts(
            UserAccounts accounts,
            IdentityProviders providers,
            AuditLog audit,
            @Value("${alliance.sso.username-claim:preferred_username}") String usernameClaim) {
        this.accounts = accounts;
        this.providers = providers;
        this.audit = audit;
        this.usernameClaim = usernameClaim;
    }

    /** The user name the provider gives (the claim {@code alliance.sso.username-claim}). */
    String username(OidcUser person) {
        return Optional.ofNullable(person.getClaimAsString(usernameClaim))
                .orElse("")
                .strip();
    }

    /** The Alliance account of the person, brought up to date with their claims; refused with a reason code. */
    CurrentUser signIn(String registrationId, OidcUser person) {
        String name = username(person);
        Optional<IdentityProvider> configured = providers.byRegistrationId(registrationId);
        if (configured.isEmpty()) {
            return existing(name);
        }
        IdentityProvider provider = configured.get();
        Map<String, Object> claims = person.getClaims();
        Optional<CurrentUser> account =
                accounts.find(name).filter(a -> a.organisationId() == provider.organisationId());
        if (account.isPresent() && !account.get().enabled()) {
            throw refused(STOPPED, "account stopped: " + name);
        }
        Optional<Role> claimed = ClaimRules.role(provider, claims);
        Optional<Long> claimedTeam = ClaimRules.team(provider, claims);
        if (provider.roleClaim() != null && claimed.isEmpty()) {
            throw refused(NO_ROLE, "no mapped role in claim " + provider.roleClaim() + " for " + name);
        }
        if (account.isEmpty()) {
            return created(provider, name, person, claimed, claimedTeam);
        }
        CurrentUser current = account.get();
        Role role = claimed.orElse(current.role());
        Long team = claimedTeam.orElse(current.teamId());
        if (needsTeam(role) && team == null) {
            throw refused(NO_TEAM, "no team for " + name);
        }
        if (role != current.role() || !Objects.equals(team, current.teamId())) {
            accounts.setRoleAndTeam(current.id(), role, team);
            audit.record(
                    provider.organisationId(),
                    name,
                    "role or team from claims",
                    "user " + current.id() + ": " + current.role() + " team " + current.teamId() + " to " + role
                            + " team " + team + " (" + provider.registrationId() + ")");
        }
        return accounts.loadUserByUsername(name);
    }

    private CurrentUser created(
            IdentityProvider provider,
            String name,
            OidcUser person,
            Optional<Role> claimed,
            Optional<Long> claimedTeam) {
        if (!provider.createAccounts() || name.isEmpty() || accounts.exists(name)) {
            throw refused(UNKNOWN, "no Alliance account " + name);
        }
        if (claimed.isEmpty()) {
            throw refused(NO_ROLE, "no role from claims for new account " + name);
        }
        Role role = claimed.get();
        Long team = claimedTeam.orElse(null);
        if (needsTeam(role) && team == null) {
            throw refused(NO_TEAM, "no team for " + name);
        }
        String displayName = Optional.ofNullable(person.getFullName())
                .filter(n -> !n.isBlank())
                .orElse(name);
        if (!UserAccounts.namesFit(name, displayName)) {
            throw refused(UNKNOWN, "user name too long: " + name);
        }
        long id = accounts.createFromClaims(provider.organisationId(), team, name, displayName, role);
        audit.record(
                provider.organisationId(),
                name,
                "account created from claims",
                "user " + id + " as " + role + " team " + team + " (" + provider.registrationId() + ")");
        return accounts.loadUserByUsername(name);
    }

    /** The account of a person signed in a moment ago (after {@link #signIn}), checked once more. */
    CurrentUser signedIn(OidcUser person) {
        return existing(username(person));
    }

    private CurrentUser existing(String name) {
        CurrentUser account = accounts.find(name).orElseThrow(() -> refused(UNKNOWN, "no Alliance account " + name));
        if (!account.enabled()) {
            throw refused(STOPPED, "account stopped: " + name);
        }
        return account;
    }

    private static boolean needsTeam(Role role) {
        return role == Role.PROFESSIONAL || role == Role.TEAM_LEAD;
    }

    private static OAuth2AuthenticationException refused(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null));
    }
}
