package dev.rapport.customers;

import dev.rapport.conversations.CustomerConversations;

import java.util.List;
import java.util.Optional;

/**
 * Everything the card beside a conversation shows about the customer, gathered in one go.
 *
 * @param askForPassion whether to prompt the agent to learn one thing (third conversation, no passion yet)
 */
public record CustomerCard(Customer customer, String organisationName, Optional<TheirPerson.Person> theirPerson,
                           List<CustomerConversations.Summary> recent, long conversations, boolean askForPassion,
                           List<CardSection.Content> sections, List<Attribute> attributes) {

    /** An attribute value with the attribute's name, as the card shows it. */
    public record Attribute(String label, String value) {
    }
}
