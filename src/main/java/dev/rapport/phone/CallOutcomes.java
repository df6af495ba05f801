package dev.rapport.phone;

import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Status;
import org.springframework.stereotype.Component;

/**
 * What the agent logged about a call, carried into its conversation: the notes as an internal note, and the outcome
 * as the conversation's next step (solved; or theirs to follow up, with or without a promise made). An outcome
 * logged while the call still runs waits for the call's conversation.
 */
@Component
class CallOutcomes {

    private final Desk desk;
    private final Roster roster;

    CallOutcomes(Desk desk, Roster roster) {
        this.desk = desk;
        this.roster = roster;
    }

    void apply(Call call) {
        if (call.conversation().isEmpty() || call.outcome().isEmpty() || call.outcomeBy().isEmpty()) {
            return;
        }
        SignedInAgent agent = roster.findAgent(call.outcomeBy().get()).map(SignedInAgent::of).orElse(null);
        if (agent == null) {
            return;
        }
        Conversation.ConversationId id = new Conversation.ConversationId(call.conversation().get());
        if (desk.find(id).filter(conversation -> desk.canSee(conversation, agent)).isEmpty()) {
            return;
        }
        if (call.notes() != null) {
            desk.note(id, agent, "Call notes: " + call.notes());
        }
        if (call.outcome().get() == Call.Outcome.SOLVED) {
            desk.changeStatus(id, agent, Status.SOLVED, null);
        } else {
            desk.assign(id, agent, agent.id(), null);
            desk.changeStatus(id, agent, Status.OPEN, null);
        }
    }
}
