package dev.rapport.agents;

import dev.rapport.shared.SecretTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Personal API tokens: issued to an agent (shown once), used by scripts as {@code Authorization: Bearer rpt_...},
 * revocable at any time. A token acts with its agent's current role and stops working when the agent is deactivated.
 */
@Service
@Transactional
public class ApiAccess {

    public static final String PREFIX = "rpt_";

    /** A token just issued, with its secret, which Rapport will not show again. */
    public record Issued(ApiToken token, String secret) {
    }

    private final ApiTokens tokens;
    private final Agents agents;
    private final Clock clock;

    ApiAccess(ApiTokens tokens, Agents agents, Clock clock) {
        this.tokens = tokens;
        this.agents = agents;
        this.clock = clock;
    }

    public Issued issue(Agent.AgentId agent, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Give the token a name, so you can tell it apart later.");
        }
        String secret = SecretTokens.generate(PREFIX);
        ApiToken token = tokens.save(ApiToken.issue(agent, name, SecretTokens.sha256(secret),
                secret.substring(secret.length() - 4), clock.instant()));
        return new Issued(token, secret);
    }

    /** Revokes one of the agent's own tokens; returns false when the agent has no such token. */
    public boolean revoke(Agent.AgentId agent, ApiToken.ApiTokenId id) {
        return tokens.findById(id.value()).filter(token -> token.agent().equals(agent)).map(token -> {
            token.revoke(clock.instant());
            tokens.save(token);
            return true;
        }).orElse(false);
    }

    @Transactional(readOnly = true)
    public List<ApiToken> tokensOf(Agent.AgentId agent) {
        return tokens.findByAgentOrderByCreatedAtDesc(agent.value());
    }

    /** The active agent a token belongs to, when the token is known, not revoked, and its agent still active. */
    public Optional<SignedInAgent> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findByTokenHash(SecretTokens.sha256(secret))
                .filter(token -> !token.isRevoked())
                .flatMap(token -> {
                    Instant now = clock.instant();
                    if (token.isDueForUseMark(now)) {
                        tokens.recordUse(token.id().value(), now, now.minus(ApiToken.USE_MARK_INTERVAL));
                    }
                    return agents.findById(token.agent().value());
                })
                .filter(Agent::isActive)
                .map(SignedInAgent::of);
    }
}
