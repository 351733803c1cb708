package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * One form post of a staff page, and the end every such handler shares. A handler declares a {@code FormPost}
 * parameter in place of the response, locale, model and redirect attributes, checks its input itself, and ends in
 * one of two ways:
 *
 * <ul>
 *   <li>{@link #refused}: the status (422 for input that does not fit, 409 for a conflict) and the same page again,
 *       with the error beside the form;
 *   <li>{@link #written}: the write and its audit row in one transaction, then a flash message (if any) and the
 *       redirect.
 * </ul>
 *
 * What is checked, written, audited and shown stays in the handler; only the order and the plumbing live here.
 */
public final class FormPost {

    private final HttpServletResponse response;
    private final Locale locale;
    private final Model model;
    private final RedirectAttributes redirect;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    FormPost(
            HttpServletResponse response,
            Locale locale,
            Model model,
            RedirectAttributes redirect,
            AuditLog audit,
            TransactionTemplate transactions) {
        this.response = response;
        this.locale = locale;
        this.model = model;
        this.redirect = redirect;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The audit row of a write: what happened ({@code meeting created}) and to what ({@code meeting 12}). */
    public record Audit(String action, String subject) {}

    /** A write that says what to audit, or {@code null} when it changed nothing (a delete of what is not there). */
    @FunctionalInterface
    public interface Write {
        @Nullable
        Audit run();
    }

    public Locale locale() {
        return locale;
    }

    public Model model() {
        return model;
    }

    public RedirectAttributes redirect() {
        return redirect;
    }

    /** Input that does not fit: 422 and the page that {@code page} renders (with the error in the model). */
    public String refused(Supplier<String> page) {
        return refused(HttpStatus.UNPROCESSABLE_ENTITY, page);
    }

    /** A refused post with another status (409 when the data forbid it): the status, then the page again. */
    public String refused(HttpStatus status, Supplier<String> page) {
        response.setStatus(status.value());
        return page.get();
    }

    /** The write and its audit row in one transaction, then the flash message {@code doneKey} and the redirect. */
    public String written(CurrentUser user, String doneKey, String target, Write write) {
        String next = written(user, target, write);
        redirect.addFlashAttribute("done", doneKey);
        return next;
    }

    /** The write and its audit row in one transaction, then the redirect to {@code target} (no flash message). */
    public String written(CurrentUser user, String target, Write write) {
        transactions.executeWithoutResult(status -> {
            Audit row = write.run();
            if (row != null) {
                audit.record(user.username(), row.action(), row.subject());
            }
        });
        return "redirect:" + target;
    }

    /**
     * Hands a {@link FormPost} to a handler: the response, the request's locale and model as Spring would hand them
     * one by one, and redirect attributes made the way Spring makes them for a {@link RedirectAttributes} parameter.
     */
    static final class Resolver implements HandlerMethodArgumentResolver {

        private final ObjectProvider<AuditLog> audit;
        private final ObjectProvider<TransactionTemplate> transactions;

        Resolver(ObjectProvider<AuditLog> audit, ObjectProvider<TransactionTemplate> transactions) {
            this.audit = audit;
            this.transactions = transactions;
        }

        @Override
        public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == FormPost.class;
        }

        @Override
        public FormPost resolveArgument(
                MethodParameter parameter,
                @Nullable ModelAndViewContainer container,
                NativeWebRequest request,
                @Nullable WebDataBinderFactory binders)
                throws Exception {
            ModelAndViewContainer mav = Objects.requireNonNull(container, "FormPost needs a model");
            DataBinder binder = Objects.requireNonNull(binders, "FormPost needs a binder factory")
                    .createBinder(request, null, DataBinder.DEFAULT_OBJECT_NAME);
            // The page's model, as Spring hands it to a Model parameter (its default model is a Model).
            Model model = (Model) mav.getModel();
            RedirectAttributesModelMap redirect = new RedirectAttributesModelMap(binder);
            mav.setRedirectModel(redirect);
            HttpServletResponse response =
                    Objects.requireNonNull(request.getNativeResponse(HttpServletResponse.class), "no response");
            Locale locale = RequestContextUtils.getLocale(
                    Objects.requireNonNull(request.getNativeRequest(HttpServletRequest.class), "no request"));
            return new FormPost(response, locale, model, redirect, audit.getObject(), transactions.getObject());
        }
    }
}
