package org.alliance.app.system;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The start page, which explains what the application is for and what to try; and the sign-in page. */
@Controller
class HomeController {

    private final Environment environment;
    private final UserAccounts accounts;
    private final ObjectProvider<ClientRegistrationRepository> identityProviders;

    HomeController(
            Environment environment,
            UserAccounts accounts,
            ObjectProvider<ClientRegistrationRepository> identityProviders) {
        this.environment = environment;
        this.accounts = accounts;
        this.identityProviders = identityProviders;
    }

    /** An identity provider as the sign-in page offers it. */
    record Provider(String id, String name) {}

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("demo", environment.acceptsProfiles(Profiles.of("demo")));
        model.addAttribute("setupNeeded", accounts.noUserYet());
        return "home";
    }

    @GetMapping("/login")
    String login(@RequestParam(defaultValue = "") String sso, Model model) {
        // Only the reasons SingleSignOn gives: anything else in the address is not shown.
        if (SingleSignOn.isReason(sso)) {
            model.addAttribute("ssoError", "login.sso." + sso);
        }
        List<Provider> providers = new ArrayList<>();
        if (identityProviders.getIfAvailable() instanceof Iterable<?> registrations) {
            for (Object registration : registrations) {
                ClientRegistration r = (ClientRegistration) registration;
                providers.add(new Provider(r.getRegistrationId(), r.getClientName()));
            }
        }
        model.addAttribute("providers", providers);
        return "login";
    }

    /** Where a user lands after signing in: the main page of their role. */
    @GetMapping("/start")
    String start(@AuthenticationPrincipal CurrentUser user) {
        return switch (user.role()) {
            case PROFESSIONAL -> "redirect:/caseload";
            case TEAM_LEAD -> "redirect:/team";
            case RESEARCHER -> "redirect:/research";
            case ADMIN -> "redirect:/admin";
        };
    }
}
