package dev.rapport.escalation;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Internal requests: an agent asks a teammate or a team of another department a question or a task on a
 * conversation, due by a time; the teammate sees it under "Requests for me", may open that conversation (and no other
 * they were not routed), and answers in Rapport. The answer lands on the conversation as an internal note, once:
 * when two answer at the same moment, one wins and the other is told.
 */
@Service
@Transactional
public class InternalRequestDesk {

    private static final UUID NO_TEAM = new UUID(0, 0);

    private final InternalRequests requests;
    private final SpecialistDirectory directory;
    private final Desk desk;
    private final EscalationAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    InternalRequestDesk(InternalRequests requests, SpecialistDirectory directory, Desk desk, EscalationAudit audit,
                        ApplicationEventPublisher events, Clock clock) {
        this.requests = requests;
        this.directory = directory;
        this.desk = desk;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks the question.
     *
     * @param whom the form's value ({@code team:<id>}, {@code agent:<id>})
     * @throws EscalationRejected naming the field that is wrong
     */
    public InternalRequest ask(Conversation conversation, String whom, String question, Instant dueAt,
                               SignedInAgent by) {
        if (!desk.canSee(conversation, by)) {
            throw new NotYours("This conversation belongs to a team you are not on.");
        }
        Specialist asked = directory.require(Specialist.parse(whom)
                .orElseThrow(() -> new EscalationRejected("whom", "Choose whom to ask.")), "whom");
        if (asked.isPerson() && asked.agent().equals(by.id().value())) {
            throw new EscalationRejected("whom", "Choose someone other than yourself.");
        }
        String text = question == null ? "" : question.strip();
        if (text.isEmpty()) {
            throw new EscalationRejected("question", "Write the question or the task.");
        }
        if (text.length() > 2000) {
            throw new EscalationRejected("question", "A question can be at most 2,000 characters.");
        }
        Instant now = clock.instant();
        if (dueAt == null) {
            throw new EscalationRejected("dueAt", "Say by when you need the answer.");
        }
        if (!dueAt.isAfter(now)) {
            throw new EscalationRejected("dueAt", "Choose a time in the future.");
        }
        String name = directory.nameOf(asked);
        InternalRequest request = requests.save(InternalRequest.of(conversation.id().value(), conversation.number(),
                asked, name, text, dueAt, by.id().value(), by.name(), now));
        desk.addToTimeline(conversation.id(), by, "asked", "asked " + name + ": " + excerpt(text));
        audit.record("asked", conversation.id().value(), by.id().value(), by.name(),
                "#" + conversation.number() + " asked " + name + ": " + text, now);
        events.publishEvent(new InternalRequestMade(request.id(), conversation.id().value(), conversation.number(),
                asked.agent(), asked.team(), by.name(), excerpt(text), dueAt));
        return request;
    }

    /**
     * Answers the request as the asked teammate (or one of the asked team); the answer becomes an internal note.
     *
     * @throws AlreadyAnswered when someone answered first
     */
    public InternalRequest answer(UUID id, String text, SignedInAgent by) {
        InternalRequest request = requests.findById(id)
                .orElseThrow(() -> new EscalationRejected("form", "There is no such request."));
        if (!isFor(request, by)) {
            throw new NotYours("This request was not asked of you or your team.");
        }
        String answer = text == null ? "" : text.strip();
        if (answer.isEmpty()) {
            throw new EscalationRejected("answer", "Write your answer.");
        }
        if (answer.length() > 4000) {
            throw new EscalationRejected("answer", "An answer can be at most 4,000 characters.");
        }
        Instant now = clock.instant();
        request.answer(answer, by.id().value(), by.name(), now);
        try {
            request = requests.save(request);
        } catch (OptimisticLockingFailureException lost) {
            throw new AlreadyAnswered(requests.findById(id).flatMap(InternalRequest::answeredByName).orElse(null));
        }
        Conversation.ConversationId conversation = new Conversation.ConversationId(request.conversation());
        desk.note(conversation, by, "Answer to " + request.askedByName() + "'s request “" + excerpt(request.question())
                + "”:\n\n" + answer);
        audit.record("answered", request.conversation(), by.id().value(), by.name(),
                "#" + request.conversationNumber() + " answered " + request.askedByName() + ": " + answer, now);
        events.publishEvent(new InternalRequestAnswered(request.id(), request.conversation(),
                request.conversationNumber(), request.askedBy(), by.name()));
        return request;
    }

    /** Still to answer by the agent or their teams, soonest due first. */
    @Transactional(readOnly = true)
    public List<InternalRequest> openFor(SignedInAgent agent) {
        return requests.openFor(agent.id().value(), teams(agent));
    }

    /** The last twenty answered by them or asked of them or their teams. */
    @Transactional(readOnly = true)
    public List<InternalRequest> recentlyAnsweredFor(SignedInAgent agent) {
        return requests.recentlyAnsweredFor(agent.id().value(), teams(agent));
    }

    @Transactional(readOnly = true)
    public List<InternalRequest> on(Conversation conversation) {
        return requests.findByConversationOrderByAskedAtAsc(conversation.id().value());
    }

    public boolean isFor(InternalRequest request, SignedInAgent agent) {
        Specialist asked = request.asked();
        return asked.isPerson() ? asked.agent().equals(agent.id().value())
                : directory.teamsOf(agent.id().value()).contains(new Team.TeamId(asked.team()));
    }

    private Set<UUID> teams(SignedInAgent agent) {
        Set<UUID> teams = new java.util.HashSet<>(directory.teamsOf(agent.id().value()).stream()
                .map(Team.TeamId::value).toList());
        teams.add(NO_TEAM);
        return teams;
    }

    static String excerpt(String text) {
        return text.length() > 140 ? text.substring(0, 137) + "…" : text;
    }
}
