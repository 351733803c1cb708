package org.alliance.app.research;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Downloads;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The demo's synthetic register file to try the outcome import with (demo profile only): generated for the demo study
 * by {@link StudyDemoSeeder#register} from the study's current answers, as a statistics office would send it back
 * (Nordic Excel: {@code ;} and decimal commas). On an untouched demo it is byte for byte the file the demo imported.
 * Any other study is not found (404), as is a study the caller may not see.
 */
@Controller
@Profile("demo")
class StudyDemoRegisterController {

    private final StudyAccess access;
    private final StudyDemoSeeder seeder;
    private final StudyDemoRegister offer;
    private final AuditLog audit;

    StudyDemoRegisterController(StudyAccess access, StudyDemoSeeder seeder, StudyDemoRegister offer, AuditLog audit) {
        this.access = access;
        this.seeder = seeder;
        this.offer = offer;
        this.audit = audit;
    }

    @GetMapping("/research/studies/{studyId}/demo-register.csv")
    ResponseEntity<byte[]> register(@AuthenticationPrincipal CurrentUser user, @PathVariable long studyId)
            throws IOException {
        Study study = access.study(user, studyId);
        if (!offer.offeredFor(study)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        byte[] bytes = seeder.register(study).getBytes(StandardCharsets.UTF_8);
        audit.record(user.username(), "demo register downloaded", "study " + study.id());
        return Downloads.attachment("demo-register.csv", new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(bytes);
    }
}
