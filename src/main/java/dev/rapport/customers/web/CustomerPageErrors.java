package dev.rapport.customers.web;

import dev.rapport.customers.CustomerNotFound;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Unknown customers get the 404 page. */
@ControllerAdvice(assignableTypes = {CustomerController.class, CustomerCardController.class})
class CustomerPageErrors {

    @ExceptionHandler(CustomerNotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }
}
