package dev.rapport.escalation;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.agents.Team;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Escalates a conversation without dropping the customer: the specialist (a person or a team) is brought in as a
 * collaborator who can see and work it, the agent who escalated stays the owner of the relationship unless they hand it
 * over explicitly, and the timeline, the audit trail and the specialist hear of it. Offers the next step on the path
 * for the conversation's tags and the sentence telling the customer who is now helping.
 */
@Service
@Transactional
public class Escalator {

    private final Escalations escalations;
    private final PathBook paths;
    private final SpecialistDirectory directory;
    private final Desk desk;
    private final EscalationAudit audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Escalator(Escalations escalations, PathBook paths, SpecialistDirectory directory, Desk desk, EscalationAudit audit,
              ApplicationEventPublisher events, Clock clock) {
        this.escalations = escalations;
        this.paths = paths;
        this.directory = directory;
        this.desk = desk;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Brings the specialist in.
     *
     * @param to       the form's value ({@code team:<id>}, {@code agent:<id>})
     * @param handOver whether the specialist takes the conversation over; otherwise its owner stays
     * @throws EscalationRejected naming the field that is wrong
     */
    public Escalation escalate(Conversation conversation, String to, String reason, boolean handOver,
                               SignedInAgent by) {
        if (!desk.canSee(conversation, by)) {
            throw new NotYours("This conversation belongs to a team you are not on.");
        }
        Specialist specialist = directory.require(Specialist.parse(to)
                .orElseThrow(() -> new EscalationRejected("to", "Choose whom to bring in.")), "to");
        if (specialist.isPerson() && specialist.agent().equals(by.id().value())) {
            throw new EscalationRejected("to", "Choose someone other than yourself.");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new EscalationRejected("reason", "Say why, so they start from what you know.");
        }
        if (why.length() > 1000) {
            throw new EscalationRejected("reason", "A reason can be at most 1,000 characters.");
        }
        if (handOver) {
            requireCanHandOver(conversation, specialist, by);
        }
        Instant now = clock.instant();
        String name = directory.nameOf(specialist);
        Escalation escalation = escalations.save(Escalation.of(conversation.id().value(), conversation.number(),
                paths.forTags(conversation.tags()), specialist, name, why, by.id().value(), by.name(), handOver, now));
        desk.addToTimeline(conversation.id(), by, "escalated",
                (handOver ? "handed it over to " : "escalated it to ") + name + ": " + why);
        if (specialist.isPerson()) {
            directory.agent(specialist.agent()).filter(Agent::isActive)
                    .ifPresent(agent -> desk.follow(conversation.id(), SignedInAgent.of(agent), true));
        }
        if (!handOver && conversation.assignee().isEmpty() && by.role() != Role.TEAMMATE) {
            desk.assign(conversation.id(), by, by.id(), null); // nobody owned it: whoever escalates is the first agent
        }
        if (handOver) {
            if (specialist.isPerson()) {
                desk.assign(conversation.id(), by, new Agent.AgentId(specialist.agent()), null);
            } else {
                desk.moveToTeam(conversation.id(), by, new Team.TeamId(specialist.team()), null);
                desk.assign(conversation.id(), by, null, null);
            }
        }
        audit.record(handOver ? "handed-over" : "escalated", conversation.id().value(), by.id().value(), by.name(),
                "#" + conversation.number() + " to " + name + ": " + why, now);
        events.publishEvent(new ConversationEscalated(escalation.id(), conversation.id().value(),
                conversation.number(), specialist.agent(), specialist.team(), name, by.name(), why, handOver));
        return escalation;
    }

    private void requireCanHandOver(Conversation conversation, Specialist specialist, SignedInAgent by) {
        if (by.role() == Role.TEAMMATE) {
            throw new EscalationRejected("handOver", "Teammates bring others in; the owner hands it over.");
        }
        boolean owner = conversation.assignee().map(by.id()::equals).orElse(true);
        if (!owner && by.role() == Role.AGENT) {
            throw new EscalationRejected("handOver", "Only its owner or a lead can hand this conversation over.");
        }
        if (specialist.isPerson() && directory.agent(specialist.agent()).map(Agent::role)
                .filter(role -> role == Role.TEAMMATE).isPresent()) {
            throw new EscalationRejected("handOver", "Teammates from other departments do not write to customers; "
                    + "bring them in and stay the owner.");
        }
    }

    @Transactional(readOnly = true)
    public List<Escalation> on(Conversation conversation) {
        return escalations.findByConversationOrderByEscalatedAtAsc(conversation.id().value());
    }

    /** The last thirty escalations to the agent or their teams, newest first. */
    @Transactional(readOnly = true)
    public List<Escalation> to(SignedInAgent agent) {
        java.util.Set<java.util.UUID> teams = new java.util.HashSet<>(directory.teamsOf(agent.id().value()).stream()
                .map(Team.TeamId::value).toList());
        teams.add(new java.util.UUID(0, 0));
        return escalations.newestTo(agent.id().value(), teams);
    }

    /** The path for the conversation's tags and the next step on it nobody was brought in for yet. */
    @Transactional(readOnly = true)
    public Optional<NextStep> nextStep(Conversation conversation) {
        return paths.forTags(conversation.tags()).flatMap(path -> {
            List<Escalation> before = on(conversation);
            int next = before.stream().filter(e -> e.topic().filter(path.topic()::equals).isPresent())
                    .map(e -> e.step().orElse(-1)).max(Integer::compare).orElse(-1) + 1;
            return next < path.steps().size()
                    ? Optional.of(new NextStep(path, next, path.steps().get(next)))
                    : Optional.empty();
        });
    }

    /** The step on {@code path} to offer first. */
    public record NextStep(EscalationPath path, int index, Specialist specialist) {
    }

    /** What the agent can tell the customer: who is now helping, and that they stay (unless handed over). */
    @Transactional(readOnly = true)
    public String sentenceFor(Escalation escalation) {
        Specialist to = escalation.to();
        String who;
        if (to.isPerson()) {
            String first = escalation.toName().strip().split("\\s+")[0];
            who = first + directory.firstTeamOf(to.agent())
                    .map(team -> " from our " + SpecialistDirectory.teamName(team)).orElse("");
        } else {
            who = "our " + escalation.toName();
        }
        return escalation.handedOver()
                ? "I've handed this to " + who + ", who will take it from here and be in touch with you."
                : "I've asked " + who + " to help with this; I'm staying with you until it's sorted.";
    }
}
