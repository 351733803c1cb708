package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The one check of text input that every form passes before its controller runs: a text with the NUL character
 * (U+0000) cannot be stored (PostgreSQL refuses it in any text column; SQLite would store it and cut it off when
 * read), so a form that sends one is refused as a whole, with nothing written, and the person sees which field it
 * was ({@link InputErrors}). No one types a NUL; it comes with pasted or generated text.
 */
final class TextInputCheck implements HandlerInterceptor {

    /** A form field whose text cannot be stored. */
    static final class UnstorableText extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String field;

        UnstorableText(String field) {
            super("the field '" + field + "' holds a NUL character");
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            unstorable(request.getParameterMap()).ifPresent(field -> {
                throw new UnstorableText(field);
            });
        }
        return true;
    }

    /** The first field (by name) whose name or value holds a NUL, shown without the NUL. */
    static Optional<String> unstorable(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean bad = parameter.getKey().indexOf('\u0000') >= 0;
            for (String value : parameter.getValue()) {
                bad |= value != null && value.indexOf('\u0000') >= 0;
            }
            if (bad) {
                return Optional.of(parameter.getKey().replace("\u0000", ""));
            }
        }
        return Optional.empty();
    }
}
