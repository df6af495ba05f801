package dev.rapport.phone;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAddOn;
import dev.rapport.conversations.Message;
import org.springframework.stereotype.Component;

import java.util.Map;

/** A reply on a conversation with a missed call waiting is as good as the call back (in the reply's transaction). */
@Component
class CallBackAddOn implements ConversationAddOn {

    private final CallBacks callBacks;

    CallBackAddOn(CallBacks callBacks) {
        this.callBacks = callBacks;
    }

    @Override
    public void posted(Conversation conversation, Message message, SignedInAgent agent, Map<String, String> form) {
        if (message.kind() == Message.Kind.REPLY) {
            callBacks.answeredInAReply(conversation, agent.name());
        }
    }
}
