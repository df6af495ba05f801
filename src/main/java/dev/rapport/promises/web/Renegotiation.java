package dev.rapport.promises.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Status;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;

/**
 * A new date agreed and, when the agent asks, the customer told in a reply with the new promise in plain words — both
 * or neither.
 */
@Component
class Renegotiation {

    private final PromiseLedger ledger;
    private final Desk desk;
    private final PromiseDrafting drafting;

    Renegotiation(PromiseLedger ledger, Desk desk, PromiseDrafting drafting) {
        this.ledger = ledger;
        this.desk = desk;
        this.drafting = drafting;
    }

    @Transactional
    Promise agree(Promise promise, Instant dueAt, Instant contactAt, String message, boolean tell, SignedInAgent me) {
        Promise changed = ledger.renegotiate(promise.id(), dueAt, contactAt, message, me.name());
        if (tell && changed.conversation().isPresent()) {
            Conversation conversation = desk.find(new Conversation.ConversationId(changed.conversation().get()))
                    .orElseThrow();
            String sentence = drafting.sentence(new PromiseDraft(changed.what(), changed.owner().orElse(null),
                    changed.ownerTeam().orElse(null), changed.contactBy().orElse(me.id().value()),
                    changed.dueAt(), changed.contactAt(), true), conversation, me.id().value());
            String text = message.isBlank() ? sentence : message.strip() + "\n\n" + sentence;
            desk.reply(conversation.id(), me, text, Status.WAITING_ON_CUSTOMER, null);
        }
        return changed;
    }
}
