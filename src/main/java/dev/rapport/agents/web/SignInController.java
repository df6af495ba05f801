package dev.rapport.agents.web;

import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security's form login handles the post. */
@Controller
class SignInController {

    @GetMapping("/login")
    String signIn(HttpSession session, Model model) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return "redirect:/inbox";
        }
        model.addAttribute("lastEmail", take(session, SignInFailureHandler.LAST_EMAIL));
        model.addAttribute("throttleMessage", take(session, SignInFailureHandler.THROTTLE_MESSAGE));
        return "agents/login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }

    private static Object take(HttpSession session, String attribute) {
        Object value = session.getAttribute(attribute);
        session.removeAttribute(attribute);
        return value;
    }
}
