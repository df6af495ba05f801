package dev.rapport.authority.web;

import dev.rapport.authority.Approvals;
import dev.rapport.authority.NotAnApprover;
import dev.rapport.conversations.Desk;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Unknown requests and conversations get the 404 page; what is not the viewer's to see or decide, the 403 page. */
@ControllerAdvice(assignableTypes = {ApprovalsController.class, BudgetsController.class, GrantPanelController.class})
class AuthorityPageErrors {

    @ExceptionHandler({Desk.NotFound.class, Approvals.NoSuchRequest.class, MethodArgumentTypeMismatchException.class})
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    @ExceptionHandler({Desk.NotAllowed.class, NotAnApprover.class})
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notAllowed() {
        return "error/403";
    }
}
