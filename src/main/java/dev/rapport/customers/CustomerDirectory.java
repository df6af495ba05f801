package dev.rapport.customers;

import dev.rapport.agents.Agent;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.CustomerConversations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Where customers are created, found by any of their identities, and edited: profile, identities, passions, notes,
 * value and their person. Every identity belongs to one customer; adding one that is taken says whose it is.
 */
@Service
@Transactional
public class CustomerDirectory {

    private final Customers customers;
    private final Organisations organisations;
    private final AuditTrail audit;
    private final Identities identities;
    private final CustomerAttributes attributes;
    private final CustomerConversations conversations;
    private final JdbcClient jdbc;
    private final Clock clock;

    CustomerDirectory(Customers customers, Organisations organisations, AuditTrail audit, Identities identities,
                      CustomerAttributes attributes, CustomerConversations conversations, JdbcClient jdbc,
                      Clock clock) {
        this.customers = customers;
        this.organisations = organisations;
        this.audit = audit;
        this.identities = identities;
        this.attributes = attributes;
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException for a missing name or an identity that is not valid, before anything is stored
     * @throws IdentityTaken            when an email or phone already belongs to someone else
     */
    public Customer create(NewCustomer request, SignedInAgent by) {
        Instant now = clock.instant();
        Set<CustomerIdentity> wanted = new LinkedHashSet<>();
        request.emails().forEach(email -> wanted.add(identities.normalise(IdentityKind.EMAIL, email)));
        request.phones().forEach(phone -> wanted.add(identities.normalise(IdentityKind.PHONE, phone)));
        Map<String, String> described = attributes.check(request.attributes());
        for (CustomerIdentity identity : wanted) {
            ownerOf(identity).ifPresent(owner -> {
                throw new IdentityTaken(identity, owner.number());
            });
        }
        Customer customer = Customer.create(nextNumber(), request.name(), now);
        if (request.preferredName() != null && !request.preferredName().isBlank()) {
            customer.rename(new CustomerProfile(customer.name(), request.preferredName(), null, null, null, null,
                    null, Set.of()), now);
        }
        wanted.forEach(identity -> customer.addIdentity(identity, now));
        customer.describe(described, now);
        for (String passion : request.passions()) {
            customer.learn(passion, by == null ? null : by.id(), by == null ? "Rapport" : by.name(), now);
        }
        if (request.organisation() != null && !request.organisation().isBlank()) {
            customer.joinOrganisation(organisationNamed(request.organisation()).id(), now);
        }
        return customers.save(customer);
    }

    @Transactional(readOnly = true)
    public Optional<Customer> find(Customer.CustomerId id) {
        return customers.findById(id.value());
    }

    @Transactional(readOnly = true)
    public Optional<Customer> findByNumber(long number) {
        return customers.findByNumber(number);
    }

    public Customer require(long number) {
        return customers.findByNumber(number).orElseThrow(() -> new CustomerNotFound(number));
    }

    /** The customer an identity belongs to, however it was written (any phone format, any letter case). */
    @Transactional(readOnly = true)
    public Optional<Customer> lookup(IdentityKind kind, String raw) {
        return ownerOf(identities.normalise(kind, raw));
    }

    public Customer update(long number, CustomerProfile profile) {
        Customer customer = require(number);
        Instant now = clock.instant();
        customer.rename(profile, now);
        customer.joinOrganisation(profile.organisation() == null || profile.organisation().isBlank() ? null
                : organisationNamed(profile.organisation()).id(), now);
        return customers.save(customer);
    }

    /**
     * Sets attribute values by key; a blank value clears one, attributes not named keep theirs.
     *
     * @throws InvalidAttributes naming each value that does not fit; nothing is saved then
     */
    public Customer describe(long number, Map<String, String> values) {
        Customer customer = require(number);
        customer.describe(attributes.check(values), clock.instant());
        return customers.save(customer);
    }

    public Customer addIdentity(long number, IdentityKind kind, String raw) {
        Customer customer = require(number);
        CustomerIdentity identity = identities.normalise(kind, raw);
        Optional<Customer> owner = ownerOf(identity);
        if (owner.isPresent()) {
            if (owner.get().number() == number) {
                return customer;
            }
            throw new IdentityTaken(identity, owner.get().number());
        }
        customer.addIdentity(identity, clock.instant());
        return customers.save(customer);
    }

    public Customer removeIdentity(long number, IdentityKind kind, String value) {
        Customer customer = require(number);
        customer.removeIdentity(new CustomerIdentity(kind, value), clock.instant());
        return customers.save(customer);
    }

    public Customer learnPassion(long number, String text, SignedInAgent by) {
        Customer customer = require(number);
        customer.learn(text, by.id(), by.name(), clock.instant());
        return customers.save(customer);
    }

    public Customer forgetPassion(long number, UUID passion) {
        Customer customer = require(number);
        customer.forget(passion, clock.instant());
        return customers.save(customer);
    }

    public Customer addNote(long number, String body, boolean pinned, SignedInAgent by) {
        Customer customer = require(number);
        customer.note(body, pinned, by.id(), by.name(), clock.instant());
        return customers.save(customer);
    }

    /**
     * @param body   new words, or null to keep them (only the author may change them)
     * @param pinned new pin state, or null to keep it
     */
    public Customer editNote(long number, UUID note, String body, Boolean pinned, SignedInAgent by) {
        Customer customer = require(number);
        customer.editNote(note, body, pinned, by.id(), clock.instant());
        return customers.save(customer);
    }

    public Customer setValue(long number, BigDecimal lifetime, BigDecimal last30Days) {
        Customer customer = require(number);
        customer.value(lifetime, last30Days, clock.instant());
        return customers.save(customer);
    }

    /** Sets their person by hand, or (null) lets Rapport pick the agent who helped them most. */
    public Customer chooseTheirPerson(long number, Agent.AgentId agent) {
        Customer customer = require(number);
        customer.chooseTheirPerson(agent, clock.instant());
        return customers.save(customer);
    }

    /**
     * Merges {@code from} into {@code into}: identities, passions, notes and conversations move, {@code from} is
     * left pointing at {@code into}, and both records get an audit entry. Nothing is deleted.
     */
    public Customer merge(long from, long into, SignedInAgent by) {
        if (from == into) {
            throw new IllegalArgumentException("Choose another customer to merge with.");
        }
        Customer source = require(from);
        Customer target = require(into);
        if (source.mergedInto().isPresent() || target.mergedInto().isPresent()) {
            throw new IllegalArgumentException("One of the two was already merged into another customer.");
        }
        Instant now = clock.instant();
        target.absorb(source, now);
        customers.save(source);
        target = customers.save(target);
        int moved = conversations.moveToCustomer(source.id().value(), target.id().value());
        String detail = "Customer #" + from + " (" + source.name() + ") merged into #" + into + "; " + moved
                + " conversation" + (moved == 1 ? "" : "s") + " moved";
        audit.record(AuditEntry.of(source.id(), "MERGED_AWAY", by, detail, now));
        audit.record(AuditEntry.of(target.id(), "MERGED", by, detail, now));
        return target;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> auditTrail(Customer.CustomerId customer) {
        return audit.of(customer);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> organisation(Organisation.OrganisationId id) {
        return organisations.findById(id.value());
    }

    @Transactional(readOnly = true)
    public List<Customer> peopleOf(Organisation.OrganisationId id) {
        return jdbc.sql("select id from customer where organisation = ? and merged_into is null order by name")
                .param(id.value()).query(UUID.class).list().stream()
                .map(customers::findById).flatMap(Optional::stream).toList();
    }

    Optional<Customer> ownerOf(CustomerIdentity identity) {
        return jdbc.sql("select customer from customer_identity where kind = ? and address = ?")
                .params(identity.kind().name(), identity.value())
                .query(UUID.class).optional()
                .flatMap(customers::findById);
    }

    long nextNumber() {
        return jdbc.sql("select nextval('customer_number')").query(Long.class).single();
    }

    private Organisation organisationNamed(String name) {
        return organisations.findByName(name.strip())
                .orElseGet(() -> organisations.save(Organisation.create(name, clock.instant())));
    }
}
