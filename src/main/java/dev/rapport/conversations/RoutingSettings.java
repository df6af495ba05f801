package dev.rapport.conversations;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How new conversations are routed.
 *
 * @param openConversationCap a customer's person is offered a new conversation only while fewer than this many open
 *                            conversations are assigned to them; otherwise it goes to the team
 */
@ConfigurationProperties("rapport.routing")
public record RoutingSettings(@DefaultValue("25") int openConversationCap) {
}
