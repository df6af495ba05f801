package dev.rapport.conversations;

import dev.rapport.shared.EmailAddress;

/**
 * The person a conversation is with, as far as the conversation knows them: a name, an email address and, for a
 * phone call, the number they called from (E.164). The customers module recognises the customer behind them by the
 * address, or by the number when there is no address.
 */
public record Requester(String name, EmailAddress email, String phone) {

    public Requester {
        name = name == null || name.isBlank() ? (email == null ? (phone == null ? "Unknown" : phone) : email.value())
                : name.strip();
        phone = phone == null || phone.isBlank() ? null : phone.strip();
    }

    public Requester(String name, EmailAddress email) {
        this(name, email, null);
    }
}
