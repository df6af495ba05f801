package dev.rapport.escalation.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAddOn;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** "Bring someone in" in the conversation's sidebar: escalate along the path, or ask a teammate a question. */
@Component
class EscalationAddOn implements ConversationAddOn {

    @Override
    public Optional<String> sidebarPanel(Conversation conversation, SignedInAgent agent) {
        return Optional.of("/escalation/conversation/" + conversation.number());
    }
}
