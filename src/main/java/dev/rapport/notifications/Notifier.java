package dev.rapport.notifications;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.Team;
import dev.rapport.owed.MoneyOwedOverdue;
import dev.rapport.owed.MoneyOwedRecorded;
import dev.rapport.owed.MoneyOwedPaid;
import dev.rapport.promises.PromiseBroken;
import dev.rapport.promises.PromiseDueSoon;
import dev.rapport.shared.web.Durations;
import dev.rapport.conversations.AgentMentioned;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.conversations.MessageReceived;
import org.springframework.data.domain.Limit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Writes agents' notifications from what happens in conversations, and lets them read and clear them. */
@Service
public class Notifier {

    private final Notifications notifications;
    private final Desk desk;
    private final Clock clock;
    private final Roster roster;

    Notifier(Notifications notifications, Desk desk, Clock clock, Roster roster) {
        this.roster = roster;
        this.notifications = notifications;
        this.desk = desk;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AgentMentioned mentioned) {
        notifications.save(Notification.of(mentioned.agent(), mentioned.number(),
                mentioned.byName() + " mentioned you in #" + mentioned.number() + ": " + mentioned.excerpt(),
                clock.instant()));
    }

    /** Only a followed conversation's messages are stored for this listener: most have no followers. */
    @ApplicationModuleListener(condition = "#received.followed()")
    void on(MessageReceived received) {
        Conversation conversation = desk.find(received.conversation()).orElse(null);
        if (conversation == null || conversation.followers().isEmpty()) {
            return;
        }
        String from = desk.message(received.message()).map(Message::authorName).orElse("The customer");
        for (Agent.AgentId follower : conversation.followers()) {
            notifications.save(Notification.of(follower, received.number(),
                    from + " wrote in #" + received.number() + " " + conversation.subject(), clock.instant()));
        }
    }

    /** A deadline is near: whoever must act hears of it (every member of the team when a team owns it). */
    @ApplicationModuleListener
    void on(PromiseDueSoon due) {
        String text = (due.aboutWork() ? "Due in " : "Tell the customer within ")
                + Durations.between(clock.instant(), due.deadline()) + ": " + due.what() + where(due.conversation());
        for (Agent.AgentId agent : due.agent() != null ? List.of(new Agent.AgentId(due.agent()))
                : members(due.team())) {
            notifications.save(Notification.of(agent, number(due.conversation()), text, clock.instant()));
        }
    }

    /** A promise broke: its owner hears, and so do the leads of its team (or of the owner's teams). */
    @ApplicationModuleListener
    void on(PromiseBroken broken) {
        Set<Agent.AgentId> told = new LinkedHashSet<>();
        Set<Team.TeamId> teams = new LinkedHashSet<>();
        if (broken.owner() != null) {
            told.add(new Agent.AgentId(broken.owner()));
            roster.findAgent(new Agent.AgentId(broken.owner())).ifPresent(owner -> teams.addAll(owner.teams()));
        }
        if (broken.ownerTeam() != null) {
            teams.add(new Team.TeamId(broken.ownerTeam()));
            told.addAll(members(broken.ownerTeam()));
        }
        told.addAll(leadsOf(teams));
        String text = "Promise broken: " + broken.what() + where(broken.conversation()) + ". " + broken.why() + ".";
        for (Agent.AgentId agent : told) {
            notifications.save(Notification.of(agent, number(broken.conversation()), text, clock.instant()));
        }
    }

    /** Money owed was routed to someone: the person responsible, or every member of the responsible team, hears. */
    @ApplicationModuleListener
    void on(MoneyOwedRecorded recorded) {
        String text = recorded.recordedBy() + " recorded a " + recorded.amount() + " " + recorded.kind() + " we owe "
                + recorded.customerName() + where(recorded.conversation()) + ", to be paid by " + recorded.dueDay()
                + ". It is on Money we owe.";
        for (Agent.AgentId agent : recorded.responsibleAgent() != null
                ? List.of(new Agent.AgentId(recorded.responsibleAgent())) : members(recorded.responsibleTeam())) {
            if (!agent.value().equals(recorded.recorder())) {
                notifications.save(Notification.of(agent, number(recorded.conversation()), text, clock.instant()));
            }
        }
    }

