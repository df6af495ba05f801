package dev.rapport.customers;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.stream.Collectors;

/**
 * Stores a customer seen for the first time in plain SQL, as part of starting their first conversation (every new
 * sender's first email, chat or call takes this path; Spring Data JDBC's generic mapping cost more CPU there than the
 * statements). Everything else about customers goes through {@link Customers}, on the same rows and version;
 * {@code CustomerRowsTests} keeps both mappings equal.
 */
@Component
class CustomerRows {

    private final JdbcClient jdbc;

    CustomerRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a customer just created (with the ways to reach them, nothing learned about them yet) at version 0,
     * unless one of those ways already belongs to someone else, who wrote at the same moment: then nothing is stored
     * (without aborting the caller's transaction, so no savepoint is needed) and it returns false.
     */
    boolean insertFirstSeen(Customer customer) {
        if (customer.storedVersion() != null || !customer.passions().isEmpty() || !customer.notes().isEmpty()
                || !customer.attributes().isEmpty() || customer.isErased() || customer.mergedInto().isPresent()) {
            throw new IllegalArgumentException("Customer " + customer.number() + " is not one seen for the first time");
        }
        jdbc.sql("""
                        insert into customer (id, number, name, preferred_name, pronunciation, language, time_zone,
                                              organisation, segment, lifetime_spend, spend_last30_days, their_person,
                                              do_not_contact, created_at, updated_at, version)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""")
                .params(customer.id().value(), customer.number(), customer.name(), customer.preferredName(),
                        customer.pronunciation(), customer.language(), customer.timeZone(),
                        customer.organisation().map(Organisation.OrganisationId::value).orElse(null),
                        customer.segment(), customer.lifetimeSpend(), customer.spendLast30Days(),
                        customer.theirPersonByHand().map(agent -> agent.value()).orElse(null),
                        customer.doNotContact().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                        Timestamp.from(customer.createdAt()), Timestamp.from(customer.updatedAt()))
                .update();
        for (CustomerIdentity identity : customer.identities()) {
            if (!claim(customer, identity)) {
                jdbc.sql("delete from customer_identity where customer = ?").param(customer.id().value()).update();
                jdbc.sql("delete from customer where id = ?").param(customer.id().value()).update();
                return false;
            }
        }
        customer.stored(0);
        return true;
    }

    private boolean claim(Customer customer, CustomerIdentity identity) {
        try {
            return jdbc.sql("insert into customer_identity (customer, kind, address) values (?, ?, ?) "
                            + "on conflict do nothing")
                    .params(customer.id().value(), identity.kind().name(), identity.address()).update() == 1;
        } catch (DuplicateKeyException taken) {
            // H2 reports a row another transaction has not committed yet as a duplicate, and undoes only the statement
            return false;
        }
    }
}
