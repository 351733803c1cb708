package org.alliance.app.system;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A file handed to the browser to save (an export, a report, a client's own data): {@code Content-Disposition:
 * attachment} with the file name, the type, and {@code Cache-Control: no-store}, since every download here holds
 * answers or figures no cache may keep. The one place these headers are written.
 */
public final class Downloads {

    private Downloads() {}

    /** A 200 response to fill with the file's body. */
    public static ResponseEntity.BodyBuilder attachment(String fileName, MediaType type) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The same headers on a response the caller streams into itself. */
    public static void attachment(HttpServletResponse response, String fileName, MediaType type) {
        response.setContentType(type.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, disposition(fileName));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static String disposition(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
