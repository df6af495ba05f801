package dev.rapport.chat;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAddOn;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Puts the live chat panel (visitor typing, the page they are on, read state, transfer) beside chat conversations. */
@Component
class ChatAddOn implements ConversationAddOn {

    @Override
    public Optional<String> sidebarPanel(Conversation conversation, SignedInAgent agent) {
        return conversation.channel() == Channel.CHAT
                ? Optional.of("/chats/panel/" + conversation.number()) : Optional.empty();
    }
}
