package dev.rapport.promises.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.customers.CardSection;
import dev.rapport.customers.Customer;
import dev.rapport.promises.PromiseLedger;
import org.springframework.stereotype.Component;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customer's open promises on their card: what, who, by when, and whether it is late or broken. Kept and cancelled
 * ones are history and stay on the conversations.
 */
@Component
class PromiseCardSection implements CardSection {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

    private final PromiseLedger ledger;
    private final PromiseViews views;
    private final PromiseDrafting drafting;

    PromiseCardSection(PromiseLedger ledger, PromiseViews views, PromiseDrafting drafting) {
        this.ledger = ledger;
        this.views = views;
        this.drafting = drafting;
    }

    @Override
    public Optional<Content> contentFor(Customer.CustomerId customer, SignedInAgent viewer) {
        List<String> lines = views.of(ledger.forCustomer(customer.value()).stream()
                        .filter(promise -> promise.state().pending() || promise.needsFollowUp())
                        .filter(promise -> ledger.canSee(promise, viewer)).toList())
                .stream()
                .map(view -> (view.promise().needsFollowUp() ? "Broken: " : view.overdue() ? "Late: " : "")
                        + view.promise().what() + " — " + view.ownerName() + ", by "
                        + WHEN.format(view.promise().dueAt().atZone(drafting.zone()))
                        + (view.number() == null ? "" : " (#" + view.number() + ")"))
                .toList();
        return lines.isEmpty() ? Optional.empty() : Optional.of(new Content("Open promises", lines));
    }
}
