package dev.rapport.phone.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.CustomerConversations;
import dev.rapport.conversations.Desk;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.IdentityTaken;
import dev.rapport.customers.NewCustomer;
import dev.rapport.phone.Call;
import dev.rapport.phone.Switchboard;
import dev.rapport.phone.TodaysCalls;
import dev.rapport.promises.Promise;
import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedState;
import dev.rapport.promises.PromiseLedger;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The phone on the agent's screen: the caller card that pops while a call rings (and its event stream), today's
 * calls, and the call view where whoever answered logs notes and an outcome in seconds.
 */
@Controller
class CallsController {

    private final Switchboard switchboard;
    private final TodaysCalls todaysCalls;
    private final CustomerDirectory customers;
    private final CustomerConversations history;
    private final PromiseLedger ledger;
    private final Desk desk;
    private final CallerCardStream stream;
    private final OwedLedger owed;

    CallsController(Switchboard switchboard, TodaysCalls todaysCalls, CustomerDirectory customers,
                    CustomerConversations history, PromiseLedger ledger, Desk desk, CallerCardStream stream,
                    OwedLedger owed) {
        this.owed = owed;
        this.switchboard = switchboard;
        this.todaysCalls = todaysCalls;
        this.customers = customers;
        this.history = history;
        this.ledger = ledger;
        this.desk = desk;
        this.stream = stream;
    }

    @GetMapping(path = "/live/calls", produces = "text/event-stream")
    SseEmitter live(@AuthenticationPrincipal SignedInAgent me) {
        return stream.watch(me);
    }

    @GetMapping("/calls")
    String list(Model model) {
        List<Call> calls = todaysCalls.list();
        Map<UUID, Customer> known = calls.stream().flatMap(call -> call.customer().stream()).distinct()
                .flatMap(id -> customers.find(new Customer.CustomerId(id)).stream())
                .collect(Collectors.toMap(c -> c.id().value(), Function.identity(), (a, b) -> a));
        model.addAttribute("calls", calls);
        model.addAttribute("customers", known);
        model.addAttribute("owed", calls.stream().filter(c -> c.isMissed() && c.calledBackAt().isEmpty()).count());
        return "phone/calls";
    }

    /** The caller card for a page's pop-up; empty once the call is someone else's or ended unanswered by me. */
    @GetMapping("/calls/{id}/pop")
    String pop(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Call call = require(id);
        boolean mine = call.answeredBy().filter(me.id()::equals).isPresent();
        boolean someoneElses = call.answeredBy().isPresent() && !mine;
        if (someoneElses || (call.state() == Call.State.ENDED && !mine)) {
            return "phone/pop :: nothing";
        }
        model.addAttribute("pop", card(call, mine, me));
        return "phone/pop :: pop";
    }

    @GetMapping("/calls/{id}")
    String view(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Call call = require(id);
        model.addAttribute("pop", card(call, call.answeredBy().filter(me.id()::equals).isPresent(), me));
        model.addAttribute("mayLog", call.mayBeLoggedBy(me.id()) || me.isAdmin()
                || me.role() == dev.rapport.agents.Role.LEAD);
        model.addAttribute("outcomes", Call.Outcome.values());
        model.addAttribute("conversation", call.conversation()
                .flatMap(c -> desk.find(new Conversation.ConversationId(c))).orElse(null));
        return "phone/call";
    }

    @PostMapping("/calls/{id}/outcome")
    String outcome(@PathVariable UUID id, @RequestParam(required = false) Call.Outcome outcome,
                   @RequestParam(defaultValue = "") String notes, @AuthenticationPrincipal SignedInAgent me,
                   Model model, RedirectAttributes flash) {
        if (outcome == null) {
            model.addAttribute("outcomeError", "Choose what came of the call.");
            model.addAttribute("typedNotes", notes);
            return view(id, me, model);
        }
        try {
            Call call = switchboard.logOutcome(new Call.CallId(id), me, outcome, notes);
            Optional<Conversation> conversation = call.conversation()
                    .flatMap(c -> desk.find(new Conversation.ConversationId(c)));
            if (conversation.isEmpty()) {
                flash.addFlashAttribute("notice", "Logged. It goes into the customer's history when the call ends.");
                return "redirect:/calls/" + id;
            }
            flash.addFlashAttribute("notice", outcome == Call.Outcome.PROMISE_MADE
                    ? "Logged. Record the promise you made in the sidebar: Record a promise made on the phone."
                    : "Call logged on #" + conversation.get().number() + ".");
            return "redirect:/conversations/" + conversation.get().number();
        } catch (IllegalArgumentException e) {
            model.addAttribute("outcomeError", e.getMessage());
            model.addAttribute("typedNotes", notes);
            return view(id, me, model);
        }
    }

    /** The conversation's calls, for its sidebar. */
    @GetMapping("/calls/conversation/{number}")
    String ofConversation(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Conversation conversation = desk.visibleTo(number, me);
        model.addAttribute("calls", switchboard.of(conversation));
        return "phone/conversation :: calls";
    }

    /** "Unknown number": one click makes the caller a customer with this number. */
    @PostMapping("/calls/{id}/customer")
    String createCustomer(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
                          RedirectAttributes flash) {
        Call call = require(id);
        if (call.customer().isPresent() || call.theirNumber().isEmpty()) {
            return "redirect:/calls/" + id;
        }
        try {
            Customer customer = customers.create(new NewCustomer(name.isBlank() ? call.theirNumber().get() : name,
                    null, List.of(), List.of(call.theirNumber().get()), List.of(), null), null);
            switchboard.recognise(call.id(), customer.id());
            flash.addFlashAttribute("notice", "Customer #" + customer.number() + " created with "
                    + call.theirNumber().get() + ". Add their name and what they care about.");
            return "redirect:/customers/" + customer.number();
        } catch (IdentityTaken taken) {
            flash.addFlashAttribute("problem", taken.getMessage());
            return "redirect:/calls/" + id;
        }
    }

    private CallerCard card(Call call, boolean mine, SignedInAgent me) {
        Optional<Customer> customer = call.customer().flatMap(c -> customers.find(new Customer.CustomerId(c)))
                .map(c -> c.mergedInto().flatMap(customers::find).orElse(c));
        List<Promise> open = customer.map(c -> ledger.forCustomer(c.id().value()).stream()
                .filter(p -> p.state().pending()).limit(3).toList()).orElse(List.of());
        Optional<CustomerConversations.Summary> last = customer.flatMap(c ->
                history.of(List.of(c.id().value()), null, 1).stream().findFirst());
        List<MoneyOwed> stillOwed = customer.map(c -> owed.forCustomer(c.id().value()).stream()
                .filter(entry -> entry.state() == OwedState.OWED && owed.canSee(entry, me)).limit(3).toList())
                .orElse(List.of());
        return new CallerCard(call, customer, customer.map(Customer::pinnedNotes).orElse(List.of()), open, stillOwed,
                last, mine);
    }

    private Call require(UUID id) {
        return switchboard.find(new Call.CallId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such call"));
    }
}
