package dev.rapport.promises.web;

import dev.rapport.conversations.Desk;
import dev.rapport.promises.PromiseLedger;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown promises and conversations get the 404 page; those that are not the agent's to see, the 403 page. */
@ControllerAdvice(assignableTypes = {ComposerPanelController.class, ConversationPromisesController.class,
        PromiseActionsController.class, MyPromisesController.class})
class PromisePageErrors {

    @ExceptionHandler({Desk.NotFound.class, PromiseLedger.NoSuchPromise.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler({Desk.NotAllowed.class, PromiseLedger.NotYours.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAllowed() {
        return "error/403";
    }
}
