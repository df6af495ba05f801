package dev.rapport.customers;

import dev.rapport.agents.Agent;
import dev.rapport.conversations.CustomerConversations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Puts the customer card together, and remembers which agents dismissed its "learn one thing" prompt. */
@Service
@Transactional(readOnly = true)
public class CustomerCards {

    /** After this many conversations without a passion on record, the card asks the agent to learn one. */
    static final int ASK_AFTER_CONVERSATIONS = 3;

    private final CustomerDirectory directory;
    private final CustomerConversations conversations;
    private final TheirPerson theirPerson;
    private final CustomerAttributes attributes;
    private final List<CardSection> sections;
    private final JdbcClient jdbc;

    CustomerCards(CustomerDirectory directory, CustomerConversations conversations, TheirPerson theirPerson,
                  CustomerAttributes attributes, List<CardSection> sections, JdbcClient jdbc) {
        this.attributes = attributes;
        this.directory = directory;
        this.conversations = conversations;
        this.theirPerson = theirPerson;
        this.sections = sections;
        this.jdbc = jdbc;
    }

    /** The card as {@code viewer} sees it: their "learn one thing" prompt, the sections they may see. */
    public CustomerCard cardOf(Customer customer, dev.rapport.agents.SignedInAgent viewer) {
        long count = conversations.count(customer.id().value());
        boolean ask = count >= ASK_AFTER_CONVERSATIONS && customer.passions().isEmpty() && !customer.isErased()
                && !dismissed(customer, viewer.id());
        String organisation = customer.organisation().flatMap(directory::organisation).map(Organisation::name)
                .orElse(null);
        return new CustomerCard(customer, organisation, theirPerson.of(customer),
                conversations.of(Set.of(customer.id().value()), null, 3), count, ask,
                sections.stream().map(section -> section.contentFor(customer.id(), viewer)).flatMap(Optional::stream)
                        .toList(), attributesOf(customer));
    }

    private List<CustomerCard.Attribute> attributesOf(Customer customer) {
        Map<String, String> values = customer.attributes();
        return attributes.current().stream().filter(definition -> values.containsKey(definition.key()))
                .map(definition -> new CustomerCard.Attribute(definition.label(), values.get(definition.key())))
                .toList();
    }

    @Transactional
    public void dismissPrompt(Customer customer, Agent.AgentId agent) {
        if (!dismissed(customer, agent)) {
            jdbc.sql("insert into customer_prompt_dismissal (customer, agent) values (?, ?)")
                    .params(customer.id().value(), agent.value()).update();
        }
    }

    private boolean dismissed(Customer customer, Agent.AgentId agent) {
        return jdbc.sql("select count(*) from customer_prompt_dismissal where customer = ? and agent = ?")
                .params(customer.id().value(), agent.value()).query(Long.class).single() > 0;
    }
}
