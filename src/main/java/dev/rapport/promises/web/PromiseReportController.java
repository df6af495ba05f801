package dev.rapport.promises.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.Business;
import dev.rapport.business.BusinessProfile;
import dev.rapport.promises.PromiseReport;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The promises report page. Leads and admins see everyone (or one team), an agent sees their own promises, and
 * teammates from other departments do not see it.
 */
@Controller
class PromiseReportController {

    private final PromiseReport report;
    private final Roster roster;
    private final BusinessProfile business;
    private final Clock clock;

    PromiseReportController(PromiseReport report, Roster roster, BusinessProfile business, Clock clock) {
        this.report = report;
        this.roster = roster;
        this.business = business;
        this.clock = clock;
    }

    @GetMapping("/promises/report")
    String report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String team, @AuthenticationPrincipal SignedInAgent me,
                  Model model) {
        if (me.role() == Role.TEAMMATE) {
            throw new AccessDeniedException("The promises report is for agents, leads and admins.");
        }
        boolean everyone = me.role() == Role.ADMIN || me.role() == Role.LEAD;
        ZoneId zone = business.current().map(Business::timeZone).orElse(ZoneOffset.UTC);
        List<Team> teams = everyone ? roster.teams() : List.of();
        ReportQuery query = ReportQuery.read(from, to, everyone ? team : null,
                clock.instant().atZone(zone).toLocalDate(), zone,
                teams.stream().map(t -> t.id().value()).collect(Collectors.toSet()));
        model.addAttribute("query", query);
        model.addAttribute("teams", teams);
        model.addAttribute("everyone", everyone);
        if (query.valid()) {
            List<Agent> agents = roster.agents();
            Map<UUID, String> agentNames = agents.stream()
                    .collect(Collectors.toMap(agent -> agent.id().value(), Agent::name));
            Map<UUID, String> teamNames = teams.stream()
                    .collect(Collectors.toMap(t -> t.id().value(), Team::name));
            PromiseReport.Figures figures = report.figures(query.period(), scope(query, me, everyone, agents));
            model.addAttribute("report", ReportPage.of(figures, overallName(query, me, everyone, teamNames),
                    agentNames, teamNames));
        }
        return "promises/report";
    }

    private static PromiseReport.Scope scope(ReportQuery query, SignedInAgent me, boolean everyone,
                                             List<Agent> agents) {
        if (!everyone) {
            return new PromiseReport.OneAgent(me.id().value());
        }
        if (query.teamId() == null) {
            return new PromiseReport.Everyone();
        }
        Team.TeamId team = new Team.TeamId(query.teamId());
        Set<UUID> members = agents.stream().filter(agent -> agent.teams().contains(team))
                .map(agent -> agent.id().value()).collect(Collectors.toSet());
        return new PromiseReport.OneTeam(query.teamId(), members);
    }

    private static String overallName(ReportQuery query, SignedInAgent me, boolean everyone,
                                      Map<UUID, String> teamNames) {
        if (!everyone) {
            return me.name();
        }
        return query.teamId() == null ? "Everyone" : teamNames.get(query.teamId());
    }
}
