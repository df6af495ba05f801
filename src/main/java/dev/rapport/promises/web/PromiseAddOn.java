package dev.rapport.promises.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAddOn;
import dev.rapport.conversations.Message;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseRejected;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The promise ledger on the conversation page: the "Make a promise" panel in the composer (the promise is made in
 * the same transaction as the reply or note, and its sentence added to a reply), the promises in the sidebar, and a
 * question before solving a conversation that still has open promises.
 */
@Component
class PromiseAddOn implements ConversationAddOn {

    private final PromiseLedger ledger;
    private final PromiseDrafting drafting;

    PromiseAddOn(PromiseLedger ledger, PromiseDrafting drafting) {
        this.ledger = ledger;
        this.drafting = drafting;
    }

    @Override
    public Optional<String> composerPanel(Conversation conversation, SignedInAgent agent) {
        return Optional.of("/promises/composer?conversation=" + conversation.number());
    }

    @Override
    public Optional<String> sidebarPanel(Conversation conversation, SignedInAgent agent) {
        return Optional.of("/promises/conversation/" + conversation.number());
    }

    @Override
    public String amend(Conversation conversation, SignedInAgent agent, boolean reply, String body,
                        Map<String, String> form) {
        if (!reply || !PromiseDraft.present(form)) {
            return body;
        }
        PromiseDraft draft = drafting.read(form, agent.id().value());
        if (!draft.addSentence()) {
            return body;
        }
        String sentence = drafting.sentence(draft, conversation, agent.id().value());
        return body.contains(sentence) ? body : body.isBlank() ? sentence : body.stripTrailing() + "\n\n" + sentence;
    }

    @Override
    public void posted(Conversation conversation, Message message, SignedInAgent agent, Map<String, String> form) {
        if (!PromiseDraft.present(form)) {
            return;
        }
        try {
            ledger.make(drafting.terms(drafting.read(form, agent.id().value()), conversation), agent);
        } catch (PromiseRejected rejected) {
            throw new PromiseRejected(rejected.field(), "The promise: " + rejected.getMessage()
                    + " Nothing was posted; your message and the promise are still here.");
        }
    }

    @Override
    public List<String> openWhenSolving(Conversation conversation, SignedInAgent viewer) {
        return ledger.openOn(conversation.id().value()).stream()
                .map(promise -> (promise.needsFollowUp() ? "Broken promise, nobody has said what happened next: "
                        : "Open promise: ") + promise.what())
                .toList();
    }

}
