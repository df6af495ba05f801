package dev.rapport.conversations.web;

import dev.rapport.conversations.Desk;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown conversations get the 404 page, other teams' conversations the 403 page. */
@ControllerAdvice(assignableTypes = {ConversationController.class, LiveController.class, AttachmentController.class})
class ConversationPageErrors {

    @ExceptionHandler(Desk.NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler(Desk.NotAllowed.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAllowed() {
        return "error/403";
    }
}
