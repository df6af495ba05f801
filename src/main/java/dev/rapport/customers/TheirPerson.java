package dev.rapport.customers;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.conversations.CustomerConversations;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Finds a customer's person: the agent set by hand, or else the active agent who replied in most of the customer's
 * conversations over the last {@code rapport.customers.their-person-days} days. (Ratings arrive with surveys; then a
 * badly rated conversation will not count.)
 */
@Component
public class TheirPerson {

    /** The agent, how many of the customer's conversations they helped with, and whether someone chose them. */
    public record Person(Agent.AgentId agent, String name, int helped, boolean byHand) {
    }

    private final CustomerConversations conversations;
    private final Roster roster;
    private final CustomerSettings settings;
    private final Clock clock;

    TheirPerson(CustomerConversations conversations, Roster roster, CustomerSettings settings, Clock clock) {
        this.conversations = conversations;
        this.roster = roster;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<Person> of(Customer customer) {
        List<CustomerConversations.Helper> helpers = conversations.helpers(customer.id().value(),
                clock.instant().minus(Duration.ofDays(settings.theirPersonDays())));
        if (customer.theirPersonByHand().isPresent()) {
            Agent.AgentId chosen = customer.theirPersonByHand().get();
            int helped = helpers.stream().filter(h -> h.agent().equals(chosen)).mapToInt(
                    CustomerConversations.Helper::conversations).findFirst().orElse(0);
            return roster.findAgent(chosen).map(agent -> new Person(chosen, agent.name(), helped, true));
        }
        for (CustomerConversations.Helper helper : helpers) {
            Optional<Agent> agent = roster.findAgent(helper.agent()).filter(Agent::isActive);
            if (agent.isPresent()) {
                return Optional.of(new Person(helper.agent(), agent.get().name(), helper.conversations(), false));
            }
        }
        return Optional.empty();
    }
}
