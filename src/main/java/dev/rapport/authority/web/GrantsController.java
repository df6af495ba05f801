package dev.rapport.authority.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.Grants;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.time.Clock;

/** What agents granted on their own judgment, newest first, for leads and admins to see. */
@Controller
class GrantsController {

    private static final int PAGE = 100;

    private final Grants grants;
    private final Clock clock;

    GrantsController(Grants grants, Clock clock) {
        this.grants = grants;
        this.clock = clock;
    }

    @GetMapping("/authority/grants")
    String list(@AuthenticationPrincipal SignedInAgent me, Model model) {
        if (me.role() != Role.ADMIN && me.role() != Role.LEAD) {
            throw new AccessDeniedException("Grants are for leads and admins to see.");
        }
        model.addAttribute("grants", grants.newestBefore(clock.instant().plusSeconds(1), PAGE));
        return "authority/grants";
    }
}
