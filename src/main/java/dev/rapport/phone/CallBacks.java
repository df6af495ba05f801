package dev.rapport.phone;

import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.business.BusinessCalendar;
import dev.rapport.conversations.Conversation;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.TheirPerson;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A missed call is a promise: "Call back Paul by Tue 11:30", owned by the customer's person if they have one (an
 * active agent who talks to customers), else by the hook's team, due within the hook's business hours. The promise is done and the customer told, so kept, when an
 * outbound call reaches them or someone replies on the conversation.
 */
@Component
class CallBacks {

    private static final Logger log = LoggerFactory.getLogger(CallBacks.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final PromiseLedger ledger;
    private final CustomerDirectory customers;
    private final TheirPerson theirPerson;
    private final BusinessCalendar calendar;
    private final Calls calls;
    private final Clock clock;
    private final Roster roster;

    CallBacks(PromiseLedger ledger, CustomerDirectory customers, TheirPerson theirPerson, BusinessCalendar calendar,
              Calls calls, Clock clock, Roster roster) {
        this.roster = roster;
        this.ledger = ledger;
        this.customers = customers;
        this.theirPerson = theirPerson;
        this.calendar = calendar;
        this.calls = calls;
        this.clock = clock;
    }

    Call promise(Call call, TelephonyHook hook, Conversation conversation) {
        Optional<UUID> waiting = alreadyPromised(call);
        if (waiting.isPresent()) {
            call.callBackPromised(waiting.get());
            return calls.save(call);
        }
        Optional<Customer> customer = call.customer().flatMap(id -> customers.find(new Customer.CustomerId(id)));
        Optional<UUID> person = customer.flatMap(theirPerson::of).map(TheirPerson.Person::agent)
                .flatMap(roster::findAgent).filter(agent -> agent.isActive() && agent.role() != Role.TEAMMATE)
                .map(agent -> agent.id().value());
        Optional<Team.TeamId> team = hook.team();
        if (person.isEmpty() && team.isEmpty()) {
            log.warn("Hook {} routes to no team and the caller has no person: no call-back promise for call {}",
                    hook.name(), call.callId());
            return call;
        }
        Instant due = calendar.plusBusinessHours(team, clock.instant(), hook.callBackWithin());
        Promise promise = ledger.make(new Promise.Terms(conversation.id().value(), call.customer().orElse(null),
                what(call, customer, due), person.orElse(null),
                person.isPresent() ? null : team.map(Team.TeamId::value).orElse(null), person.orElse(null), due, due),
                "Phone");
        call.callBackPromised(promise.id());
        return calls.save(call);
    }

    /** "Call back Paul by Mon 30 Nov 11:00 on +4930123456", or "Call back +49 30 123456 by …" for a stranger. */
    private String what(Call call, Optional<Customer> customer, Instant due) {
        String by = " by " + WHEN.format(due.atZone(calendar.zone()));
        String number = call.theirNumberRaw();
        String name = customer.map(Customer::callThem).filter(callThem -> !callThem.equals(number)
                && !callThem.equals(call.theirNumber().orElse(null))).orElse(null);
        return name == null ? "Call back " + number + by
                : "Call back " + name + by + call.theirNumber().map(e164 -> " on " + e164).orElse("");
    }

    /** They called again before we called back: the call back already promised covers this call too. */
    private Optional<UUID> alreadyPromised(Call call) {
        return call.customer().stream().flatMap(customer -> calls.awaitingCallBack(customer).stream())
                .filter(earlier -> !earlier.id().equals(call.id()))
                .flatMap(earlier -> earlier.callBackPromise().stream())
                .filter(promise -> ledger.require(promise).state().pending())
                .findFirst();
    }

    /** An outbound call reached the customer: every call back they were waiting for is done and they know. */
    void keptBy(Call outbound) {
        outbound.customer().ifPresent(customer -> calls.awaitingCallBack(customer).forEach(missed ->
                keep(missed, "Called them back", outbound.answeredByName() == null ? "Phone"
                        : outbound.answeredByName())));
    }

    /**
     * A reply on the conversation reaches the customer too. Runs in the reply's own transaction (through
     * {@link CallBackAddOn}): the call back is done here, and the ledger's own handling of the reply, which follows
     * the commit, tells the customer and keeps the promise. Doing both here would race with the ledger.
     */
    void answeredInAReply(Conversation conversation, String by) {
        calls.awaitingCallBackOn(conversation.id().value()).forEach(missed -> keep(missed, null, by));
    }

    /** @param how how the customer was told, or null when the ledger learns it by itself (a reply) */
    private void keep(Call missed, String how, String by) {
        UUID promise = missed.callBackPromise().orElseThrow();
        PromiseState state = ledger.require(promise).state();
        if (state != PromiseState.CANCELLED && state != PromiseState.KEPT) {
            ledger.markDone(promise, by);
            if (how != null) {
                ledger.markContacted(promise, how, by);
            }
        }
        missed.calledBack(clock.instant());
        calls.save(missed);
    }
}
