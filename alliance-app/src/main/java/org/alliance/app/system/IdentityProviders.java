package org.alliance.app.system;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity providers of {@code identity_provider} (migration V23), with their claim mappings. The client secret
 * is sealed with AES-256-GCM under a key in a file apart from the database ({@code alliance.sso.key-file}, default
 * {@code ./data/sso.key}, {@link SealingKey}) with the organisation as associated data: a copy of the database alone
 * does not give the secret away, and a row moved to another organisation does not open.
 */
@Component
public class IdentityProviders {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final SealingKey key;

    IdentityProviders(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${alliance.sso.key-file:./data/sso.key}") Path keyFile) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.key = SealingKey.inFile(
                keyFile, "single sign-on", "a client secret that does not open under this key (alliance.sso.key-file)");
    }

    /** Discovery at an issuer failed: it could not be reached, or it is not an OpenID Connect provider. */
    public static final class DiscoveryFailed extends IllegalArgumentException {
        private final boolean unreachable;

        DiscoveryFailed(boolean unreachable, String message) {
            super(message);
            this.unreachable = unreachable;
        }

        /** True when nothing answered; false when something answered, but not as an OpenID Connect provider. */
        public boolean unreachable() {
            return unreachable;
        }
    }

    /**
     * Asks the issuer for its OpenID Connect configuration and returns the endpoints it names (the check on save).
     *
     * @throws DiscoveryFailed when the issuer cannot be reached or is not an OpenID Connect provider
     */
    public static IdentityProvider.Endpoints discover(String issuer) {
        return IdentityProviderRegistrations.discover(issuer);
    }

    /** The providers of one organisation, by display name. */
    public List<IdentityProvider> ofOrganisation(long organisationId) {
        return jdbc
                .sql("SELECT * FROM identity_provider WHERE organisation_id = ? ORDER BY display_name, id")
                .param(organisationId)
                .query(IdentityProviders::map)
                .list()
                .stream()
                .map(this::withMappings)
                .toList();
    }

    /** Every enabled provider, of every organisation (the sign-in page comes before anyone's organisation). */
    public List<IdentityProvider> enabled() {
        return jdbc
                .sql("SELECT * FROM identity_provider WHERE enabled = ? ORDER BY display_name, id")
                .param(true)
                .query(IdentityProviders::map)
                .list()
                .stream()
                .map(this::withMappings)
                .toList();
    }

    public Optional<IdentityProvider> byId(long organisationId, long id) {
        return jdbc.sql("SELECT * FROM identity_provider WHERE id = ? AND organisation_id = ?")
                .params(id, organisationId)
                .query(IdentityProviders::map)
                .optional()
                .map(this::withMappings);
    }

    /** The provider behind a registration id such as {@code provider-7}; empty for one from the properties. */
    public Optional<IdentityProvider> byRegistrationId(String registrationId) {
        if (!registrationId.startsWith(IdentityProvider.REGISTRATION_PREFIX)) {
            return Optional.empty();
        }
        long id;
        try {
            id = Long.parseLong(registrationId.substring(IdentityProvider.REGISTRATION_PREFIX.length()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM identity_provider WHERE id = ?")
                .param(id)
                .query(IdentityProviders::map)
                .optional()
                .map(this::withMappings);
    }

    /** The provider's client secret, unsealed. */
    public String secret(IdentityProvider provider) {
        return jdbc.sql("SELECT secret_nonce, secret_sealed FROM identity_provider WHERE id = ?")
                .param(provider.id())
                .query((rs, row) -> new String(
                        key.open(context(provider.organisationId()), rs.getBytes(1), rs.getBytes(2)),
                        StandardCharsets.UTF_8))
                .single();
    }

    /**
     * Stores a new provider (id 0) or replaces one of the organisation, with its mappings; a {@code null} secret keeps
     * the stored one. Returns the id.
     */
    public long save(IdentityProvider provider, @org.jspecify.annotations.Nullable String secret) {
        return transactions.execute(status -> {
            long id = provider.id();
            IdentityProvider.Endpoints e = provider.endpoints();
            if (id == 0) {
                if (secret == null) {
                    throw new IllegalArgumentException("a new provider needs its client secret");
                }
                SealingKey.Sealed sealed = seal(provider.organisationId(), secret);
                id = jdbc.sql(
                                """
                                INSERT INTO identity_provider (organisation_id, display_name, issuer_uri, client_id,
                                    secret_nonce, secret_sealed, enabled, authorization_uri, token_uri, jwk_set_uri,
                                    user_info_uri, end_session_uri, role_claim, team_claim, create_accounts, updated_at)
                                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                        .params(
                                provider.organisationId(),
                                provider.displayName(),
                                provider.issuerUri(),
                                provider.clientId(),
                                sealed.nonce(),
                                sealed.box(),
                                provider.enabled(),
                                e.authorization(),
                                e.token(),
                                e.jwkSet(),
                                e.userInfo(),
                                e.endSession(),
                                provider.roleClaim(),
                                provider.teamClaim(),
                                provider.createAccounts(),
                                clock.millis())
                        .query(Long.class)
                        .single();
            } else {
                int changed = jdbc.sql(
                                """
                                UPDATE identity_provider SET display_name = ?, issuer_uri = ?, client_id = ?, enabled = ?,
                                    authorization_uri = ?, token_uri = ?, jwk_set_uri = ?, user_info_uri = ?,
                                    end_session_uri = ?, role_claim = ?, team_claim = ?, create_accounts = ?, updated_at = ?
                                WHERE id = ? AND organisation_id = ?""")
                        .params(
                                provider.displayName(),
                                provider.issuerUri(),
                                provider.clientId(),
                                provider.enabled(),
                                e.authorization(),
                                e.token(),
                                e.jwkSet(),
                                e.userInfo(),
                                e.endSession(),
                                provider.roleClaim(),
                                provider.teamClaim(),
                                provider.createAccounts(),
                                clock.millis(),
                                id,
                                provider.organisationId())
                        .update();
                if (changed == 0) {
                    throw new IllegalArgumentException(
                            "no provider " + id + " in organisation " + provider.organisationId());
                }
                if (secret != null) {
                    SealingKey.Sealed sealed = seal(provider.organisationId(), secret);
                    jdbc.sql("UPDATE identity_provider SET secret_nonce = ?, secret_sealed = ? WHERE id = ?")
                            .params(sealed.nonce(), sealed.box(), id)
                            .update();
                }
                jdbc.sql("DELETE FROM identity_provider_mapping WHERE provider_id = ?")
                        .param(id)
                        .update();
            }
            for (Map.Entry<String, Role> role : provider.roles().entrySet()) {
                jdbc.sql(
                                "INSERT INTO identity_provider_mapping (provider_id, kind, claim_value, role) VALUES (?, 'ROLE', ?, ?)")
                        .params(id, role.getKey(), role.getValue().name())
                        .update();
            }
            for (Map.Entry<String, Long> team : provider.teams().entrySet()) {
                jdbc.sql(
                                "INSERT INTO identity_provider_mapping (provider_id, kind, claim_value, team_id) VALUES (?, 'TEAM', ?, ?)")
                        .params(id, team.getKey(), team.getValue())
                        .update();
            }
            return id;
        });
    }

    /** The provider's claim mappings, read after its row (not while the row's result set is open). */
    private IdentityProvider withMappings(IdentityProvider p) {
        Map<String, Role> roles = new HashMap<>();
        Map<String, Long> teams = new HashMap<>();
        jdbc.sql("SELECT kind, claim_value, role, team_id FROM identity_provider_mapping WHERE provider_id = ?")
                .param(p.id())
                .query(m -> {
                    if ("ROLE".equals(m.getString(1))) {
                        roles.put(m.getString(2), Role.valueOf(m.getString(3)));
                    } else {
                        teams.put(m.getString(2), m.getLong(4));
                    }
                });
        return new IdentityProvider(
                p.id(),
                p.organisationId(),
                p.displayName(),
                p.issuerUri(),
                p.clientId(),
                p.enabled(),
                p.endpoints(),
                p.roleClaim(),
                p.teamClaim(),
                p.createAccounts(),
                roles,
                teams);
    }

    private static IdentityProvider map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new IdentityProvider(
                id,
                rs.getLong("organisation_id"),
                rs.getString("display_name"),
                rs.getString("issuer_uri"),
                rs.getString("client_id"),
                rs.getBoolean("enabled"),
                new IdentityProvider.Endpoints(
                        rs.getString("authorization_uri"),
                        rs.getString("token_uri"),
                        rs.getString("jwk_set_uri"),
                        rs.getString("user_info_uri"),
                        rs.getString("end_session_uri")),
                rs.getString("role_claim"),
                rs.getString("team_claim"),
                rs.getBoolean("create_accounts"),
                Map.of(),
                Map.of());
    }

    private SealingKey.Sealed seal(long organisationId, String secret) {
        return key.seal(context(organisationId), secret.getBytes(StandardCharsets.UTF_8));
    }

    private static String context(long organisationId) {
        return "alliance-sso:" + organisationId;
    }
}
