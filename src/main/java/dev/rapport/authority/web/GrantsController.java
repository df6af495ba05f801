package dev.rapport.authority.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.Grants;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;


/** What agents granted on their own judgment, newest first, for leads and admins to see. */
@Controller
class GrantsController {

    private static final int PAGE = 50;

    private final Grants grants;

    GrantsController(Grants grants) {
        this.grants = grants;
    }

    @GetMapping("/authority/grants")
    String list(@AuthenticationPrincipal SignedInAgent me, @RequestParam(required = false) String after,
                Model model) {
        if (me.role() != Role.ADMIN && me.role() != Role.LEAD) {
            throw new AccessDeniedException("Grants are for leads and admins to see.");
        }
        Grants.Page page;
        try {
            page = grants.newest(after, PAGE);
        } catch (IllegalArgumentException unreadable) {
            page = grants.newest(null, PAGE);
        }
        model.addAttribute("grants", page.grants());
        model.addAttribute("next", page.next());
        return "authority/grants";
    }
}
