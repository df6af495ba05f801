package dev.rapport.authority.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.AuthorityLimit;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.authority.AuthoritySettings;
import dev.rapport.authority.LimitRejected;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Admin → Authority: what each role, and an agent in place of their role, may grant alone. A form that is refused
 * comes back with everything typed and the error beside its field.
 */
@Controller
class AuthorityLimitsController {

    static final List<Role> LIMITED_ROLES = List.of(Role.AGENT, Role.LEAD, Role.TEAMMATE);

    /** An agent's own limit as the page lists it. */
    record AgentLimit(UUID agent, String agentName, AuthorityLimit limit) {
    }

    private final AuthorityLimits limits;
    private final Roster roster;
    private final AuthoritySettings settings;

    AuthorityLimitsController(AuthorityLimits limits, Roster roster, AuthoritySettings settings) {
        this.limits = limits;
        this.roster = roster;
        this.settings = settings;
    }

    @GetMapping("/admin/authority")
    String page(Model model) {
        return render(model, null, null, null);
    }

    @PostMapping("/admin/authority/roles/{role}")
    String saveRole(@PathVariable Role role, @ModelAttribute LimitForm form, @AuthenticationPrincipal SignedInAgent admin,
                    Model model, RedirectAttributes flash) {
        try {
            limits.setForRole(role, form.terms(), admin);
        } catch (LimitRejected rejected) {
            return render(model, role.name(), form, rejected);
        }
        flash.addFlashAttribute("notice", "Saved the limits of " + role.label().toLowerCase() + "s.");
        return "redirect:/admin/authority";
    }

    @PostMapping("/admin/authority/agents")
    String saveAgent(@ModelAttribute LimitForm form, @AuthenticationPrincipal SignedInAgent admin, Model model,
                     RedirectAttributes flash) {
        try {
            Agent agent = agentIn(form);
            limits.setForAgent(agent.id().value(), form.terms(), admin);
            flash.addFlashAttribute("notice", "Saved " + agent.name() + "'s own limits.");
        } catch (LimitRejected rejected) {
            return render(model, "agent", form, rejected);
        }
        return "redirect:/admin/authority";
    }

    @PostMapping("/admin/authority/agents/{agent}/remove")
    String removeAgent(@PathVariable UUID agent, @AuthenticationPrincipal SignedInAgent admin,
                       RedirectAttributes flash) {
        limits.removeForAgent(agent, admin);
        flash.addFlashAttribute("notice", "Removed; the agent's role limits apply again.");
        return "redirect:/admin/authority";
    }

    private Agent agentIn(LimitForm form) {
        if (form.agent() == null || form.agent().isBlank()) {
            throw new LimitRejected("agent", "Choose an agent.");
        }
        try {
            return roster.findAgent(Agent.AgentId.of(form.agent().strip())).filter(Agent::isActive)
                    .orElseThrow(() -> new LimitRejected("agent", "Choose an active agent."));
        } catch (LimitRejected rejected) {
            throw rejected;
        } catch (IllegalArgumentException notAnId) {
            throw new LimitRejected("agent", "Choose an agent.");
        }
    }

    /** The page; {@code failed} names the form refused ("AGENT", "agent"), kept as typed with the error. */
    private String render(Model model, String failed, LimitForm typed, LimitRejected rejected) {
        Map<String, LimitForm> roleForms = new LinkedHashMap<>();
        for (Role role : LIMITED_ROLES) {
            roleForms.put(role.name(), role.name().equals(failed) ? typed
                    : limits.ofRole(role).map(LimitForm::of).orElse(LimitForm.empty(settings.defaultCurrency())));
        }
        Map<UUID, Agent> agents = roster.agents().stream().collect(Collectors.toMap(a -> a.id().value(),
                Function.identity()));
        model.addAttribute("roles", LIMITED_ROLES);
        model.addAttribute("roleForms", roleForms);
        model.addAttribute("agentForm", "agent".equals(failed) ? typed : LimitForm.empty(settings.defaultCurrency()));
        model.addAttribute("overrides", limits.agentOverrides().stream().map(limit -> new AgentLimit(
                limit.agent().orElseThrow(), agents.containsKey(limit.agent().orElseThrow())
                ? agents.get(limit.agent().orElseThrow()).name() : "A former agent", limit)).toList());
        model.addAttribute("agents", roster.agents().stream().filter(Agent::isActive)
                .filter(agent -> agent.role() != Role.ADMIN).toList());
        model.addAttribute("failed", failed);
        model.addAttribute("errorField", rejected == null ? null : rejected.field());
        model.addAttribute("errorMessage", rejected == null ? null : rejected.getMessage());
        return "authority/limits";
    }
}
