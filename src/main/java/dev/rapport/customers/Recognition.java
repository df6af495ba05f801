package dev.rapport.customers;

import dev.rapport.conversations.CustomerRecognition;
import dev.rapport.conversations.Requester;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Recognises the customer behind each new conversation by their email address, creating the customer the first time
 * they write. A new customer is stored in its own transaction, so two first messages from one address arriving at
 * once end with one customer: the loser of the race finds the winner's.
 */
@Component
class Recognition implements CustomerRecognition {

    private final CustomerDirectory directory;
    private final Customers customers;
    private final TheirPerson theirPerson;
    private final TransactionTemplate newTransaction;
    private final Clock clock;

    Recognition(CustomerDirectory directory, Customers customers, TheirPerson theirPerson,
                PlatformTransactionManager transactions, Clock clock) {
        this.directory = directory;
        this.customers = customers;
        this.theirPerson = theirPerson;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    @Override
    public Recognised recognise(Requester requester) {
        Customer customer = requester.email() == null ? create(requester, null) : byEmail(requester);
        if (customer.mergedInto().isPresent()) {
            customer = customers.findById(customer.mergedInto().get().value()).orElse(customer);
        }
        Optional<TheirPerson.Person> person = theirPerson.of(customer);
        return new Recognised(customer.id().value(), customer.callThem(),
                person.map(TheirPerson.Person::agent).orElse(null), person.map(TheirPerson.Person::helped).orElse(0));
    }

    @Override
    public Optional<String> greetingName(UUID customerId) {
        return customers.findById(customerId).filter(c -> !c.isErased()).map(Customer::callThem);
    }

    private Customer byEmail(Requester requester) {
        CustomerIdentity email = new CustomerIdentity(IdentityKind.EMAIL, requester.email().value());
        return directory.ownerOf(email).orElseGet(() -> {
            try {
                return create(requester, email);
            } catch (DuplicateKeyException raced) {
                return directory.ownerOf(email).orElseThrow(() -> raced);
            }
        });
    }

    private Customer create(Requester requester, CustomerIdentity email) {
        return newTransaction.execute(status -> {
            Customer customer = Customer.create(directory.nextNumber(), requester.name(), clock.instant());
            if (email != null) {
                customer.addIdentity(email, clock.instant());
            }
            return customers.save(customer);
        });
    }
}
