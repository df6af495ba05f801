package dev.rapport.phone;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAddOn;
import dev.rapport.conversations.Message;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;

/**
 * The phone on the conversation page: the conversation's calls in the sidebar (when it has any), and a reply with a
 * missed call waiting counted as the call back (in the reply's own transaction).
 */
@Component
class PhoneAddOn implements ConversationAddOn {

    private final CallBacks callBacks;
    private final Calls calls;

    PhoneAddOn(CallBacks callBacks, Calls calls) {
        this.callBacks = callBacks;
        this.calls = calls;
    }

    @Override
    public Optional<String> sidebarPanel(Conversation conversation, SignedInAgent agent) {
        return calls.existsByConversation(conversation.id().value())
                ? Optional.of("/calls/conversation/" + conversation.number()) : Optional.empty();
    }

    @Override
    public void posted(Conversation conversation, Message message, SignedInAgent agent, Map<String, String> form) {
        if (message.kind() == Message.Kind.REPLY) {
            callBacks.answeredInAReply(conversation, agent.name());
        }
    }
}
