package dev.rapport.business.web;

import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.business.BusinessHours;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The admin page for business hours: the business-wide days and times, and for each team either the business's hours
 * or its own. Everything is checked before anything is saved, so a mistake in one team's hours saves nothing.
 */
@Controller
class BusinessHoursController {

    private static final String PAGE = "business/hours";

    private final BusinessCalendar calendar;
    private final Roster roster;

    BusinessHoursController(BusinessCalendar calendar, Roster roster) {
        this.calendar = calendar;
        this.roster = roster;
    }

    /** A day as the day picker shows it: "Mon", read out as "Monday". */
    record Day(DayOfWeek value, String shortName, String fullName) {
    }

    @ModelAttribute("days")
    List<Day> days() {
        return Arrays.stream(DayOfWeek.values())
                .map(day -> new Day(day, HoursSummary.name(day), day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)))
                .toList();
    }

    @GetMapping("/admin/business/hours")
    String form(Model model) {
        List<Team> teams = roster.teams();
        Map<UUID, BusinessHours> ownHours = calendar.teamsWithOwnHours().entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().value(), Map.Entry::getValue));
        model.addAttribute("form", BusinessHoursForm.of(calendar.businessHours(),
                teams.stream().map(team -> team.id().value()).toList(), ownHours));
        return page(model, teams);
    }

    @PostMapping("/admin/business/hours")
    String save(@ModelAttribute("form") BusinessHoursForm form, BindingResult errors, Model model,
                RedirectAttributes flash) {
        List<Team> teams = roster.teams();
        Map<UUID, String> names = names(teams);
        Optional<BusinessHours> business = form.business().read("business", errors);
        Map<Team.TeamId, Optional<BusinessHours>> teamHours = new LinkedHashMap<>();
        for (int i = 0; i < form.teams().size(); i++) {
            BusinessHoursForm.TeamRow row = form.teams().get(i);
            if (row.team() == null || !names.containsKey(row.team())) {
                continue;
            }
            teamHours.put(new Team.TeamId(row.team()),
                    row.ownHours() ? row.hours().read("teams[" + i + "].hours", errors) : Optional.empty());
        }
        if (errors.hasErrors()) {
            model.addAttribute("problem", "Nothing was saved yet: please check the marked hours.");
            return page(model, teams);
        }
        calendar.saveBusinessHours(business.orElseThrow());
        teamHours.forEach((team, hours) -> hours.ifPresentOrElse(own -> calendar.saveTeamHours(team, own),
                () -> calendar.useBusinessHours(team)));
        flash.addFlashAttribute("notice", "Business hours saved.");
        return "redirect:/admin/business/hours";
    }

    private String page(Model model, List<Team> teams) {
        BusinessHours business = calendar.businessHours();
        model.addAttribute("teamNames", names(teams));
        model.addAttribute("businessSummary", HoursSummary.of(business));
        model.addAttribute("openNow", calendar.isOpenNow(Optional.empty()));
        model.addAttribute("zone", calendar.zone().getId());
        return PAGE;
    }

    private static Map<UUID, String> names(List<Team> teams) {
        return teams.stream().collect(Collectors.toMap(team -> team.id().value(), Team::name));
    }
}
