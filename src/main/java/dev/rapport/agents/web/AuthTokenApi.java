package dev.rapport.agents.web;

import dev.rapport.agents.ApiAccess;
import dev.rapport.agents.SignIn;
import dev.rapport.agents.SignInThrottled;
import dev.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Lets a script trade an email and password for a personal API token, throttled like the sign-in form. */
@RestController
@Tag(name = "Authentication")
class AuthTokenApi {

    record TokenRequest(@NotBlank(message = "must not be blank") String email,
                        @NotBlank(message = "must not be blank") String password,
                        @NotBlank(message = "must not be blank") @Size(max = 100, message = "must be at most 100 characters")
                        String name) {
        @Override
        public String toString() {
            return "TokenRequest[email=" + email + ", name=" + name + "]";
        }
    }

    record TokenCreated(String id, String name, String token, Instant createdAt) {
    }

    private final SignIn signIn;
    private final ApiAccess apiAccess;

    AuthTokenApi(SignIn signIn, ApiAccess apiAccess) {
        this.signIn = signIn;
        this.apiAccess = apiAccess;
    }

    @PostMapping("/api/v1/auth/tokens")
    @Operation(summary = "Create a personal API token", description = "The token is shown only in this response.")
    ResponseEntity<TokenCreated> create(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
        var agent = signIn.authenticate(request.email(), request.password(), http.getRemoteAddr());
        ApiAccess.Issued issued = apiAccess.issue(agent.id(), request.name());
        return ResponseEntity.status(HttpStatus.CREATED).body(new TokenCreated(issued.token().id().toString(),
                issued.token().name(), issued.secret(), issued.token().createdAt()));
    }

    @ExceptionHandler(BadCredentialsException.class)
    ResponseEntity<ProblemDetail> wrongCredentials(BadCredentialsException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(ApiProblems.problem(HttpStatus.UNAUTHORIZED, "bad-credentials", "Sign-in failed", e.getMessage()));
    }

    @ExceptionHandler(SignInThrottled.class)
    ResponseEntity<ProblemDetail> throttled(SignInThrottled e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds())))
                .body(ApiProblems.problem(HttpStatus.TOO_MANY_REQUESTS, "throttled", "Too many attempts",
                        e.getMessage()));
    }
}