    /**
     * Money we owed was paid: whoever owns the relationship hears it, with the promise to tell the customer that is
     * now on their list (every member of the team when a team is to tell them).
     */
    @ApplicationModuleListener
    void on(MoneyOwedPaid paid) {
        String text = paid.paidBy() + " paid " + paid.amount() + " we owed (" + paid.paymentReference() + ")"
                + where(paid.conversation()) + ". " + paid.what() + " within "
                + Durations.between(clock.instant(), paid.tellBy()) + ": it is on your promises.";
        for (Agent.AgentId agent : paid.tellAgent() != null ? List.of(new Agent.AgentId(paid.tellAgent()))
                : members(paid.tellTeam())) {
            notifications.save(Notification.of(agent, number(paid.conversation()), text, clock.instant()));
        }
    }

    /** Money owed is overdue: whoever is responsible (every member of the team) and their teams' leads, daily. */
    @ApplicationModuleListener
    void on(MoneyOwedOverdue overdue) {
        Set<Agent.AgentId> told = new LinkedHashSet<>();
        Set<Team.TeamId> teams = new LinkedHashSet<>();
        if (overdue.responsibleAgent() != null) {
            told.add(new Agent.AgentId(overdue.responsibleAgent()));
            roster.findAgent(new Agent.AgentId(overdue.responsibleAgent())).ifPresent(a -> teams.addAll(a.teams()));
        }
        if (overdue.responsibleTeam() != null) {
            teams.add(new Team.TeamId(overdue.responsibleTeam()));
            told.addAll(members(overdue.responsibleTeam()));
        }
        told.addAll(leadsOf(teams));
        String text = "Overdue " + overdue.daysOverdue() + (overdue.daysOverdue() == 1 ? " day" : " days")
                + ": we owe " + overdue.customerName() + " a " + overdue.amount() + " " + overdue.kind()
                + where(overdue.conversation()) + ". Pay it, or say why not, on Money we owe.";
        for (Agent.AgentId agent : told) {
            notifications.save(Notification.of(agent, number(overdue.conversation()), text, clock.instant()));
        }
    }

    private List<Agent.AgentId> leadsOf(Set<Team.TeamId> teams) {
        return roster.agents().stream()
                .filter(agent -> agent.isActive() && agent.role() == Role.LEAD
                        && agent.teams().stream().anyMatch(teams::contains))
                .map(Agent::id).toList();
    }

    private List<Agent.AgentId> members(UUID team) {
        if (team == null) {
            return List.of();
        }
        Team.TeamId id = new Team.TeamId(team);
        return roster.agents().stream().filter(agent -> agent.isActive() && agent.teams().contains(id))
                .map(Agent::id).toList();
    }

    private Long number(UUID conversation) {
        return conversation == null ? null
                : desk.find(new Conversation.ConversationId(conversation)).map(Conversation::number).orElse(null);
    }

    private String where(UUID conversation) {
        Long number = number(conversation);
        return number == null ? "" : " (#" + number + ")";
    }

    @Transactional(readOnly = true)
    public List<Notification> latest(Agent.AgentId agent) {
        return notifications.findByAgentOrderByCreatedAtDesc(agent.value(), Limit.of(50));
    }

    @Transactional(readOnly = true)
    public long unread(Agent.AgentId agent) {
        return notifications.countByAgentAndReadAtIsNull(agent.value());
    }

    @Transactional
    public void markAllRead(Agent.AgentId agent) {
        List<Notification> unread = notifications.findByAgentAndReadAtIsNull(agent.value());
        unread.forEach(notification -> notification.read(clock.instant()));
        notifications.saveAll(unread);
    }
}
