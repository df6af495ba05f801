package dev.rapport.owed;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.customers.Customer;
import dev.rapport.customers.TheirPerson;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Who owns the relationship with the customer of an entry, and so tells them it was paid: the conversation's
 * assignee, else the customer's person, else the responsible team. Only active agents who write to customers count
 * (a teammate from accounting does not).
 */
@Component
class RelationshipOwner {

    /** An agent, or a team when no agent owns the relationship. */
    record Who(UUID agent, UUID team) {
    }

    private final Desk desk;
    private final TheirPerson theirPerson;
    private final Roster roster;

    RelationshipOwner(Desk desk, TheirPerson theirPerson, Roster roster) {
        this.desk = desk;
        this.theirPerson = theirPerson;
        this.roster = roster;
    }

    Who of(MoneyOwed entry, Optional<Customer> customer) {
        Optional<Conversation> conversation = entry.conversation()
                .flatMap(id -> desk.find(new Conversation.ConversationId(id)));
        Optional<Agent.AgentId> agent = conversation.flatMap(Conversation::assignee).filter(this::writesToCustomers)
                .or(() -> customer.flatMap(theirPerson::of).map(TheirPerson.Person::agent)
                        .filter(this::writesToCustomers));
        if (agent.isPresent()) {
            return new Who(agent.get().value(), null);
        }
        UUID team = entry.responsibleTeam()
                .or(() -> conversation.flatMap(Conversation::team).map(t -> t.value()))
                .or(() -> entry.responsibleAgent().flatMap(id -> roster.findAgent(new Agent.AgentId(id)))
                        .flatMap(a -> a.teams().stream().findFirst()).map(t -> t.value()))
                .orElse(null);
        return new Who(null, team);
    }

    private boolean writesToCustomers(Agent.AgentId id) {
        return roster.findAgent(id).filter(Agent::isActive).filter(a -> a.role() != Role.TEAMMATE).isPresent();
    }
}
