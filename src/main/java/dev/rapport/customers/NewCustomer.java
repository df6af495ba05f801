package dev.rapport.customers;

import java.util.List;

/** A customer as the API or an import creates them: the name and any identities and passions already known. */
public record NewCustomer(String name, String preferredName, List<String> emails, List<String> phones,
                          List<String> passions, String organisation) {

    public NewCustomer {
        emails = emails == null ? List.of() : List.copyOf(emails);
        phones = phones == null ? List.of() : List.copyOf(phones);
        passions = passions == null ? List.of() : List.copyOf(passions);
    }
}
