package org.alliance.app.system;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page, which explains what the application is for and what to try; and the sign-in page. */
@Controller
class HomeController {

    private final Environment environment;
    private final UserAccounts accounts;

    HomeController(Environment environment, UserAccounts accounts) {
        this.environment = environment;
        this.accounts = accounts;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("demo", environment.acceptsProfiles(Profiles.of("demo")));
        model.addAttribute("setupNeeded", accounts.noUserYet());
        return "home";
    }

    @GetMapping("/login")
    String login() {
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
