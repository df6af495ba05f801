package dev.rapport.promises.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.promises.PromiseState;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Turns what an API client wrote into what the ledger works with: a conversation by id or number, an owner that is
 * an agent, a team or "me", a customer by id or number, states and instants. Anything it cannot make sense of is a
 * {@link InvalidParameter} naming the field.
 */
@Component
class References {

    /** Who does the work: an agent or a team (exactly one is set). */
    record Owner(UUID agent, UUID team) {
    }

    private final Desk desk;
    private final Roster roster;
    private final CustomerDirectory customers;

    References(Desk desk, Roster roster, CustomerDirectory customers) {
        this.desk = desk;
        this.roster = roster;
        this.customers = customers;
    }

    /** A conversation by its id or its number ("1042" or "#1042"). */
    UUID conversation(String reference, String field) {
        String value = reference.strip();
        if (isNumber(value)) {
            long number = Long.parseLong(value.replace("#", ""));
            return desk.findByNumber(number).map(Conversation::id).map(Conversation.ConversationId::value)
                    .orElseThrow(() -> new InvalidParameter(field, "There is no conversation #" + number + "."));
        }
        return uuid(value, field, "a conversation id or number");
    }

    /** An agent or a team by id, or "me". */
    Owner owner(String reference, SignedInAgent me, String field) {
        String value = reference.strip();
        if (value.equalsIgnoreCase("me")) {
            return new Owner(me.id().value(), null);
        }
        UUID id = uuid(value, field, "an agent id, a team id or 'me'");
        if (roster.findAgent(new Agent.AgentId(id)).isPresent()) {
            return new Owner(id, null);
        }
        if (roster.findTeam(new Team.TeamId(id)).isPresent()) {
            return new Owner(null, id);
        }
        throw new InvalidParameter(field, "There is no agent or team with the id " + id + ".");
    }

    /** An agent by id, or "me"; whether they exist is the ledger's to check. */
    UUID agent(String reference, SignedInAgent me, String field) {
        String value = reference.strip();
        return value.equalsIgnoreCase("me") ? me.id().value() : uuid(value, field, "an agent id or 'me'");
    }

    /** A customer by id or number ("3587" or "#3587"). */
    UUID customer(String reference, String field) {
        String value = reference.strip();
        if (isNumber(value)) {
            long number = Long.parseLong(value.replace("#", ""));
            return customers.findByNumber(number).map(Customer::id).map(Customer.CustomerId::value)
                    .orElseThrow(() -> new InvalidParameter(field, "There is no customer #" + number + "."));
        }
        return uuid(value, field, "a customer id or number");
    }

    /** States by name, any letter case. */
    static Set<PromiseState> states(List<String> names, String field) {
        Set<PromiseState> states = EnumSet.noneOf(PromiseState.class);
        for (String name : names) {
            try {
                states.add(PromiseState.valueOf(name.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter(field, "'" + name + "' is not a state; use one of "
                        + EnumSet.allOf(PromiseState.class) + ".");
            }
        }
        return states;
    }

    /** An ISO-8601 instant, with Z or an offset ("2026-11-24T17:00:00Z", "2026-11-24T18:00:00+01:00"). */
    static Instant instant(String value, String field) {
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter(field, "'" + value + "' is not an ISO-8601 instant such as "
                    + "2026-11-24T17:00:00Z.");
        }
    }

    private static boolean isNumber(String value) {
        return value.matches("#?\\d{1,18}");
    }

    private static UUID uuid(String value, String field, String expected) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter(field, "'" + value + "' is not " + expected + ".");
        }
    }
}
