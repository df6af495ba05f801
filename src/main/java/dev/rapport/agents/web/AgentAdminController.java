package dev.rapport.agents.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.shared.EmailAddress;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.UUID;

/** Admin pages for the people who work in Rapport: add by invitation, edit, deactivate, reset password. */
@Controller
class AgentAdminController {

    private final Roster roster;
    private final Passwords passwords;

    AgentAdminController(Roster roster, Passwords passwords) {
        this.roster = roster;
        this.passwords = passwords;
    }

    @ModelAttribute("roles")
    Role[] roles() {
        return Role.values();
    }

    @GetMapping("/admin/agents")
    String list(Model model) {
        model.addAttribute("form", AgentForm.empty());
        return page(model);
    }

    @PostMapping("/admin/agents")
    String invite(@Valid @ModelAttribute("form") AgentForm form, BindingResult errors, Model model,
                  RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return page(model);
        }
        try {
            Roster.Invited invited = roster.invite(form.name(), EmailAddress.of(form.email()), form.role(),
                    form.teamIds());
            flash.addFlashAttribute("invitedName", invited.agent().name());
            flash.addFlashAttribute("invitationLink", invitationLink(invited.invitationToken()));
            return "redirect:/admin/agents/" + invited.agent().id();
        } catch (Roster.EmailAlreadyUsed e) {
            errors.rejectValue("email", "used", e.getMessage());
        } catch (IllegalArgumentException e) {
            errors.rejectValue("teams", "invalid", e.getMessage());
        }
        return page(model);
    }

    @GetMapping("/admin/agents/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Agent agent = find(id);
        model.addAttribute("form", AgentForm.of(agent));
        return editPage(agent, model);
    }

    @PostMapping("/admin/agents/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") AgentForm form, BindingResult errors,
                  Model model, RedirectAttributes flash) {
        Agent agent = find(id);
        if (errors.hasFieldErrors("name") || errors.hasFieldErrors("role")) {
            return editPage(agent, model);
        }
        try {
            roster.update(agent.id(), form.name(), form.role(), form.teamIds());
        } catch (Roster.LastAdminRequired e) {
            errors.rejectValue("role", "lastAdmin", e.getMessage());
            return editPage(agent, model);
        }
        flash.addFlashAttribute("notice", "Saved changes to " + form.name().strip() + ".");
        return "redirect:/admin/agents/" + id;
    }

    @PostMapping("/admin/agents/{id}/deactivate")
    String deactivate(@PathVariable UUID id, RedirectAttributes flash) {
        Agent agent = find(id);
        try {
            roster.deactivate(agent.id());
            flash.addFlashAttribute("notice", agent.name() + " can no longer sign in. Their history stays.");
        } catch (Roster.LastAdminRequired e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/agents/" + id;
    }

    @PostMapping("/admin/agents/{id}/reactivate")
    String reactivate(@PathVariable UUID id, RedirectAttributes flash) {
        Agent agent = find(id);
        roster.reactivate(agent.id());
        flash.addFlashAttribute("notice", agent.name() + " can sign in again.");
        return "redirect:/admin/agents/" + id;
    }

    @PostMapping("/admin/agents/{id}/invitation")
    String newInvitation(@PathVariable UUID id, RedirectAttributes flash) {
        Agent agent = find(id);
        flash.addFlashAttribute("invitedName", agent.name());
        flash.addFlashAttribute("invitationLink", invitationLink(passwords.newInvitation(agent.id())));
        return "redirect:/admin/agents/" + id;
    }

    private String page(Model model) {
        model.addAttribute("agents", roster.agents());
        model.addAttribute("teams", roster.teams());
        model.addAttribute("teamsById", roster.teamsById());
        return "agents/admin-agents";
    }

    private String editPage(Agent agent, Model model) {
        model.addAttribute("agent", agent);
        model.addAttribute("teams", roster.teams());
        return "agents/admin-agent";
    }

    private Agent find(UUID id) {
        return roster.findAgent(new Agent.AgentId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such agent"));
    }

    private static String invitationLink(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/invitations/{token}")
                .buildAndExpand(token).toUriString();
    }
}
