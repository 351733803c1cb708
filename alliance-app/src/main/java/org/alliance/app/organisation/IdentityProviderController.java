package org.alliance.app.organisation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.FormValues;
import org.alliance.app.system.IdentityProvider;
import org.alliance.app.system.IdentityProviders;
import org.alliance.app.system.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The administrator configures identity providers in the browser (docs/deployment.md, "A provider in the
 * browser"): issuer, client id and secret, the name on the sign-in button, whether it is on, the claims that carry
 * role and team and how their values map to our roles and teams, and whether unknown people get an account. On save
 * the issuer's OpenID Connect discovery is asked; a provider that cannot be reached or is not OIDC is refused beside
 * its field. The secret is never shown again; an empty secret field keeps the stored one.
 */
@Controller
class IdentityProviderController {

    private static final int MOST_MAPPINGS = 200;

    private final IdentityProviders providers;
    private final Organisations organisations;
    private final AuditLog audit;

    IdentityProviderController(IdentityProviders providers, Organisations organisations, AuditLog audit) {
        this.providers = providers;
        this.organisations = organisations;
        this.audit = audit;
    }

    /** What the form sends (and shows again after an error). */
    record ProviderForm(
            String displayName,
            String issuer,
            String clientId,
            String clientSecret,
            @Nullable Boolean enabled,
            String roleClaim,
            String teamClaim,
            @Nullable Boolean createAccounts,
            String roleMappings,
            String teamMappings) {

        ProviderForm {
            // An unticked box sends nothing.
            enabled = Boolean.TRUE.equals(enabled);
            createAccounts = Boolean.TRUE.equals(createAccounts);
            displayName = FormValues.orEmpty(displayName);
            issuer = FormValues.orEmpty(issuer);
            clientId = FormValues.orEmpty(clientId);
            clientSecret = FormValues.orEmpty(clientSecret);
            roleClaim = FormValues.orEmpty(roleClaim);
            teamClaim = FormValues.orEmpty(teamClaim);
            roleMappings = FormValues.orEmpty(roleMappings);
            teamMappings = FormValues.orEmpty(teamMappings);
        }

        static ProviderForm empty() {
            return new ProviderForm("", "", "", "", true, "", "", false, "", "");
        }

        static ProviderForm of(IdentityProvider p, Map<Long, String> teamNames) {
            StringBuilder roles = new StringBuilder();
            p.roles().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> roles.append(e.getKey())
                    .append(" = ")
                    .append(e.getValue())
                    .append('\n'));
            StringBuilder teams = new StringBuilder();
            p.teams().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> teams.append(e.getKey())
                    .append(" = ")
                    .append(teamNames.getOrDefault(e.getValue(), ""))
                    .append('\n'));
            return new ProviderForm(
                    p.displayName(),
                    p.issuerUri(),
                    p.clientId(),
                    "",
                    p.enabled(),
                    p.roleClaim() == null ? "" : p.roleClaim(),
                    p.teamClaim() == null ? "" : p.teamClaim(),
                    p.createAccounts(),
                    roles.toString(),
                    teams.toString());
        }
    }

    /** A row of the list of providers. */
    record Row(long id, String displayName, String issuer, boolean enabled) {}

    @GetMapping("/admin/identity-providers")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute(
                "providers",
                providers.ofOrganisation(user.organisationId()).stream()
                        .map(p -> new Row(p.id(), p.displayName(), p.issuerUri(), p.enabled()))
                        .toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ProviderForm.empty());
        }
        model.addAttribute("editing", null);
        return page(user, model);
    }

    @GetMapping("/admin/identity-providers/{id}")
    String edit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        IdentityProvider provider = providers
                .byId(user.organisationId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ProviderForm.of(provider, teamNames(user)));
        }
        model.addAttribute("editing", provider.id());
        // The address to register at the provider as this client's redirect URI.
        model.addAttribute(
                "redirectUri",
                org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/login/oauth2/code/" + provider.registrationId())
                        .toUriString());
        model.addAttribute("providers", List.of());
        return page(user, model);
    }

    private String page(CurrentUser user, Model model) {
        model.addAttribute("roles", Role.values());
        model.addAttribute(
                "teamNames",
                String.join(
                        ", ",
                        organisations.teams(user.organisationId()).stream()
                                .map(Organisations.Team::name)
                                .toList()));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
            model.addAttribute("errorArgs", Map.of());
        }
        return "admin/identity-providers";
    }

    @PostMapping("/admin/identity-providers")
    String create(
            @AuthenticationPrincipal CurrentUser user,
            @ModelAttribute ProviderForm form,
            HttpServletResponse response,
            Model model) {
        return save(user, 0, form, response, model);
    }

    @PostMapping("/admin/identity-providers/{id}")
    String update(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long id,
            @ModelAttribute ProviderForm form,
            HttpServletResponse response,
            Model model) {
        if (providers.byId(user.organisationId(), id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return save(user, id, form, response, model);
    }

    private String save(CurrentUser user, long id, ProviderForm form, HttpServletResponse response, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> errorArgs = new LinkedHashMap<>();
        if (form.displayName().isBlank() || form.displayName().strip().length() > 100) {
            errors.put("displayName", "idp.error.displayName");
        }
        if (form.clientId().isBlank() || form.clientId().strip().length() > 300) {
            errors.put("clientId", "idp.error.clientId");
        }
        if (id == 0 && form.clientSecret().isBlank()) {
            errors.put("clientSecret", "idp.error.clientSecret");
        }
        if (form.roleClaim().strip().length() > 100 || form.teamClaim().strip().length() > 100) {
            errors.put("roleClaim", "idp.error.claim");
        }
        if (Boolean.TRUE.equals(form.createAccounts()) && form.roleClaim().isBlank()) {
            errors.put("createAccounts", "idp.error.createNeedsRoles");
        }
        Map<String, Role> roles = new LinkedHashMap<>();
        Optional<Integer> badRole = mappings(
                form.roleMappings(),
                value -> {
                    try {
                        return Optional.of(Role.valueOf(value.strip().toUpperCase(Locale.ROOT)));
                    } catch (IllegalArgumentException e) {
                        return Optional.empty();
                    }
                },
                roles);
        badRole.ifPresent(line -> {
            errors.put("roleMappings", "idp.error.roleMappings");
            errorArgs.put("roleMappings", line);
        });
        Map<String, Long> teamIds = new LinkedHashMap<>();
        organisations
                .teams(user.organisationId())
                .forEach(t -> teamIds.putIfAbsent(t.name().strip(), t.id()));
        Map<String, Long> teams = new LinkedHashMap<>();
        Optional<Integer> badTeam =
                mappings(form.teamMappings(), value -> Optional.ofNullable(teamIds.get(value.strip())), teams);
        badTeam.ifPresent(line -> {
            errors.put("teamMappings", "idp.error.teamMappings");
            errorArgs.put("teamMappings", line);
        });
        String issuer = form.issuer().strip();
        IdentityProvider.Endpoints endpoints = null;
        if (issuer.isEmpty() || issuer.length() > 1000) {
            errors.put("issuer", "idp.error.issuer");
        } else {
            // Discovery last: a form with other mistakes is answered without waiting for the provider.
            try {
                endpoints = IdentityProviders.discover(issuer);
            } catch (IdentityProviders.DiscoveryFailed e) {
                errors.put("issuer", e.unreachable() ? "idp.error.unreachable" : "idp.error.notOidc");
                model.addAttribute("issuerDetail", e.getMessage());
            }
        }
        if (!errors.isEmpty() || endpoints == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("errors", errors);
            model.addAttribute("errorArgs", errorArgs);
            model.addAttribute(
                    "form",
                    new ProviderForm(
                            form.displayName(),
                            form.issuer(),
                            form.clientId(),
                            "",
                            Boolean.TRUE.equals(form.enabled()),
                            form.roleClaim(),
                            form.teamClaim(),
                            Boolean.TRUE.equals(form.createAccounts()),
                            form.roleMappings(),
                            form.teamMappings()));
            return id == 0 ? list(user, model) : edit(user, id, model);
        }
        IdentityProvider provider = new IdentityProvider(
                id,
                user.organisationId(),
                form.displayName().strip(),
                issuer,
                form.clientId().strip(),
                Boolean.TRUE.equals(form.enabled()),
                endpoints,
                form.roleClaim(),
                form.teamClaim(),
                Boolean.TRUE.equals(form.createAccounts()),
                roles,
                teams);
        long saved = providers.save(
                provider,
                form.clientSecret().isBlank() ? null : form.clientSecret().strip());
        audit.record(
                user.username(),
                id == 0 ? "identity provider added" : "identity provider changed",
                "provider " + saved + ": " + issuer + ", "
                        + (Boolean.TRUE.equals(form.enabled()) ? "enabled" : "stopped")
                        + ", role claim " + provider.roleClaim() + " (" + roles.size() + " mapped), team claim "
                        + provider.teamClaim() + " (" + teams.size() + " mapped), creates accounts "
                        + provider.createAccounts() + (form.clientSecret().isBlank() ? "" : ", new secret"));
        return "redirect:/admin/identity-providers?saved";
    }

    /**
     * Reads lines {@code claim value = target} into {@code into}; empty lines are skipped. Returns the number of the
     * first line that is not of that form or whose target is unknown.
     */
    static <T> Optional<Integer> mappings(
            String text, java.util.function.Function<String, Optional<T>> target, Map<String, T> into) {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.lastIndexOf('=');
            if (equals <= 0 || into.size() >= MOST_MAPPINGS) {
                return Optional.of(i + 1);
            }
            String value = line.substring(0, equals).strip();
            Optional<T> mapped = target.apply(line.substring(equals + 1));
            if (value.isEmpty() || value.length() > 200 || mapped.isEmpty()) {
                return Optional.of(i + 1);
            }
            into.put(value, mapped.get());
        }
        return Optional.empty();
    }

    private Map<Long, String> teamNames(CurrentUser user) {
        Map<Long, String> names = new LinkedHashMap<>();
        organisations.teams(user.organisationId()).forEach(t -> names.put(t.id(), t.name()));
        return names;
    }
}
