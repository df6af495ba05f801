package dev.rapport.owed.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.customers.CardSection;
import dev.rapport.customers.Customer;
import dev.rapport.owed.OwedLedger;
import dev.rapport.owed.OwedState;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * What we owe the customer, on their card: every entry still owed in a sentence, overdue ones first marked. Paid and
 * cancelled entries stay on their conversations.
 */
@Component
class OwedCardSection implements CardSection {

    private final OwedLedger ledger;
    private final OwedViews views;

    OwedCardSection(OwedLedger ledger, OwedViews views) {
        this.ledger = ledger;
        this.views = views;
    }

    @Override
    public Optional<Content> contentFor(Customer.CustomerId customer, SignedInAgent viewer) {
        List<String> lines = views.of(ledger.forCustomer(customer.value()).stream()
                        .filter(entry -> entry.state() == OwedState.OWED)
                        .filter(entry -> ledger.canSee(entry, viewer)).toList(),
                        null).stream()
                .map(view -> (view.overdue() ? "Overdue: " : "") + view.sentence()
                        + (view.conversationNumber() == null ? "" : " #" + view.conversationNumber()))
                .toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(new Content("Money we owe", lines));
    }
}
