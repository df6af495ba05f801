package dev.rapport.authority;

import dev.rapport.shared.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * What an agent wants to grant: a credit or refund with its {@code amount}, or a named {@code exception}; always for a
 * customer, usually on a conversation, with a reason. Who pays a credit or refund ({@code responsibleAgent} or
 * {@code responsibleTeam}) defaults to the agent, and by when ({@code dueAt}) to the days the settings give.
 */
public record GrantRequest(UUID customer, UUID conversation, GrantKind kind, Money amount, String exception,
                           String reason, UUID responsibleAgent, UUID responsibleTeam, Instant dueAt) {

    public static GrantRequest credit(UUID customer, UUID conversation, Money amount, String reason) {
        return new GrantRequest(customer, conversation, GrantKind.CREDIT, amount, null, reason, null, null, null);
    }

    public static GrantRequest refund(UUID customer, UUID conversation, Money amount, String reason) {
        return new GrantRequest(customer, conversation, GrantKind.REFUND, amount, null, reason, null, null, null);
    }

    public static GrantRequest exception(UUID customer, UUID conversation, String exception, String reason) {
        return new GrantRequest(customer, conversation, GrantKind.EXCEPTION, null, exception, reason, null, null,
                null);
    }
}
