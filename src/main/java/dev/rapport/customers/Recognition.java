package dev.rapport.customers;

import dev.rapport.conversations.CustomerRecognition;
import dev.rapport.conversations.Requester;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Recognises the customer behind each new conversation by their email address (or, for a call, the E.164 number it
 * came from), creating the customer the first time they write or call. A new customer is stored in the
 * conversation's own transaction (one connection, so any number of first messages at once never wait on each other
 * for a second one), and two first messages from one address arriving at once end with one customer: the loser's
 * claim on the address finds it taken, it removes what it stored and finds the winner's.
 */
@Component
class Recognition implements CustomerRecognition {

    private final CustomerDirectory directory;
    private final Customers customers;
    private final TheirPerson theirPerson;
    private final CustomerRows rows;
    private final Clock clock;
    private final Identities identities;

    Recognition(CustomerDirectory directory, Customers customers, TheirPerson theirPerson, CustomerRows rows,
                Clock clock, Identities identities) {
        this.identities = identities;
        this.directory = directory;
        this.customers = customers;
        this.theirPerson = theirPerson;
        this.rows = rows;
        this.clock = clock;
    }

    /** A customer found, or created just now (who has no conversations yet, so nobody knows them). */
    private record Found(Customer customer, boolean isNew) {
    }

    @Override
    public Recognised recognise(Requester requester) {
        Found found = requester.email() != null ? byIdentity(requester, email(requester))
                : phone(requester).map(number -> byIdentity(requester, number))
                .orElseGet(() -> new Found(create(requester, null), true));
        Customer customer = found.customer();
        if (customer.mergedInto().isPresent()) {
            customer = customers.findById(customer.mergedInto().get().value()).orElse(customer);
        }
        Optional<TheirPerson.Person> person = found.isNew() ? Optional.empty() : theirPerson.of(customer);
        return new Recognised(customer.id().value(), customer.callThem(),
                person.map(TheirPerson.Person::agent).orElse(null), person.map(TheirPerson.Person::helped).orElse(0));
    }

    @Override
    public Optional<String> greetingName(UUID customerId) {
        return customers.findById(customerId).filter(c -> !c.isErased()).map(Customer::callThem);
    }

    /** The caller's number in E.164, when it is one. */
    private Optional<CustomerIdentity> phone(Requester requester) {
        if (requester.phone() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(identities.normalise(IdentityKind.PHONE, requester.phone()));
        } catch (IllegalArgumentException notANumber) {
            return Optional.empty();
        }
    }

    private static CustomerIdentity email(Requester requester) {
        return new CustomerIdentity(IdentityKind.EMAIL, requester.email().value());
    }

    /** The owner of the email address, or of the E.164 phone number a call came from; created the first time. */
    private Found byIdentity(Requester requester, CustomerIdentity identity) {
        Optional<Customer> owner = directory.ownerOf(identity);
        if (owner.isPresent()) {
            return new Found(owner.get(), false);
        }
        Customer created = customer(requester, identity);
        if (rows.insertFirstSeen(created)) {
            return new Found(created, true);
        }
        return new Found(directory.ownerOf(identity).orElseThrow(() -> new IllegalStateException(
                "The " + identity.kind() + " " + identity.address() + " was taken but has no owner")), false);
    }

    private Customer create(Requester requester, CustomerIdentity identity) {
        Customer customer = customer(requester, identity);
        rows.insertFirstSeen(customer);
        return customer;
    }

    private Customer customer(Requester requester, CustomerIdentity identity) {
        Customer customer = Customer.create(directory.nextNumber(), requester.name(), clock.instant());
        if (identity != null) {
            customer.addIdentity(identity, clock.instant());
        }
        return customer;
    }
}
