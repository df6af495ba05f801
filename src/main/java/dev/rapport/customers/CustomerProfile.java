package dev.rapport.customers;

import java.util.Set;

/** The fields of a customer an agent edits on the customer page or through the API. */
public record CustomerProfile(String name, String preferredName, String pronunciation, String language,
                              String timeZone, String segment, String organisation,
                              Set<ContactChannel> doNotContact) {

    public CustomerProfile {
        doNotContact = doNotContact == null ? Set.of() : Set.copyOf(doNotContact);
    }

    public static CustomerProfile of(Customer customer, String organisationName) {
        return new CustomerProfile(customer.name(), customer.preferredName(), customer.pronunciation(),
                customer.language(), customer.timeZone(), customer.segment(), organisationName,
                customer.doNotContact());
    }
}
