package dev.rapport.phone;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.Identities;
import dev.rapport.customers.IdentityKind;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies call events to calls: finds the caller among the customers by their number in any format, knows who
 * answered, and once a call has ended (and its numbers are known, whatever order the events came in) hands it to the
 * {@link CallLogbook}. Announces ringing, answered and ended calls for the agents' screens.
 */
@Service
@Transactional
public class Switchboard {

    private final Calls calls;
    private final Identities identities;
    private final CustomerDirectory customers;
    private final Extensions extensions;
    private final CallLogbook logbook;
    private final CallOutcomes outcomes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Switchboard(Calls calls, Identities identities, CustomerDirectory customers, Extensions extensions,
                CallLogbook logbook, CallOutcomes outcomes, ApplicationEventPublisher events, Clock clock) {
        this.outcomes = outcomes;
        this.calls = calls;
        this.identities = identities;
        this.customers = customers;
        this.extensions = extensions;
        this.logbook = logbook;
        this.events = events;
        this.clock = clock;
    }

    /** Applies one event; the same event twice, or events in any order, leave the call the same. */
    public Call apply(TelephonyHook hook, CallEvent event) {
        Call call = calls.findByHookAndCallId(hook.id().value(), event.callId())
                .orElseGet(() -> Call.firstHeardOf(hook.id(), event.callId(), clock.instant()));
        Instant at = event.at() == null ? clock.instant() : event.at();
        switch (event.type()) {
            case STARTED -> {
                boolean ringing = call.direction().isEmpty() && call.state() != Call.State.ENDED;
                call.started(event.direction(), event.from(), e164(event.from()), event.to(), e164(event.to()), at);
                recognise(call);
                call = calls.save(call);
                if (ringing) {
                    events.publishEvent(new CallStarted(call.id(), hook.team().orElse(null),
                            call.customer().orElse(null)));
                }
            }
            case ANSWERED -> {
                boolean first = call.answeredAt().isEmpty();
                Optional<Agent> agent = extensions.agent(event.agent());
                call.answered(agent.map(Agent::id).orElse(null),
                        agent.map(Agent::name).orElse(event.agent() == null ? null : "Extension " + event.agent()), at);
                call = calls.save(call);
                if (first && call.state() == Call.State.ANSWERED) {
                    events.publishEvent(new CallAnswered(call.id(), hook.team().orElse(null),
                            call.answeredBy().orElse(null)));
                }
            }
            case ENDED -> {
                if (call.ended(event.reason(), event.durationSeconds(), event.recordingUrl(), at)) {
                    call = calls.save(call);
                    events.publishEvent(new CallEnded(call.id(), hook.team().orElse(null), event.reason()));
                }
            }
        }
        if (call.readyToLog()) {
            call = logbook.log(call, hook);
            outcomes.apply(call);
        }
        return call;
    }

    /**
     * The answering agent's notes and outcome. Carried into the call's conversation now, or as soon as the call ends.
     *
     * @throws IllegalArgumentException when someone else answered the call, or the notes are too long
     */
    public Call logOutcome(Call.CallId id, SignedInAgent agent, Call.Outcome outcome, String notes) {
        Call call = calls.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("No such call."));
        if (!call.mayBeLoggedBy(agent.id()) && agent.role() != Role.ADMIN && agent.role() != Role.LEAD) {
            throw new IllegalArgumentException(call.answeredByName() + " answered this call; they log it.");
        }
        if (call.outcome().isPresent()) {
            throw new IllegalArgumentException("This call's outcome is already logged.");
        }
        call.outcome(outcome, notes, agent.id());
        call = calls.save(call);
        outcomes.apply(call);
        return call;
    }

    /** An unknown caller became a customer (created from the caller card). */
    public Call recognise(Call.CallId id, Customer.CustomerId customer) {
        Call call = calls.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("No such call."));
        call.recognised(customer.value());
        return calls.save(call);
    }

    /** The calls that landed in a conversation, newest first. */
    @Transactional(readOnly = true)
    public List<Call> of(Conversation conversation) {
        return calls.findByConversationOrderByFirstSeenAtDesc(conversation.id().value());
    }

    @Transactional(readOnly = true)
    public Optional<Call> find(Call.CallId id) {
        return calls.findById(id.value());
    }

    private void recognise(Call call) {
        call.theirNumber().flatMap(number -> customers.lookup(IdentityKind.PHONE, number))
                .ifPresent(customer -> call.recognised(customer.id().value()));
    }

    private String e164(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return identities.e164(raw);
        } catch (IllegalArgumentException notANumber) {
            return null;
        }
    }
}
