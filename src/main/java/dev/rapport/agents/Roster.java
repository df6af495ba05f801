package dev.rapport.agents;

import dev.rapport.shared.EmailAddress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The business's agents and teams: who works here, in which role and on which teams. Adding an agent gives them an
 * invitation link with which they choose their own password; nobody ever receives a default password.
 */
@Service
@Transactional
public class Roster {

    /** An agent just added, with the one-time link they use to choose a password. */
    public record Invited(Agent agent, String invitationToken) {
    }

    private final Agents agents;
    private final Teams teams;
    private final Passwords passwords;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Roster(Agents agents, Teams teams, Passwords passwords, PasswordEncoder encoder, ApplicationEventPublisher events,
           Clock clock) {
        this.agents = agents;
        this.teams = teams;
        this.passwords = passwords;
        this.encoder = encoder;
        this.events = events;
        this.clock = clock;
    }

    /** Creates the first admin at setup, with the password they chose. Refused once any agent exists. */
    public Agent createFirstAdmin(String name, EmailAddress email, String rawPassword) {
        if (agents.count() > 0) {
            throw new IllegalStateException("Rapport already has agents; the first admin is created only once.");
        }
        Passwords.requireAcceptable(rawPassword);
        Agent admin = Agent.create(name, email, Role.ADMIN, Set.of(), clock.instant());
        admin.setPassword(encoder.encode(rawPassword), clock.instant());
        agents.save(admin);
        events.publishEvent(new AgentCreated(admin.id(), admin.name(), admin.role()));
        return admin;
    }

    /**
     * Adds an agent who will choose their password through the returned invitation.
     *
     * @throws EmailAlreadyUsed when another agent has the address
     */
    public Invited invite(String name, EmailAddress email, Role role, Set<Team.TeamId> teamIds) {
        if (agents.existsByEmail(email.value())) {
            throw new EmailAlreadyUsed(email);
        }
        requireTeamsExist(teamIds);
        Agent agent = agents.save(Agent.create(name, email, role, teamIds, clock.instant()));
        events.publishEvent(new AgentCreated(agent.id(), agent.name(), agent.role()));
        return new Invited(agent, passwords.newInvitation(agent.id()));
    }

    /**
     * @throws LastAdminRequired when the change would leave Rapport without an active admin
     */
    public Agent update(Agent.AgentId id, String name, Role role, Set<Team.TeamId> teamIds) {
        Agent agent = require(id);
        if (agent.role() == Role.ADMIN && role != Role.ADMIN && agent.isActive()) {
            requireAnotherActiveAdmin();
        }
        requireTeamsExist(teamIds);
        agent.update(name, role, teamIds);
        return agents.save(agent);
    }

    /**
     * @throws LastAdminRequired when the agent is the last active admin
     */
    public void deactivate(Agent.AgentId id) {
        Agent agent = require(id);
        if (!agent.isActive()) {
            return;
        }
        if (agent.role() == Role.ADMIN) {
            requireAnotherActiveAdmin();
        }
        agent.deactivate();
        agents.save(agent);
        events.publishEvent(new AgentDeactivated(agent.id()));
    }

    public void reactivate(Agent.AgentId id) {
        Agent agent = require(id);
        agent.reactivate();
        agents.save(agent);
    }

    public Team createTeam(String name, String description) {
        if (teams.existsByNameIgnoreCase(name.strip())) {
            throw new TeamNameUsed(name.strip());
        }
        Team team = teams.save(Team.create(name, description, clock.instant()));
        events.publishEvent(new TeamCreated(team.id(), team.name()));
        return team;
    }

    public Team routeByContinuity(Team.TeamId id, boolean on) {
        Team team = teams.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("No such team"));
        team.routeByContinuity(on);
        return teams.save(team);
    }

    public Team updateTeam(Team.TeamId id, String name, String description) {
        Team team = teams.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("No such team"));
        if (!team.name().equalsIgnoreCase(name.strip()) && teams.existsByNameIgnoreCase(name.strip())) {
            throw new TeamNameUsed(name.strip());
        }
        team.update(name, description);
        return teams.save(team);
    }

    @Transactional(readOnly = true)
    public Optional<Agent> findAgent(Agent.AgentId id) {
        return agents.findById(id.value());
    }

    @Transactional(readOnly = true)
    public Optional<Agent> findAgentByEmail(EmailAddress email) {
        return agents.findByEmail(email.value());
    }

    @Transactional(readOnly = true)
    public List<Agent> agents() {
        return agents.findAllByOrderByActiveDescNameAsc();
    }

    @Transactional(readOnly = true)
    public boolean hasAgents() {
        return agents.count() > 0;
    }

    @Transactional(readOnly = true)
    public Optional<Team> findTeam(Team.TeamId id) {
        return teams.findById(id.value());
    }

    @Transactional(readOnly = true)
    public List<Team> teams() {
        return teams.findAllByOrderByNameAsc();
    }

    /** Teams by id, for showing an agent's memberships by name. */
    @Transactional(readOnly = true)
    public Map<Team.TeamId, Team> teamsById() {
        return teams.findAll().stream().collect(Collectors.toMap(Team::id, Function.identity()));
    }

    /** How many active agents each team has. */
    @Transactional(readOnly = true)
    public Map<Team.TeamId, Long> activeMemberCounts() {
        return agents.findAll().stream().filter(Agent::isActive)
                .flatMap(agent -> agent.teams().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private Agent require(Agent.AgentId id) {
        return agents.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("No such agent"));
    }

    private void requireTeamsExist(Collection<Team.TeamId> teamIds) {
        List<UUID> ids = teamIds.stream().map(Team.TeamId::value).toList();
        if (teams.findAllById(ids).size() != ids.size()) {
            throw new IllegalArgumentException("One of the chosen teams does not exist");
        }
    }

    private void requireAnotherActiveAdmin() {
        if (agents.countByRoleAndActive(Role.ADMIN, true) <= 1) {
            throw new LastAdminRequired();
        }
    }

    /** Another agent already signs in with this address. */
    public static class EmailAlreadyUsed extends RuntimeException {
        EmailAlreadyUsed(EmailAddress email) {
            super("Another agent already uses " + email + ".");
        }
    }

    /** Another team already has this name. */
    public static class TeamNameUsed extends RuntimeException {
        TeamNameUsed(String name) {
            super("There is already a team called " + name + ".");
        }
    }

    /** The change would leave Rapport without an active admin. */
    public static class LastAdminRequired extends RuntimeException {
        LastAdminRequired() {
            super("Rapport needs at least one active admin. Make someone else an admin first.");
        }
    }
}
