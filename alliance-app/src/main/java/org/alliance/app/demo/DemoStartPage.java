package org.alliance.app.demo;

import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * In the demo only: the start page lists the demo accounts (the same as {@code ./alliance demo} prints), so a
 * visitor who did not see the console can still sign in.
 */
@ControllerAdvice(basePackages = "org.alliance.app.system")
@Profile("demo")
class DemoStartPage {

    private final DemoSeeder seeder;

    DemoStartPage(DemoSeeder seeder) {
        this.seeder = seeder;
    }

    @ModelAttribute("demoLogins")
    List<DemoSeeder.DemoLogin> demoLogins() {
        return seeder.logins();
    }

    @ModelAttribute("demoPassword")
    String demoPassword() {
        return DemoSeeder.PASSWORD;
    }

    @ModelAttribute("demoStory")
    List<DemoSeeder.StoryLine> demoStory() {
        return seeder.story();
    }
}
