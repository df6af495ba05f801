package dev.rapport.notifications;

import dev.rapport.agents.Agent;
import dev.rapport.escalation.ConversationEscalated;
import dev.rapport.escalation.InternalRequestAnswered;
import dev.rapport.escalation.InternalRequestMade;
import dev.rapport.escalation.SpecialistDirectory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Escalations and internal requests in the bell: whoever was brought in or asked (a person, or everyone on the team)
 * hears of it; whoever asked hears the answer came.
 */
@Component
class EscalationNotifier {

    private final Notifications notifications;
    private final SpecialistDirectory directory;
    private final Clock clock;

    EscalationNotifier(Notifications notifications, SpecialistDirectory directory, Clock clock) {
        this.notifications = notifications;
        this.directory = directory;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ConversationEscalated escalated) {
        String text = escalated.escalatedByName() + (escalated.handedOver() ? " handed #" : " brought you in on #")
                + escalated.number() + (escalated.toTeam() != null ? " (" + escalated.toName() + ")" : "") + ": "
                + escalated.reason();
        for (UUID agent : reached(escalated.toAgent(), escalated.toTeam())) {
            notifications.save(Notification.of(new Agent.AgentId(agent), escalated.number(), text, clock.instant()));
        }
    }

    @ApplicationModuleListener
    void on(InternalRequestMade made) {
        String text = made.askedByName() + " asks on #" + made.number() + ": " + made.question()
                + " It is on Requests for me.";
        for (UUID agent : reached(made.askedAgent(), made.askedTeam())) {
            notifications.save(Notification.of(new Agent.AgentId(agent), made.number(), text, clock.instant()));
        }
    }

    @ApplicationModuleListener
    void on(InternalRequestAnswered answered) {
        notifications.save(Notification.of(new Agent.AgentId(answered.askedBy()), answered.number(),
                answered.answeredByName() + " answered your request on #" + answered.number()
                        + "; it is on the conversation as a note.", clock.instant()));
    }

    private List<UUID> reached(UUID agent, UUID team) {
        return agent != null ? List.of(agent)
                : directory.membersOf(team).stream().map(member -> member.id().value()).toList();
    }
}
