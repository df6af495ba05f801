package dev.rapport.agents;

import dev.rapport.shared.SecretTokens;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Agents' passwords: chosen through an invitation link, changed on the profile page. Passwords are hashed with the
 * delegating encoder (bcrypt today), so a stronger algorithm can be adopted without resetting anyone.
 */
@Service
@Transactional
public class Passwords {

    public static final int MIN_LENGTH = 10;
    /** bcrypt reads at most 72 bytes; longer passwords would silently lose their end. */
    public static final int MAX_BYTES = 72;

    private final Agents agents;
    private final Invitations invitations;
    private final PasswordEncoder encoder;
    private final AgentSettings settings;
    private final Clock clock;

    Passwords(Agents agents, Invitations invitations, PasswordEncoder encoder, AgentSettings settings, Clock clock) {
        this.agents = agents;
        this.invitations = invitations;
        this.encoder = encoder;
        this.settings = settings;
        this.clock = clock;
    }

    /** Why a password cannot be used, or empty when it can. */
    public static Optional<String> problemWith(String rawPassword) {
        if (rawPassword == null || rawPassword.length() < MIN_LENGTH) {
            return Optional.of("Use at least " + MIN_LENGTH + " characters.");
        }
        if (rawPassword.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("Use at most " + MAX_BYTES + " bytes (about " + MAX_BYTES + " letters).");
        }
        if (rawPassword.isBlank()) {
            return Optional.of("A password cannot be only spaces.");
        }
        return Optional.empty();
    }

    static void requireAcceptable(String rawPassword) {
        problemWith(rawPassword).ifPresent(problem -> {
            throw new PasswordRejected(problem);
        });
    }

    /**
     * @throws PasswordRejected when the current password is wrong or the new one unacceptable
     */
    public void change(Agent.AgentId id, String currentPassword, String newPassword) {
        Agent agent = agents.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("No such agent"));
        if (!agent.hasPassword() || !encoder.matches(currentPassword == null ? "" : currentPassword,
                agent.passwordHash())) {
            throw new PasswordRejected("Your current password is not right.");
        }
        requireAcceptable(newPassword);
        agent.setPassword(encoder.encode(newPassword), clock.instant());
        agents.save(agent);
    }

    /** Creates a one-time link secret for the agent to choose a password; earlier unused links stop working. */
    public String newInvitation(Agent.AgentId agent) {
        invitations.findByAgentAndUsedAtIsNull(agent.value()).forEach(old -> {
            old.use(clock.instant());
            invitations.save(old);
        });
        String secret = SecretTokens.generate("inv_");
        invitations.save(Invitation.create(agent, SecretTokens.sha256(secret), clock.instant(),
                clock.instant().plus(settings.invitationValidity())));
        return secret;
    }

    /** The agent an invitation link belongs to, while it can still be used. */
    @Transactional(readOnly = true)
    public Optional<Agent> invitee(String secret) {
        return usableInvitation(secret).flatMap(invitation -> agents.findById(invitation.agent()))
                .filter(Agent::isActive);
    }

    /**
     * Sets the agent's password from an invitation link and uses the link up.
     *
     * @throws PasswordRejected when the password is unacceptable
     * @throws IllegalArgumentException when the link is unknown, used or expired
     */
    public Agent acceptInvitation(String secret, String newPassword) {
        Invitation invitation = usableInvitation(secret)
                .orElseThrow(() -> new IllegalArgumentException("This link has expired or was already used."));
        requireAcceptable(newPassword);
        Agent agent = agents.findById(invitation.agent()).filter(Agent::isActive)
                .orElseThrow(() -> new IllegalArgumentException("This account is no longer active."));
        agent.setPassword(encoder.encode(newPassword), clock.instant());
        invitation.use(clock.instant());
        invitations.save(invitation);
        return agents.save(agent);
    }

    private Optional<Invitation> usableInvitation(String secret) {
        if (secret == null || !secret.startsWith("inv_")) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(SecretTokens.sha256(secret))
                .filter(invitation -> invitation.isUsableAt(clock.instant()));
    }

    /** A password that cannot be used, with the reason to show next to the field. */
    public static class PasswordRejected extends RuntimeException {
        PasswordRejected(String reason) {
            super(reason);
        }
    }
}
