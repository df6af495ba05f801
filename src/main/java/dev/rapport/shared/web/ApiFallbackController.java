package dev.rapport.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers any {@code /api} path no other controller maps with a 404 problem, instead of an HTML error page.
 */
@RestController
class ApiFallbackController {

    @RequestMapping("/api/**")
    void notFound() {
        throw new ErrorResponseException(HttpStatus.NOT_FOUND,
                ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no such API endpoint."),
                null);
    }
}
