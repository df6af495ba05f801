package dev.rapport.phone;

import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.CustomerConversations;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.NewConversation;
import dev.rapport.conversations.Requester;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Puts an ended call into the customer's history: a message on their open conversation, or a new phone conversation,
 * saying which way it went, how long, who answered and where the recording is; a new one is the answering agent's to
 * follow up. A missed call or voicemail also gets its call-back promise; an outbound call that reached the customer
 * keeps the ones they were waiting for.
 */
@Component
class CallLogbook {

    private final Desk desk;
    private final CustomerConversations history;
    private final CustomerDirectory customers;
    private final Calls calls;
    private final CallBacks callBacks;
    private final Roster roster;

    CallLogbook(Desk desk, CustomerConversations history, CustomerDirectory customers, Calls calls,
                CallBacks callBacks, Roster roster) {
        this.roster = roster;
        this.desk = desk;
        this.history = history;
        this.customers = customers;
        this.calls = calls;
        this.callBacks = callBacks;
    }

    Call log(Call call, TelephonyHook hook) {
        Optional<Customer> customer = call.customer().flatMap(id -> customers.find(new Customer.CustomerId(id)));
        String name = customer.map(Customer::name).orElse(call.theirNumberRaw() == null ? "Unknown caller"
                : call.theirNumberRaw());
        String text = CallSummary.of(call);
        Optional<UUID> open = customer.flatMap(this::openConversation);
        Conversation conversation;
        if (open.isPresent()) {
            Conversation.ConversationId id = new Conversation.ConversationId(open.get());
            if (call.direction().orElseThrow() == Call.Direction.OUTBOUND) {
                desk.record(id, call.answeredBy().orElse(null), call.answeredByName() == null ? "Phone"
                        : call.answeredByName(), text);
            } else {
                desk.receive(id, name, text, Channel.PHONE);
            }
            conversation = desk.find(id).orElseThrow();
        } else {
            Requester requester = new Requester(name, null, call.theirNumber().orElse(null));
            conversation = desk.start(new NewConversation(CallSummary.subject(call, name), requester, Channel.PHONE,
                    text, hook.team().orElse(null)));
            Optional<SignedInAgent> answeredBy = call.answeredBy().flatMap(roster::findAgent).map(SignedInAgent::of);
            if (answeredBy.isPresent() && conversation.assignee().isEmpty()
                    && desk.canSee(conversation, answeredBy.get())) {
                conversation = desk.assign(conversation.id(), answeredBy.get(), answeredBy.get().id(), null);
            }
        }
        call.loggedIn(conversation.id().value());
        if (call.customer().isEmpty() && call.theirNumber().isPresent()) {
            conversation.customerId().ifPresent(call::recognised);
        }
        call = calls.save(call);
        if (call.isMissed()) {
            call = callBacks.promise(call, hook, conversation);
        } else if (call.reachedThem()) {
            callBacks.keptBy(call);
        }
        return call;
    }

    private Optional<UUID> openConversation(Customer customer) {
        List<CustomerConversations.Summary> recent = history.of(List.of(customer.id().value()), null, 20);
        return recent.stream().filter(summary -> summary.status().isOpen())
                .map(CustomerConversations.Summary::id).findFirst();
    }

    /** "4 min 12 s". */
    static String spoken(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 60 ? seconds + " s" : (seconds / 60) + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60
                + " s");
    }
}
