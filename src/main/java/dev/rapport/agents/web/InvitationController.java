package dev.rapport.agents.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Optional;

/** Where an invited agent (or one whose password was reset) chooses their password. */
@Controller
class InvitationController {

    private final Passwords passwords;

    InvitationController(Passwords passwords) {
        this.passwords = passwords;
    }

    @GetMapping("/invitations/{token}")
    String show(@PathVariable String token, Model model) {
        Optional<Agent> invitee = passwords.invitee(token);
        if (invitee.isEmpty()) {
            return "agents/invitation-expired";
        }
        model.addAttribute("invitee", invitee.get());
        model.addAttribute("token", token);
        return "agents/invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @RequestParam String password, @RequestParam String confirmation,
                  Model model) {
        Optional<Agent> invitee = passwords.invitee(token);
        if (invitee.isEmpty()) {
            return "agents/invitation-expired";
        }
        model.addAttribute("invitee", invitee.get());
        model.addAttribute("token", token);
        if (!password.equals(confirmation)) {
            model.addAttribute("passwordError", "The two passwords are not the same.");
            return "agents/invitation";
        }
        try {
            passwords.acceptInvitation(token, password);
        } catch (Passwords.PasswordRejected e) {
            model.addAttribute("passwordError", e.getMessage());
            return "agents/invitation";
        }
        return "redirect:/login?passwordSet";
    }

}
