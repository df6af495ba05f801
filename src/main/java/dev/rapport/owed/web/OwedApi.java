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
import dev.rapport.owed.OwedKind;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedRejected;
import dev.rapport.owed.OwedSearch;
import dev.rapport.owed.OwedState;
import dev.rapport.shared.Money;
import dev.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Money owed to customers over the REST API: list what the caller may see (oldest first, filtered, keyset paged),
 * read one with its audit trail, record one, and pay or cancel it. Amounts travel as decimal strings ("700.00") with
 * their ISO 4217 currency.
 */
@RestController
@Tag(name = "Money owed")
class OwedApi {

    record Record(String customerId, String conversationId, String amount, String currency, String kind,
                  String reason, String responsible, String dueAt, String reference) {
    }

    record Pay(String reference) {
    }

    record Cancel(String reason) {
    }

    record ListPage(List<OwedJson> items, String next) {
    }

    private final OwedLedger ledger;
    private final OwedSearch search;
    private final OwedViews views;
    private final CustomerDirectory customers;
    private final Desk desk;
    private final Roster roster;
    private final BusinessCalendar calendar;

    OwedApi(OwedLedger ledger, OwedSearch search, OwedViews views, CustomerDirectory customers, Desk desk,
            Roster roster, BusinessCalendar calendar) {
        this.ledger = ledger;
        this.search = search;
        this.views = views;
        this.customers = customers;
        this.desk = desk;
        this.roster = roster;
        this.calendar = calendar;
    }

    @GetMapping("/api/v1/owed")
    @Operation(summary = "List money owed", description = "Oldest first, only what you may see (a teammate: what "
            + "they or their teams are responsible for). Filters: 'state' (one or more: OWED, PAID, CANCELLED), "
            + "'responsible' (an agent id, a team id or 'me'), 'customer' (id or number), 'overdue' (true or "
            + "false). Pass 'next' back as 'after' for the following page.")
    ListPage list(@AuthenticationPrincipal SignedInAgent me, @RequestParam(required = false) List<String> state,
                  @RequestParam(required = false) String responsible,
                  @RequestParam(required = false) String customer, @RequestParam(required = false) String overdue,
                  @RequestParam(defaultValue = "25") int limit, @RequestParam(required = false) String after) {
        if (limit < 1 || limit > 100) {
            throw new OwedRejected("limit", "Ask for 1 to 100 entries a page.");
        }
        Who who = blank(responsible) ? new Who(null, null) : responsible(responsible, me);
        OwedSearch.Filter filter = new OwedSearch.Filter(states(state), who.agent(), who.team(),
                blank(customer) ? null : customer(customer, "customer"), overdue(overdue), false);
        OwedSearch.Page page;
        try {
            page = search.page(filter, me, after, limit);
        } catch (IllegalArgumentException badCursor) {
            throw new OwedRejected("after", badCursor.getMessage());
        }
        return new ListPage(views.of(page.entries(), me).stream().map(v -> OwedJson.of(v, null)).toList(),
                page.next());
    }

    @GetMapping("/api/v1/owed/{id}")
    @Operation(summary = "Get money owed with its audit trail")
    OwedJson get(@PathVariable String id, @AuthenticationPrincipal SignedInAgent me) {
        return json(ledger.visibleTo(uuid(id), me), me);
    }

    @PostMapping("/api/v1/owed")
    @Operation(summary = "Record money we owe a customer", description = "'amount' a decimal string (\"700.00\", no "
            + "more decimals than the currency has), 'currency' ISO 4217, 'kind' REFUND, CREDIT, REIMBURSEMENT or "
            + "GOODWILL, 'responsible' an agent id, a team id or 'me', 'dueAt' an ISO-8601 instant or a day "
            + "(due by its end in the business's time zone). 'customerId' (id or number) may be left out when "
            + "'conversationId' (id or number) is given.")
    ResponseEntity<OwedJson> record(@RequestBody Record request, @AuthenticationPrincipal SignedInAgent me) {
        UUID conversation = blank(request.conversationId()) ? null
                : conversation(request.conversationId(), "conversationId");
        UUID customer = blank(request.customerId()) ? null : customer(request.customerId(), "customerId");
        if (customer == null && conversation == null) {
            throw new OwedRejected("customerId", "Say which customer we owe (or the conversation).");
        }
        Money amount = money(request.amount(), request.currency());
        if (blank(request.responsible())) {
            throw new OwedRejected("responsible", "Say who will pay it: an agent id, a team id or 'me'.");
        }
        Who who = responsible(request.responsible(), me);
        MoneyOwed entry = ledger.record(new MoneyOwed.Terms(customer, conversation, amount, kind(request.kind()),
                request.reason(), who.agent(), who.team(), dueAt(request.dueAt()), null, request.reference()), me);
        return ResponseEntity.created(URI.create("/api/v1/owed/" + entry.id())).body(json(entry, me));
    }

    @PostMapping("/api/v1/owed/{id}/pay")
    @Operation(summary = "Mark money owed paid", description = "'reference' (the payment's) is required. Makes the "
            + "promise that whoever owns the relationship tells the customer by the end of the next business day "
            + "('tellPromiseId'). Paying a cancelled or already paid entry, or losing a race with another payment, "
            + "is a 409.")
    OwedJson pay(@PathVariable String id, @RequestBody(required = false) Pay request,
                 @AuthenticationPrincipal SignedInAgent me) {
        return json(ledger.pay(uuid(id), request == null ? null : request.reference(), me), me);
    }

