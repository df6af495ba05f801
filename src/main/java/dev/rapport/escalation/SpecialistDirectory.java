package dev.rapport.escalation;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Names specialists the way people say them and checks that they still exist; the choices forms offer. */
@Component
public class SpecialistDirectory {

    private final Roster roster;

    SpecialistDirectory(Roster roster) {
        this.roster = roster;
    }

    /** A choice in a form: its key ({@code agent:<id>}, {@code team:<id>}) and how it reads. */
    public record Choice(String key, String label) {
    }

    /** "Priya Shah" or "Billing team". */
    public String nameOf(Specialist specialist) {
        if (specialist.isPerson()) {
            return roster.findAgent(new Agent.AgentId(specialist.agent())).map(Agent::name).orElse("someone who left");
        }
        return roster.findTeam(new Team.TeamId(specialist.team())).map(SpecialistDirectory::teamName)
                .orElse("a team that was removed");
    }

    /** "Priya Shah (Billing)", for a path's steps and lists where the team helps. */
    public String describe(Specialist specialist) {
        if (!specialist.isPerson()) {
            return nameOf(specialist);
        }
        return nameOf(specialist) + firstTeamOf(specialist.agent()).map(team -> " (" + team.name() + ")").orElse("");
    }

    /** The specialist exists and can be brought in (an active person, a team), or the reason why not. */
    Specialist require(Specialist specialist, String field) {
        if (specialist.isPerson()) {
            roster.findAgent(new Agent.AgentId(specialist.agent())).filter(Agent::isActive)
                    .orElseThrow(() -> new EscalationRejected(field, "That person is not an active agent."));
        } else if (roster.findTeam(new Team.TeamId(specialist.team())).isEmpty()) {
            throw new EscalationRejected(field, "There is no such team.");
        }
        return specialist;
    }

    Optional<Agent> agent(UUID id) {
        return roster.findAgent(new Agent.AgentId(id));
    }

    /** The active people on a team, whom a request to the team reaches. */
    public List<Agent> membersOf(UUID team) {
        return roster.agents().stream().filter(Agent::isActive)
                .filter(agent -> agent.teams().contains(new Team.TeamId(team))).toList();
    }

    Set<Team.TeamId> teamsOf(UUID agent) {
        return roster.findAgent(new Agent.AgentId(agent)).map(Agent::teams).orElse(Set.of());
    }

    Optional<Team> firstTeamOf(UUID agent) {
        return teamsOf(agent).stream().map(roster::findTeam).flatMap(Optional::stream)
                .min(Comparator.comparing(Team::name));
    }

    /** Every team, then every active person, for "anyone" in a form. */
    public List<Choice> choices() {
        var teams = roster.teams().stream().sorted(Comparator.comparing(Team::name))
                .map(team -> new Choice("team:" + team.id().value(), teamName(team)));
        var people = roster.agents().stream().filter(Agent::isActive).sorted(Comparator.comparing(Agent::name))
                .map(agent -> new Choice("agent:" + agent.id().value(),
                        describe(Specialist.person(agent.id().value()))));
        return java.util.stream.Stream.concat(teams, people).toList();
    }

    static String teamName(Team team) {
        return team.name().toLowerCase(java.util.Locale.ROOT).endsWith("team") ? team.name() : team.name() + " team";
    }
}
