package dev.rapport.demo;

import dev.rapport.agents.Agent;
import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.Approvals;
import dev.rapport.authority.AuthorityLimit;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.authority.GrantRequest;
import dev.rapport.authority.Grants;
import dev.rapport.conversations.Conversation;
import dev.rapport.shared.Money;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The sample business's authority: what agents and leads may grant alone (in euros), one goodwill credit an agent
 * granted on his own judgment, and one bigger credit waiting for the lead's approval, with its promise to the customer.
 */
@Component
class SampleAuthority {

    private final AuthorityLimits limits;
    private final Grants grants;
    private final Approvals approvals;

    SampleAuthority(AuthorityLimits limits, Grants grants, Approvals approvals) {
        this.limits = limits;
        this.grants = grants;
        this.approvals = approvals;
    }

    void fill(Agent admin, Agent sam, Conversation engine) {
        SignedInAgent by = SignedInAgent.of(admin);
        limits.setForRole(Role.AGENT, new AuthorityLimit.Terms(euros("50.00"), euros("300.00"),
                List.of("Waive shipping", "Swap for another colour")), by);
        limits.setForRole(Role.LEAD, new AuthorityLimit.Terms(euros("500.00"), euros("2000.00"),
                List.of("Waive shipping", "Swap for another colour", "Sell a direct-only item to a dealer")), by);
        UUID customer = engine.customerId().orElseThrow();
        SignedInAgent agent = SignedInAgent.of(sam);
        grants.grant(GrantRequest.exception(customer, engine.id().value(), "Waive shipping",
                "The engine was missing from the box: the replacement goes out free"), agent);
        approvals.file(GrantRequest.credit(customer, engine.id().value(), euros("60.00"),
                "A birthday nearly spoiled: a credit towards the next set, beyond my €50"),
                approvals.suggestedHearBy(engine), agent);
    }

    private static Money euros(String amount) {
        return Money.of(amount, "EUR");
    }
}