    @PostMapping("/api/v1/owed/{id}/cancel")
    @Operation(summary = "Cancel money owed", description = "'reason' is required. A paid or cancelled entry is a "
            + "409.")
    OwedJson cancel(@PathVariable String id, @RequestBody(required = false) Cancel request,
                    @AuthenticationPrincipal SignedInAgent me) {
        return json(ledger.cancel(uuid(id), request == null ? null : request.reason(), me), me);
    }

    private OwedJson json(MoneyOwed entry, SignedInAgent me) {
        return OwedJson.of(views.of(List.of(entry), me).getFirst(), ledger.history(entry.id()));
    }

    private record Who(UUID agent, UUID team) {
    }

    private Who responsible(String value, SignedInAgent me) {
        if (value.strip().equalsIgnoreCase("me")) {
            return new Who(me.id().value(), null);
        }
        UUID id = parse(value, "responsible", "an agent id, a team id or 'me'");
        if (roster.findAgent(new Agent.AgentId(id)).isPresent()) {
            return new Who(id, null);
        }
        if (roster.findTeam(new Team.TeamId(id)).isPresent()) {
            return new Who(null, id);
        }
        throw new OwedRejected("responsible", "There is no agent or team with this id.");
    }

    private UUID customer(String value, String field) {
        Optional<Customer> found = value.strip().matches("\\d{1,18}")
                ? customers.findByNumber(Long.parseLong(value.strip()))
                : customers.find(new Customer.CustomerId(parse(value, field, "a customer's id or number")));
        return found.map(c -> c.id().value())
                .orElseThrow(() -> new OwedRejected(field, "There is no such customer."));
    }

    private UUID conversation(String value, String field) {
        Optional<Conversation> found = value.strip().matches("\\d{1,18}")
                ? desk.findByNumber(Long.parseLong(value.strip()))
                : desk.find(new Conversation.ConversationId(parse(value, field, "a conversation's id or number")));
        return found.map(c -> c.id().value())
                .orElseThrow(() -> new OwedRejected(field, "There is no such conversation."));
    }

    private static Money money(String amount, String currency) {
        java.util.Currency code;
        try {
            code = Money.currency(currency);
        } catch (IllegalArgumentException e) {
            throw new OwedRejected("currency", e.getMessage());
        }
        try {
            return Money.parse(amount, code);
        } catch (IllegalArgumentException e) {
            throw new OwedRejected("amount", e.getMessage());
        }
    }

    private static OwedKind kind(String kind) {
        if (blank(kind)) {
            throw new OwedRejected("kind", "Say what it is: REFUND, CREDIT, REIMBURSEMENT or GOODWILL.");
        }
        try {
            return OwedKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new OwedRejected("kind", "\"" + kind + "\" is not one of REFUND, CREDIT, REIMBURSEMENT, GOODWILL.");
        }
    }

    private Instant dueAt(String value) {
        if (blank(value)) {
            throw new OwedRejected("dueAt", "Say by when it will be paid.");
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value.strip()).plusDays(1).atStartOfDay(calendar.zone()).toInstant()
                        .minusSeconds(1);
            } catch (DateTimeParseException notADay) {
                throw new OwedRejected("dueAt", "Write an ISO-8601 time (2026-03-10T17:00:00Z) or a day "
                        + "(2026-03-10).");
            }
        }
    }

    private static Set<OwedState> states(List<String> values) {
        Set<OwedState> states = new LinkedHashSet<>();
        if (values == null) {
            return states;
        }
        for (String value : values.stream().flatMap(v -> Arrays.stream(v.split(","))).toList()) {
            try {
                states.add(OwedState.valueOf(value.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new OwedRejected("state", "\"" + value + "\" is not one of OWED, PAID, CANCELLED.");
            }
        }
        return states;
    }

    private static Boolean overdue(String value) {
        if (blank(value)) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new OwedRejected("overdue", "Write true or false.");
        };
    }

    private static UUID parse(String value, String field, String what) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new OwedRejected(field, "\"" + value + "\" is not " + what + ".");
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new OwedLedger.NoSuchEntry(null);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @ExceptionHandler(OwedRejected.class)
    ResponseEntity<ProblemDetail> rejected(OwedRejected e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                e.field() + ": " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(OwedLedger.OwedConflict.class)
    ResponseEntity<ProblemDetail> conflict(OwedLedger.OwedConflict e) {
        return problem(HttpStatus.CONFLICT, "owed-state", "Not possible now", e.getMessage());
    }

    @ExceptionHandler(OwedLedger.NoSuchEntry.class)
    ResponseEntity<ProblemDetail> notFound(OwedLedger.NoSuchEntry e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "There is no such money owed, or it is not yours to see.");
    }

    @ExceptionHandler(OwedLedger.NotYours.class)
    ResponseEntity<ProblemDetail> notYours(OwedLedger.NotYours e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).body(ApiProblems.problem(status, type, title, detail));
    }
}
