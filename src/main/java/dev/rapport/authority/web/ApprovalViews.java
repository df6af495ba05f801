package dev.rapport.authority.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.ApprovalRequest;
import dev.rapport.authority.Approvals;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.shared.web.Durations;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Turns approval requests into what pages show beside them. */
@Component
class ApprovalViews {

    private final Desk desk;
    private final Approvals approvals;
    private final Clock clock;

    ApprovalViews(Desk desk, Approvals approvals, Clock clock) {
        this.desk = desk;
        this.approvals = approvals;
        this.clock = clock;
    }

    List<ApprovalView> of(List<ApprovalRequest> requests, SignedInAgent viewer) {
        return requests.stream().map(request -> of(request, viewer)).toList();
    }

    ApprovalView of(ApprovalRequest request, SignedInAgent viewer) {
        Optional<Conversation> conversation = desk.find(new Conversation.ConversationId(request.conversation()));
        return new ApprovalView(request, conversation.map(Conversation::number).orElse(null),
                conversation.map(c -> c.requester().name()).orElse("a customer"),
                Durations.between(request.filedAt(), clock.instant()), approvals.mayDecide(viewer, request),
                request.isPending() && request.hearBy().isBefore(clock.instant()));
    }
}
