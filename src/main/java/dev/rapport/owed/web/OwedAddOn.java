package dev.rapport.owed.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAddOn;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedState;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** Money owed on the conversation page: the sidebar panel, and a word before solving with money still owed. */
@Component
class OwedAddOn implements ConversationAddOn {

    private final OwedLedger ledger;
    private final OwedViews views;

    OwedAddOn(OwedLedger ledger, OwedViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    @Override
    public Optional<String> sidebarPanel(Conversation conversation, SignedInAgent agent) {
        return Optional.of("/owed/conversation/" + conversation.number());
    }

    @Override
    public List<String> openWhenSolving(Conversation conversation, SignedInAgent viewer) {
        return views.of(ledger.onConversation(conversation.id().value()).stream()
                        .filter(entry -> entry.state() == OwedState.OWED)
                        .filter(entry -> ledger.canSee(entry, viewer)).toList(),
                        null).stream()
                .map(view -> "Money still owed: " + view.sentence()).toList();
    }
}
