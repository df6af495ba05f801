package dev.rapport.phone.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.phone.Extensions;
import dev.rapport.phone.HookLog;
import dev.rapport.phone.PhoneHooks;
import dev.rapport.phone.TelephonyHook;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Admin → Phone: telephony hooks (created with their URL and secret shown once; each one's team, call-back policy,
 * and the last hundred requests it received with the refusals) and the agents' extensions.
 */
@Controller
class PhoneAdminController {

    private final PhoneHooks hooks;
    private final HookLog hookLog;
    private final Extensions extensions;
    private final Roster roster;
    private final BusinessCalendar calendar;

    PhoneAdminController(PhoneHooks hooks, HookLog hookLog, Extensions extensions, Roster roster,
                         BusinessCalendar calendar) {
        this.calendar = calendar;
        this.hooks = hooks;
        this.hookLog = hookLog;
        this.extensions = extensions;
        this.roster = roster;
    }

    @GetMapping("/admin/phone")
    String list(Model model) {
        model.addAttribute("hooks", hooks.all());
        model.addAttribute("teams", roster.teamsById());
        model.addAttribute("teamList", roster.teams());
        model.addAttribute("agents", roster.agents().stream().filter(Agent::isActive).toList());
        model.addAttribute("extensions", extensions.all());
        if (!model.containsAttribute("typedHours")) {
            model.addAttribute("typedHours", hours(hooks.defaultCallBackWithin()));
        }
        return "phone/admin";
    }

    @PostMapping("/admin/phone/hooks")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String team,
                  @RequestParam(defaultValue = "") String callBackHours, Model model, RedirectAttributes flash) {
        try {
            PhoneHooks.CreatedHook created = hooks.create(name, teamId(team), duration(callBackHours));
            flash.addFlashAttribute("hookUrl", ServletUriComponentsBuilder.fromCurrentContextPath()
                    .path("/api/v1/telephony/{token}/events").buildAndExpand(created.token()).toUriString());
            flash.addFlashAttribute("hookSecret", created.secret());
            return "redirect:/admin/phone/hooks/" + created.hook().id();
        } catch (IllegalArgumentException e) {
            model.addAttribute("hookError", e.getMessage());
            model.addAttribute("typedName", name);
            model.addAttribute("typedTeam", team);
            model.addAttribute("typedHours", callBackHours);
            return list(model);
        }
    }

    @GetMapping("/admin/phone/hooks/{id}")
    String hook(@PathVariable UUID id, Model model) {
        TelephonyHook hook = hooks.find(new TelephonyHook.HookId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such hook"));
        List<HookLog.Entry> recent = hookLog.recent(hook.id(), 100);
        model.addAttribute("hook", hook);
        model.addAttribute("teamList", roster.teams());
        model.addAttribute("teamName", hook.team().flatMap(roster::findTeam).map(Team::name).orElse("Everyone"));
        model.addAttribute("recent", recent);
        model.addAttribute("zone", calendar.zone());
        model.addAttribute("errors", recent.stream().filter(HookLog.Entry::isError).toList());
        if (!model.containsAttribute("typedHours")) {
            model.addAttribute("typedHours", hours(hook.callBackWithin()));
        }
        return "phone/hook";
    }

    @PostMapping("/admin/phone/hooks/{id}")
    String change(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String callBackHours,
                  Model model, RedirectAttributes flash) {
        try {
            hooks.change(new TelephonyHook.HookId(id), name, teamId(team), duration(callBackHours));
            flash.addFlashAttribute("notice", "Hook saved.");
            return "redirect:/admin/phone/hooks/" + id;
        } catch (IllegalArgumentException e) {
            model.addAttribute("hookError", e.getMessage());
            model.addAttribute("typedHours", callBackHours);
            return hook(id, model);
        }
    }

    @PostMapping("/admin/phone/extensions")
    String extension(@RequestParam UUID agent, @RequestParam(defaultValue = "") String extension,
                     RedirectAttributes flash) {
        try {
            extensions.assign(new Agent.AgentId(agent), extension);
            flash.addFlashAttribute("notice", "Extension saved.");
        } catch (IllegalArgumentException e) {
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/phone#extensions";
    }

    private static Team.TeamId teamId(String team) {
        try {
            return team.isBlank() ? null : Team.TeamId.of(team);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("There is no such team.");
        }
    }

    /** Hours as typed ("2", "1.5"), in minutes. */
    private static Duration duration(String hours) {
        try {
            double value = Double.parseDouble(hours.strip().replace(',', '.'));
            return Duration.ofMinutes(Math.round(value * 60));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Say within how many business hours to call back, e.g. 2.");
        }
    }

    private static String hours(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? String.valueOf(minutes / 60) : String.valueOf(minutes / 60.0);
    }
}
