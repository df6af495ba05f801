package dev.rapport.owed.web;

import dev.rapport.agents.SignedInAgent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/**
 * Who is looking, for the extension points that are not told (the card's sections, the question before solving): a
 * teammate sees only what is routed to them there too.
 */
final class CurrentViewer {

    private CurrentViewer() {
    }

    static Optional<SignedInAgent> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInAgent agent
                ? Optional.of(agent) : Optional.empty();
    }
}
