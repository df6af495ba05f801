package dev.rapport.authority.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAddOn;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** "Use my judgment" in the conversation's sidebar: a credit, refund or exception granted at once. */
@Component
class GrantAddOn implements ConversationAddOn {

    @Override
    public Optional<String> sidebarPanel(Conversation conversation, SignedInAgent agent) {
        return Optional.of("/authority/conversation/" + conversation.number());
    }
}
