package dev.rapport.agents.web;

import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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

import java.util.UUID;

/** Admin pages for teams. */
@Controller
class TeamAdminController {

    record TeamForm(@NotBlank(message = "Give the team a name.") @Size(max = 100, message = "Use at most 100 characters.")
                    String name,
                    @Size(max = 500, message = "Use at most 500 characters.") String description,
                    Boolean continuityRouting) {

        boolean routesByContinuity() {
            return Boolean.TRUE.equals(continuityRouting);
        }
    }

    private final Roster roster;

    TeamAdminController(Roster roster) {
        this.roster = roster;
    }

    @GetMapping("/admin/teams")
    String list(Model model) {
        model.addAttribute("form", new TeamForm("", "", true));
        return page(model);
    }

    @PostMapping("/admin/teams")
    String create(@Valid @ModelAttribute("form") TeamForm form, BindingResult errors, Model model,
                  RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                Team team = roster.createTeam(form.name(), form.description());
                roster.routeByContinuity(team.id(), form.routesByContinuity());
                flash.addFlashAttribute("notice", "Team " + team.name() + " created.");
                return "redirect:/admin/teams";
            } catch (Roster.TeamNameUsed e) {
                errors.rejectValue("name", "used", e.getMessage());
            }
        }
        return page(model);
    }

    @GetMapping("/admin/teams/{id}")
    String edit(@PathVariable UUID id, Model model) {
        Team team = find(id);
        model.addAttribute("team", team);
        model.addAttribute("form", new TeamForm(team.name(), team.description(), team.continuityRouting()));
        return "agents/admin-team";
    }

    @PostMapping("/admin/teams/{id}")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") TeamForm form, BindingResult errors,
                  Model model, RedirectAttributes flash) {
        Team team = find(id);
        model.addAttribute("team", team);
        if (!errors.hasErrors()) {
            try {
                roster.updateTeam(team.id(), form.name(), form.description());
                roster.routeByContinuity(team.id(), form.routesByContinuity());
                flash.addFlashAttribute("notice", "Saved.");
                return "redirect:/admin/teams";
            } catch (Roster.TeamNameUsed e) {
                errors.rejectValue("name", "used", e.getMessage());
            }
        }
        return "agents/admin-team";
    }

    private String page(Model model) {
        model.addAttribute("teams", roster.teams());
        model.addAttribute("memberCounts", roster.activeMemberCounts());
        return "agents/admin-teams";
    }

    private Team find(UUID id) {
        return roster.findTeam(new Team.TeamId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such team"));
    }
}
