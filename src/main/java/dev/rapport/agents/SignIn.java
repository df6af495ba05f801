package dev.rapport.agents;

import dev.rapport.shared.EmailAddress;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Checks an email address and password, for the sign-in page and for scripts asking for an API token alike, with the
 * same throttling for both. Unknown addresses cost as much time as wrong passwords, so that sign-in does not reveal
 * who has an account.
 */
@Service
public class SignIn {

    private final Agents agents;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    private final String unknownAgentHash;

    SignIn(Agents agents, PasswordEncoder passwords, SignInThrottle throttle) {
        this.agents = agents;
        this.passwords = passwords;
        this.throttle = throttle;
        this.unknownAgentHash = passwords.encode("no agent has this password");
    }

    /**
     * @param client the network address the attempt came from
     * @throws SignInThrottled         when the address or client failed too often recently
     * @throws BadCredentialsException when the email and password do not belong to an active agent
     */
    public SignedInAgent authenticate(String email, String password, String client) {
        throttle.lockedFor(email, client).ifPresent(wait -> {
            throw new SignInThrottled(wait);
        });
        Optional<Agent> agent = EmailAddress.isValid(email)
                ? agents.findByEmail(EmailAddress.of(email).value()) : Optional.empty();
        String hash = agent.filter(Agent::hasPassword).map(Agent::passwordHash).orElse(unknownAgentHash);
        boolean matches = passwords.matches(password == null ? "" : password, hash);
        if (!matches || agent.isEmpty() || !agent.get().hasPassword() || !agent.get().isActive()) {
            throttle.failed(email, client);
            throw new BadCredentialsException("That email and password do not match an active account.");
        }
        throttle.succeeded(email);
        return new SignedInAgent(agent.get());
    }
}
