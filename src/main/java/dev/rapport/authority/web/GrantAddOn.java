package dev.rapport.authority.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.authority.Discretion;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.ConversationAddOn;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * "Use my judgment" in the conversation's sidebar: a credit, refund or exception granted at once. Teammates from other
 * departments do not ask for approvals (they do not make promises to customers), so one without discretion of their
 * own is not offered the panel at all.
 */
@Component
class GrantAddOn implements ConversationAddOn {

    private final AuthorityLimits limits;

    GrantAddOn(AuthorityLimits limits) {
        this.limits = limits;
    }

    @Override
    public Optional<String> sidebarPanel(Conversation conversation, SignedInAgent agent) {
        if (agent.role() == Role.TEAMMATE) {
            Discretion discretion = limits.discretionOf(agent.id().value(), agent.role());
            if (!discretion.unlimited() && discretion.terms().isEmpty()) {
                return Optional.empty();
            }
        }
        return Optional.of("/authority/conversation/" + conversation.number());
    }
}
