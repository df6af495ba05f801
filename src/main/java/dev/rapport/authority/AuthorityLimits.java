package dev.rapport.authority;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The limits admins set, and the discretion they give each agent. Only admins change them. */
@Service
public class AuthorityLimits {

    /** One change to a limit: {@code SET} or {@code REMOVED}, of a role or an agent (by id), by whom, to what. */
    public record AuditLine(String action, String subject, String by, String detail, Instant at) {
    }

    private final AuthorityLimitRows rows;
    private final LimitAudit audit;
    private final Clock clock;

    AuthorityLimits(AuthorityLimitRows rows, LimitAudit audit, Clock clock) {
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    /** The newest changes to limits first. */
    public List<AuditLine> history(int size) {
        return audit.newest(Math.clamp(size, 1, 200));
    }

    @Transactional(readOnly = true)
    public Discretion discretionOf(UUID agent, Role role) {
        if (role == Role.ADMIN) {
            return Discretion.UNLIMITED;
        }
        return rows.findByAgent(agent).or(() -> rows.findByRole(role)).map(Discretion::of).orElse(Discretion.NONE);
    }

    public Optional<AuthorityLimit> ofRole(Role role) {
        return rows.findByRole(role);
    }

    public List<AuthorityLimit> agentOverrides() {
        return rows.findByAgentIsNotNull();
    }

    /** @throws NotAnAdmin unless {@code by} is an admin; {@link LimitRejected} for the admin role, always unlimited */
    @Transactional
    public AuthorityLimit setForRole(Role role, AuthorityLimit.Terms terms, SignedInAgent by) {
        requireAdmin(by);
        if (role == Role.ADMIN) {
            throw new LimitRejected("role", "Admins may grant anything; their limit cannot be set.");
        }
        AuthorityLimit limit = rows.findByRole(role).map(existing -> {
            existing.change(terms);
            return existing;
        }).orElseGet(() -> AuthorityLimit.forRole(role, terms));
        audited("SET", "role " + role.name(), terms, by);
        return rows.save(limit);
    }

    /** An agent's own limit, replacing their role's. @throws NotAnAdmin unless {@code by} is an admin */
    @Transactional
    public AuthorityLimit setForAgent(UUID agent, AuthorityLimit.Terms terms, SignedInAgent by) {
        requireAdmin(by);
        AuthorityLimit limit = rows.findByAgent(agent).map(existing -> {
            existing.change(terms);
            return existing;
        }).orElseGet(() -> AuthorityLimit.forAgent(agent, terms));
        audited("SET", "agent " + agent, terms, by);
        return rows.save(limit);
    }

    /** The agent goes back to their role's limit. @throws NotAnAdmin unless {@code by} is an admin */
    @Transactional
    public void removeForAgent(UUID agent, SignedInAgent by) {
        requireAdmin(by);
        rows.findByAgent(agent).ifPresent(limit -> {
            rows.delete(limit);
            audit.record("REMOVED", "agent " + agent, by.id().value(), by.name(), "back to the role's limits",
                    clock.instant());
        });
    }

    private void audited(String action, String subject, AuthorityLimit.Terms terms, SignedInAgent by) {
        audit.record(action, subject, by.id().value(), by.name(), terms.perCase() + " per case, "
                + terms.monthlyBudget() + " a month, exceptions: " + (terms.exceptions().isEmpty() ? "none"
                : String.join("; ", terms.exceptions())), clock.instant());
    }

    private static void requireAdmin(SignedInAgent by) {
        if (!by.isAdmin()) {
            throw new NotAnAdmin();
        }
    }

    /** Only admins set authority limits. */
    public static class NotAnAdmin extends RuntimeException {
        NotAnAdmin() {
            super("Only admins change authority limits.");
        }
    }
}
