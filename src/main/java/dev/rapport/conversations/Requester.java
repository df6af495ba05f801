package dev.rapport.conversations;

import dev.rapport.shared.EmailAddress;

/**
 * The person a conversation is with, as far as the conversation knows them: a name and an email address. The customers
 * module will own the full customer card; a conversation then also carries the customer's id.
 */
public record Requester(String name, EmailAddress email) {

    public Requester {
        name = name == null || name.isBlank() ? (email == null ? "Unknown" : email.value()) : name.strip();
    }
}
