package org.alliance.app.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page, which explains what the application is for and what to try. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
