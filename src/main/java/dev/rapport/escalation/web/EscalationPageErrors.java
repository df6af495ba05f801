package dev.rapport.escalation.web;

import dev.rapport.conversations.Desk;
import dev.rapport.escalation.NotYours;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Unknown conversations get the 404 page; what is not the viewer's to see or answer, the 403 page. */
@ControllerAdvice(assignableTypes = {EscalationPanelController.class, RequestsController.class,
        EscalationReportController.class, PathsController.class})
class EscalationPageErrors {

    @ExceptionHandler({Desk.NotFound.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler({Desk.NotAllowed.class, NotYours.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAllowed() {
        return "error/403";
    }
}
