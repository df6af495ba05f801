package dev.rapport.agents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the agents module.
 *
 * @param invitationValidity how long an invitation or password-reset link works
 * @param signIn             sign-in throttling
 */
@ConfigurationProperties("rapport.agents")
public record AgentSettings(@DefaultValue("7d") Duration invitationValidity, @DefaultValue SignIn signIn) {

    /**
     * @param maxFailures          failed sign-ins for one email address before it is locked for a while
     * @param maxFailuresPerClient failed sign-ins from one network address before it is locked for a while
     * @param lockout              how long a locked address or client waits, counted from its first failure
     */
    public record SignIn(@DefaultValue("5") int maxFailures, @DefaultValue("50") int maxFailuresPerClient,
                         @DefaultValue("15m") Duration lockout) {
    }
}
