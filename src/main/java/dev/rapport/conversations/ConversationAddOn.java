package dev.rapport.conversations;

import dev.rapport.agents.SignedInAgent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What another module adds to a conversation without this module knowing it (the promise ledger does): a panel in
 * the composer whose fields post with the message, a panel in the sidebar, work done in the message's own
 * transaction, and what is still open when someone solves the conversation. Implementations are Spring beans.
 */
public interface ConversationAddOn {

    /** The address of an htmx fragment shown inside the composer; its fields are posted with the message. */
    default Optional<String> composerPanel(Conversation conversation, SignedInAgent agent) {
        return Optional.empty();
    }

    /** The address of an htmx fragment shown in the conversation's sidebar. */
    default Optional<String> sidebarPanel(Conversation conversation, SignedInAgent agent) {
        return Optional.empty();
    }

    /**
     * The message text as it will be posted, given the composer's fields (a sentence the add-on adds to a reply).
     *
     * @param reply true for a reply to the customer, false for an internal note
     */
    default String amend(Conversation conversation, SignedInAgent agent, boolean reply, String body,
                         Map<String, String> form) {
        return body;
    }

    /**
     * Runs in the transaction that saves the message: throwing undoes the message too. An
     * {@link IllegalArgumentException}'s message is shown to the agent in the composer.
     */
    default void posted(Conversation conversation, Message message, SignedInAgent agent, Map<String, String> form) {
    }

    /**
     * What is still open on the conversation that {@code viewer}, about to solve it, should decide about ("Open
     * promise: …"), as far as they may see it.
     */
    default List<String> openWhenSolving(Conversation conversation, SignedInAgent viewer) {
        return List.of();
    }
}
