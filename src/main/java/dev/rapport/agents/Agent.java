package dev.rapport.agents;

import dev.rapport.shared.EmailAddress;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A person who works in Rapport. An invited agent has no password until they accept the invitation; a deactivated
 * agent keeps their history but can no longer sign in.
 */
public class Agent {

    public record AgentId(UUID value) {
        public static AgentId of(String value) {
            return new AgentId(UUID.fromString(value));
        }

        @Override
        public String toString() {
            return value.toString();
        }
    }

    private final @Id UUID id;
    private String name;
    private String email;
    private Role role;
    private boolean active;
    private String passwordHash;
    private Instant passwordChangedAt;
    private final Instant createdAt;
    private Set<TeamMembership> teams;
    private @Version Long version;

    @PersistenceCreator
    Agent(UUID id, String name, String email, Role role, boolean active, String passwordHash,
          Instant passwordChangedAt, Instant createdAt, Set<TeamMembership> teams, Long version) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.role = role;
        this.active = active;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = passwordChangedAt;
        this.createdAt = createdAt;
        this.teams = teams == null ? new HashSet<>() : new HashSet<>(teams);
        this.version = version;
    }

    static Agent create(String name, EmailAddress email, Role role, Set<Team.TeamId> teams, Instant now) {
        Agent agent = new Agent(UUID.randomUUID(), name.strip(), email.value(), role, true, null, null, now,
                new HashSet<>(), null);
        agent.joinOnly(teams);
        return agent;
    }

    void update(String name, Role role, Set<Team.TeamId> teams) {
        this.name = name.strip();
        this.role = role;
        joinOnly(teams);
    }

    void setPassword(String passwordHash, Instant now) {
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    void deactivate() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
    }

    private void joinOnly(Set<Team.TeamId> teamIds) {
        this.teams = teamIds.stream().map(team -> new TeamMembership(team.value())).collect(Collectors.toSet());
    }

    public AgentId id() {
        return new AgentId(id);
    }

    public String name() {
        return name;
    }

    public EmailAddress email() {
        return EmailAddress.of(email);
    }

    public Role role() {
        return role;
    }

    public boolean isActive() {
        return active;
    }

    /** Whether the agent has set a password, i.e. accepted their invitation. */
    public boolean hasPassword() {
        return passwordHash != null;
    }

    String passwordHash() {
        return passwordHash;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Set<Team.TeamId> teams() {
        return Collections.unmodifiableSet(teams.stream().map(m -> new Team.TeamId(m.team())).collect(Collectors.toSet()));
    }

    public String initials() {
        return initialsOf(name);
    }

    static String initialsOf(String name) {
        String[] parts = name.strip().split("\\s+");
        String first = parts[0].substring(0, 1);
        String last = parts.length > 1 ? parts[parts.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase(java.util.Locale.ROOT);
    }
}
