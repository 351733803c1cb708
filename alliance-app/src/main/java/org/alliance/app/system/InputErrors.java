package org.alliance.app.system;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Answers a form whose text cannot be stored with 422 and a page that names the field, instead of a 500. */
@ControllerAdvice
class InputErrors {

    @ExceptionHandler(TextInputCheck.UnstorableText.class)
    ModelAndView unstorable(TextInputCheck.UnstorableText problem, HttpServletRequest request) {
        ModelAndView page = new ModelAndView("input-error", HttpStatus.UNPROCESSABLE_ENTITY);
        page.addObject("field", problem.field());
        PageModel.fill(request, page);
        return page;
    }
}
