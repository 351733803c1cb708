package org.alliance.app.system;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The identity providers Spring Security signs in with: those of the properties ({@code spring.security.oauth2.client.*},
 * read once at start) and the enabled ones the administrators configured ({@link IdentityProviders}, read at every
 * look-up, so a provider added, changed or stopped in the browser counts at once, on every server, without a
 * restart). Iterating gives the sign-in page's buttons.
 */
final class IdentityProviderRegistrations implements ClientRegistrationRepository, Iterable<ClientRegistration> {

    private static final String REDIRECT = "{baseUrl}/login/oauth2/code/{registrationId}";

    private final Map<String, ClientRegistration> fromProperties;
    private final IdentityProviders providers;

    IdentityProviderRegistrations(Map<String, ClientRegistration> fromProperties, IdentityProviders providers) {
        this.fromProperties = new LinkedHashMap<>(fromProperties);
        this.providers = providers;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        ClientRegistration configured = fromProperties.get(registrationId);
        if (configured != null) {
            return configured;
        }
        return providers
                .byRegistrationId(registrationId)
                .filter(IdentityProvider::enabled)
                .map(this::registration)
                .orElse(null);
    }

    @Override
    public Iterator<ClientRegistration> iterator() {
        List<ClientRegistration> all = new ArrayList<>(fromProperties.values());
        providers.enabled().forEach(p -> all.add(registration(p)));
        return all.iterator();
    }

    private ClientRegistration registration(IdentityProvider provider) {
        IdentityProvider.Endpoints endpoints = provider.endpoints();
        // The end-session endpoint is where RP-initiated logout sends the browser (SingleSignOn.logout).
        Map<String, Object> metadata =
                endpoints.endSession() == null ? Map.of() : Map.of("end_session_endpoint", endpoints.endSession());
        return ClientRegistration.withRegistrationId(provider.registrationId())
                .clientId(provider.clientId())
                .clientSecret(providers.secret(provider))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(REDIRECT)
                .scope("openid", "profile", "email")
                .authorizationUri(endpoints.authorization())
                .tokenUri(endpoints.token())
                .jwkSetUri(endpoints.jwkSet())
                .userInfoUri(endpoints.userInfo())
                .userNameAttributeName(IdTokenClaimNames.SUB)
                .issuerUri(provider.issuerUri())
                .providerConfigurationMetadata(metadata)
                .clientName(provider.displayName())
                .build();
    }

    /**
     * Asks the issuer for its OpenID Connect configuration ({@code /.well-known/openid-configuration}) and returns
     * the endpoints it names; {@link IdentityProviders.DiscoveryFailed} when it cannot be reached, or answers with
     * something else than an OpenID Connect configuration for this issuer.
     */
    static IdentityProvider.Endpoints discover(String issuer) {
        ClientRegistration found;
        if (!issuer.strip().matches("https?://\\S+")) {
            throw new IdentityProviders.DiscoveryFailed(false, "not an http(s) address: " + issuer);
        }
        try {
            found = org.springframework.security.oauth2.client.registration.ClientRegistrations.fromOidcIssuerLocation(
                            issuer.strip())
                    .registrationId("discovery")
                    .clientId("discovery")
                    .redirectUri(REDIRECT)
                    .build();
        } catch (RuntimeException e) {
            boolean unreachable = false;
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                unreachable |= cause instanceof java.io.IOException;
            }
            throw new IdentityProviders.DiscoveryFailed(unreachable, issuer + ": " + e.getMessage());
        }
        ClientRegistration.ProviderDetails details = found.getProviderDetails();
        Object endSession = details.getConfigurationMetadata().get("end_session_endpoint");
        String userInfo = details.getUserInfoEndpoint().getUri();
        return new IdentityProvider.Endpoints(
                details.getAuthorizationUri(),
                details.getTokenUri(),
                details.getJwkSetUri(),
                userInfo == null || userInfo.isBlank() ? null : userInfo,
                endSession == null ? null : endSession.toString());
    }
}
