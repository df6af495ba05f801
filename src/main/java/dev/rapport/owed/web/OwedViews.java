package dev.rapport.owed.web;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedSearch;
import dev.rapport.promises.PromiseLedger;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Puts names, numbers and the plain sentence to entries, one lookup per customer, conversation, agent and team. */
@Component
class OwedViews {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_YEAR = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private final CustomerDirectory customers;
    private final Desk desk;
    private final Roster roster;
    private final BusinessCalendar calendar;
    private final OwedLedger ledger;
    private final PromiseLedger promises;
    private final Clock clock;

    OwedViews(CustomerDirectory customers, Desk desk, Roster roster, BusinessCalendar calendar, OwedLedger ledger,
              PromiseLedger promises, Clock clock) {
        this.promises = promises;
        this.customers = customers;
        this.desk = desk;
        this.roster = roster;
        this.calendar = calendar;
        this.ledger = ledger;
        this.clock = clock;
    }

    List<OwedView> of(List<MoneyOwed> entries, SignedInAgent viewer) {
        Names names = names();
        Map<UUID, Optional<Customer>> people = new HashMap<>();
        Map<UUID, Long> numbers = new HashMap<>();
        Instant now = clock.instant();
        ZoneId zone = calendar.zone();
        return entries.stream().map(entry -> {
            Optional<Customer> customer = people.computeIfAbsent(entry.customer(),
                    id -> customers.find(new Customer.CustomerId(id)));
            String callThem = customer.map(Customer::callThem).orElse("the customer");
            String responsible = names.responsible(entry);
            long days = Duration.between(entry.owedSince(), now).toDays();
            String since = day(entry.owedSince(), zone, now);
            String due = day(entry.dueAt(), zone, now);
            return new OwedView(entry, customer.map(Customer::name).orElse("A customer who was erased"), callThem,
                    customer.map(Customer::number).orElse(null),
                    entry.conversation().map(id -> numbers.computeIfAbsent(id, this::number)).orElse(null),
                    responsible, names.department(entry), entry.isOverdue(now), Math.max(0, days),
                    OwedSearch.Age.of(entry.owedSince(), now).label(),
                    sentence(entry, callThem, responsible, since, due, zone, now), since, due,
                    viewer != null && ledger.maySettle(entry, viewer),
                    viewer != null && ledger.mayCancel(entry, viewer), toBeTold(entry));
        }).toList();
    }

    /** Paid, and the promise to tell the customer still waits for them to be told. */
    private boolean toBeTold(MoneyOwed entry) {
        return entry.tellPromise().flatMap(id -> {
            try {
                return Optional.of(promises.require(id).state().pending());
            } catch (PromiseLedger.NoSuchPromise gone) {
                return Optional.empty();
            }
        }).orElse(false);
    }

    /** Agent and team names, and each agent's department (their first team by name) for the aging report. */
    Names names() {
        Map<UUID, String> agents = new HashMap<>();
        Map<UUID, String> departments = new HashMap<>();
        Map<UUID, String> teams = new HashMap<>();
        roster.teams().forEach(team -> teams.put(team.id().value(), team.name()));
        for (Agent agent : roster.agents()) {
            agents.put(agent.id().value(), agent.name());
            agent.teams().stream().map(Team.TeamId::value).map(teams::get).filter(java.util.Objects::nonNull)
                    .min(Comparator.naturalOrder()).ifPresent(team -> departments.put(agent.id().value(), team));
        }
        return new Names(agents, teams, departments);
    }

    record Names(Map<UUID, String> agents, Map<UUID, String> teams, Map<UUID, String> departments) {

        String responsible(MoneyOwed entry) {
            return entry.responsibleAgent().map(id -> agents.getOrDefault(id, "someone who left"))
                    .or(() -> entry.responsibleTeam().map(id -> teams.getOrDefault(id, "a team")))
                    .orElse("nobody");
        }

        String department(UUID team, UUID agent) {
            if (team != null) {
                return teams.getOrDefault(team, "A removed team");
            }
            return agent == null ? "No department" : departments.getOrDefault(agent, "No department");
        }

        String department(MoneyOwed entry) {
            return department(entry.responsibleTeam().orElse(null), entry.responsibleAgent().orElse(null));
        }
    }

    private static String sentence(MoneyOwed entry, String callThem, String responsible, String since, String due,
                                   ZoneId zone, Instant now) {
        return switch (entry.state()) {
            case OWED -> "We owe " + callThem + " " + entry.amount() + " since " + since + " (" + responsible
                    + ", due " + due + ")";
            case PAID -> "We paid " + callThem + " " + entry.amount() + " on "
                    + day(entry.paidAt().orElseThrow(), zone, now) + " (" + entry.paymentReference().orElse("") + ")";
            case CANCELLED -> "No longer owed to " + callThem + ": " + entry.amount() + " ("
                    + entry.cancelReason().orElse("") + ")";
        };
    }

    /** "3 March", with the year when it is not this year's. */
    static String day(Instant instant, ZoneId zone, Instant now) {
        ZonedDateTime at = instant.atZone(zone);
        return (at.getYear() == now.atZone(zone).getYear() ? DAY : DAY_AND_YEAR).format(at);
    }

    private Long number(UUID conversation) {
        return desk.find(new Conversation.ConversationId(conversation)).map(Conversation::number).orElse(null);
    }
}
