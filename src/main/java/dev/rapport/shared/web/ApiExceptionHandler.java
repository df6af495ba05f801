package dev.rapport.shared.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns every error raised by a REST controller into RFC 9457 problem details. Validation problems name each field and
 * what is wrong with it, so an API client can show the message next to the right input.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", message(error)))
                .toList();
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + message(error))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                detail.isEmpty() ? "The request is not valid." : detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /**
     * A body that is not JSON, or a value of the wrong kind for its field (an unknown enum value, text for a number):
     * named by its field where Jackson knows it.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            org.springframework.http.converter.HttpMessageNotReadableException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = null;
        String problem = "The request body is not valid JSON.";
        if (ex.getCause() instanceof tools.jackson.databind.exc.MismatchedInputException mismatch) {
            field = mismatch.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            problem = mismatch instanceof tools.jackson.databind.exc.InvalidFormatException invalid
                    ? "\"" + invalid.getValue() + "\" is not a valid value"
                    : "has the wrong type of value";
        }
        ProblemDetail body = ApiProblems.problem(HttpStatus.BAD_REQUEST, "unreadable", "Unreadable request",
                field == null || field.isEmpty() ? problem : field + ": " + problem);
        if (field != null && !field.isEmpty()) {
            body.setProperty("errors", List.of(Map.of("field", field, "message", problem)));
        }
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalidArgument(IllegalArgumentException ex) {
        return ResponseEntity.badRequest()
                .body(ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid", "Invalid request", ex.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error in an API request", ex);
        return ResponseEntity.internalServerError().body(ApiProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal", "Internal error", "Something went wrong on our side; it has been logged."));
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
