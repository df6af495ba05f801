package dev.rapport.agents;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

/**
 * The agent behind the current request, as other modules see them ({@code @AuthenticationPrincipal SignedInAgent}).
 */
public final class SignedInAgent implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final Agent.AgentId id;
    private final String name;
    private final String email;
    private final Role role;
    private String passwordHash;

    SignedInAgent(Agent agent) {
        this(agent.id(), agent.name(), agent.email().value(), agent.role(), agent.passwordHash());
    }

    /** The agent as the current request's principal, without credentials. */
    public static SignedInAgent of(Agent agent) {
        return new SignedInAgent(agent.id(), agent.name(), agent.email().value(), agent.role(), null);
    }

    private SignedInAgent(Agent.AgentId id, String name, String email, Role role, String passwordHash) {
        this.id = id;
        this.name = name;
        this.email = email;
        this.role = role;
        this.passwordHash = passwordHash;
    }

    public Agent.AgentId id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String email() {
        return email;
    }

    public Role role() {
        return role;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public String initials() {
        return Agent.initialsOf(name);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedInAgent that && that.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "SignedInAgent[" + id + ", " + role + "]";
    }
}
