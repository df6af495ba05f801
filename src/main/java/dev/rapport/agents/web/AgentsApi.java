package dev.rapport.agents.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read access to the signed-in agent, the agents and the teams over the REST API. */
@RestController
@Tag(name = "Agents")
class AgentsApi {

    record AgentView(String id, String name, String email, String role, boolean active, List<String> teams) {
        static AgentView of(Agent agent) {
            return new AgentView(agent.id().toString(), agent.name(), agent.email().value(), agent.role().name(),
                    agent.isActive(), agent.teams().stream().map(Team.TeamId::toString).sorted().toList());
        }
    }

    record TeamView(String id, String name, String description) {
        static TeamView of(Team team) {
            return new TeamView(team.id().toString(), team.name(), team.description());
        }
    }

    private final Roster roster;

    AgentsApi(Roster roster) {
        this.roster = roster;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "The agent the token belongs to")
    AgentView me(@AuthenticationPrincipal SignedInAgent me) {
        return AgentView.of(roster.findAgent(me.id()).orElseThrow());
    }

    @GetMapping("/api/v1/agents")
    @Operation(summary = "All agents, active first")
    List<AgentView> agents() {
        return roster.agents().stream().map(AgentView::of).toList();
    }

    @GetMapping("/api/v1/teams")
    @Operation(summary = "All teams")
    List<TeamView> teams() {
        return roster.teams().stream().map(TeamView::of).toList();
    }
}
