package dev.rapport.agents.web;

import dev.rapport.agents.SignInThrottled;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.io.IOException;

/**
 * Sends a failed sign-in back to the form, keeping the typed email address (in the session, not the URL) and saying
 * whether the password was wrong or the address is locked for a while.
 */
class SignInFailureHandler implements AuthenticationFailureHandler {

    static final String LAST_EMAIL = "rapport.signIn.lastEmail";
    static final String THROTTLE_MESSAGE = "rapport.signIn.throttled";

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String email = request.getParameter("email");
        var session = request.getSession();
        session.setAttribute(LAST_EMAIL, email == null ? "" : email.strip());
        if (exception instanceof SignInThrottled throttled) {
            session.setAttribute(THROTTLE_MESSAGE, throttled.getMessage());
            response.sendRedirect(request.getContextPath() + "/login?throttled");
        } else {
            response.sendRedirect(request.getContextPath() + "/login?error");
        }
    }
}
