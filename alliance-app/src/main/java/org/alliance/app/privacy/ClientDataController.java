package org.alliance.app.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.alliance.app.system.AuditLog;
import org.alliance.app.system.CurrentUser;
import org.alliance.app.system.Downloads;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client's own data, as the administrator gives it to the client on request (issue 16; GDPR art. 15 and 20): as
 * PDF to read and as JSON to take elsewhere, in the language chosen (the page's language unless {@code ?lang=}).
 * Only the client's own organisation; audited (who, which client, which format — never the content).
 */
@Controller
class ClientDataController {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final ClientDataExport export;
    private final MessageSource messages;
    private final AuditLog audit;

    ClientDataController(ClientDataExport export, MessageSource messages, AuditLog audit) {
        this.export = export;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/admin/clients/{clientId}/data")
    ResponseEntity<byte[]> data(
            @AuthenticationPrincipal CurrentUser user,
            @PathVariable long clientId,
            @RequestParam(defaultValue = "pdf") String format,
            Locale locale) {
        ClientData data =
                export.of(user.organisationId(), clientId, locale).orElseThrow(ErasureController.NoSuchClient::new);
        boolean json = format.equals("json");
        audit.record(user.username(), "client data given", "client " + clientId + ": " + (json ? "json" : "pdf"));
        byte[] body = json
                ? JSON.writeValueAsString(data).getBytes(StandardCharsets.UTF_8)
                : ClientDataPdf.render(data, messages, locale);
        String name = "alliance-" + clientId + "-" + export.today() + (json ? ".json" : ".pdf");
        return Downloads.attachment(
                        name,
                        json ? new MediaType("application", "json", StandardCharsets.UTF_8) : MediaType.APPLICATION_PDF)
                .body(body);
    }
}
