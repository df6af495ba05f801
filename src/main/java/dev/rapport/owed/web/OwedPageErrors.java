package dev.rapport.owed.web;

import dev.rapport.conversations.Desk;
import dev.rapport.owed.OwedLedger;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown entries and conversations get the 404 page; those that are not the agent's to see, the 403 page. */
@ControllerAdvice(assignableTypes = {ConversationOwedController.class, MoneyWeOweController.class,
        OwedReportsController.class})
class OwedPageErrors {

    @ExceptionHandler({Desk.NotFound.class, OwedLedger.NoSuchEntry.class,
            org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler({Desk.NotAllowed.class, OwedLedger.NotYours.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAllowed() {
        return "error/403";
    }
}
