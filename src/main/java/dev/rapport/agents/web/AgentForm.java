package dev.rapport.agents.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Team;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The admin's form for adding or editing an agent. The email is fixed once the agent exists. */
record AgentForm(
        @NotBlank(message = "Enter the agent's name.") @Size(max = 200, message = "Use at most 200 characters.")
        String name,
        @NotBlank(message = "Enter the agent's email address.")
        @Email(message = "Enter an email address like maria@example.com.")
        @Size(max = 254, message = "Use at most 254 characters.")
        String email,
        @NotNull(message = "Choose a role.") Role role,
        Set<UUID> teams) {

    static AgentForm empty() {
        return new AgentForm("", "", Role.AGENT, Set.of());
    }

    static AgentForm of(Agent agent) {
        return new AgentForm(agent.name(), agent.email().value(), agent.role(),
                agent.teams().stream().map(Team.TeamId::value).collect(Collectors.toSet()));
    }

    Set<Team.TeamId> teamIds() {
        return teams == null ? Set.of()
                : teams.stream().map(Team.TeamId::new).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
