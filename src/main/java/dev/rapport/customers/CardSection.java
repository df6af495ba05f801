package dev.rapport.customers;

import java.util.Optional;

/**
 * A section other modules add to the customer card (open promises, money owed): the customers module lists them
 * without knowing what they hold. Implementations are Spring beans.
 */
public interface CardSection {

    /**
     * The section for this customer as {@code viewer} may see it (a teammate sees only what is routed to them), or
     * empty when it has nothing to show.
     */
    Optional<Content> contentFor(Customer.CustomerId customer, dev.rapport.agents.SignedInAgent viewer);

    /**
     * @param title what the section is ("Open promises")
     * @param lines one line each, plain text
     */
    record Content(String title, java.util.List<String> lines) {
    }
}
