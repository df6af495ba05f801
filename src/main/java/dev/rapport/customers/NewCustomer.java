package dev.rapport.customers;

import java.util.List;
import java.util.Map;

/**
 * A customer as the API or an import creates them: the name and any identities, passions and attribute values
 * already known.
 */
public record NewCustomer(String name, String preferredName, List<String> emails, List<String> phones,
                          List<String> passions, String organisation, Map<String, String> attributes) {

    public NewCustomer {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        passions = passions == null ? List.of() : List.copyOf(passions);
        attributes = attributes == null ? Map.of() : attributes;
    }

    public NewCustomer(String name, String preferredName, List<String> emails, List<String> phones,
                       List<String> passions, String organisation) {
        this(name, preferredName, emails, phones, passions, organisation, Map.of());
    }
}
