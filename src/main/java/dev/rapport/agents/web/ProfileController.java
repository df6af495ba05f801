package dev.rapport.agents.web;

import dev.rapport.agents.ApiAccess;
import dev.rapport.agents.ApiToken;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/** The signed-in agent's own page: who they are, their password and their API tokens. */
@Controller
class ProfileController {

    private final Roster roster;
    private final Passwords passwords;
    private final ApiAccess apiAccess;

    ProfileController(Roster roster, Passwords passwords, ApiAccess apiAccess) {
        this.roster = roster;
        this.passwords = passwords;
        this.apiAccess = apiAccess;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal SignedInAgent me, Model model) {
        fill(me, model);
        return "agents/profile";
    }

    @PostMapping("/profile/password")
    String changePassword(@AuthenticationPrincipal SignedInAgent me, @RequestParam String currentPassword,
                          @RequestParam String newPassword, @RequestParam String confirmation, Model model,
                          RedirectAttributes flash) {
        if (!newPassword.equals(confirmation)) {
            model.addAttribute("passwordError", "The two new passwords are not the same.");
            fill(me, model);
            return "agents/profile";
        }
        try {
            passwords.change(me.id(), currentPassword, newPassword);
        } catch (Passwords.PasswordRejected e) {
            model.addAttribute("passwordError", e.getMessage());
            fill(me, model);
            return "agents/profile";
        }
        flash.addFlashAttribute("notice", "Your password is changed.");
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(@AuthenticationPrincipal SignedInAgent me, @RequestParam String name, Model model,
                       RedirectAttributes flash) {
        if (name.isBlank() || name.strip().length() > 100) {
            model.addAttribute("tokenError", "Give the token a name of up to 100 characters, e.g. \"Shop sync\".");
            fill(me, model);
            return "agents/profile";
        }
        ApiAccess.Issued issued = apiAccess.issue(me.id(), name);
        flash.addFlashAttribute("newToken", issued.secret());
        flash.addFlashAttribute("newTokenName", issued.token().name());
        return "redirect:/profile#tokens";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal SignedInAgent me, @PathVariable UUID id,
                       @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        apiAccess.revoke(me.id(), new ApiToken.ApiTokenId(id));
        if (htmx != null) {
            model.addAttribute("tokens", apiAccess.tokensOf(me.id()));
            return "agents/profile :: tokens";
        }
        return "redirect:/profile#tokens";
    }

    private void fill(SignedInAgent me, Model model) {
        model.addAttribute("agent", roster.findAgent(me.id()).orElseThrow());
        model.addAttribute("teamsById", roster.teamsById());
        model.addAttribute("tokens", apiAccess.tokensOf(me.id()));
    }
}
