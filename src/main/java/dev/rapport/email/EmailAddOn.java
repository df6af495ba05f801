package dev.rapport.email;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAddOn;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Adds the Email panel (mailbox, who is copied, the original messages, failed replies to retry) to email conversations. */
@Component
class EmailAddOn implements ConversationAddOn {

    @Override
    public Optional<String> sidebarPanel(Conversation conversation, SignedInAgent agent) {
        return conversation.channel() == Channel.EMAIL
                ? Optional.of("/email/conversations/" + conversation.number() + "/panel") : Optional.empty();
    }
}
