package dev.rapport.customers.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerCards;
import dev.rapport.customers.CustomerDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The customer card beside a conversation, and its in-place edits (htmx): learn a passion, write or pin a note,
 * dismiss the "learn one thing" prompt. Every edit answers with the card again, so the agent never leaves the page.
 */
@Controller
class CustomerCardController {

    private final CustomerDirectory directory;
    private final CustomerCards cards;

    CustomerCardController(CustomerDirectory directory, CustomerCards cards) {
        this.directory = directory;
        this.cards = cards;
    }

    @GetMapping("/customers/card/{id}")
    String card(@PathVariable UUID id, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Customer customer = directory.find(new Customer.CustomerId(id))
                .map(found -> found.mergedInto().flatMap(directory::find).orElse(found))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such customer"));
        return render(customer, me, model, null);
    }

    @PostMapping("/customers/{number}/passions")
    String learn(@PathVariable long number, @RequestParam(defaultValue = "") String text,
                 @AuthenticationPrincipal SignedInAgent me, Model model) {
        return edit(number, me, model, () -> directory.learnPassion(number, text, me));
    }

    @PostMapping("/customers/{number}/passions/{passion}/delete")
    String forget(@PathVariable long number, @PathVariable UUID passion, @AuthenticationPrincipal SignedInAgent me,
                  Model model) {
        return edit(number, me, model, () -> directory.forgetPassion(number, passion));
    }

    @PostMapping("/customers/{number}/notes")
    String note(@PathVariable long number, @RequestParam(defaultValue = "") String body,
                @RequestParam(defaultValue = "false") boolean pinned, @AuthenticationPrincipal SignedInAgent me,
                Model model) {
        return edit(number, me, model, () -> directory.addNote(number, body, pinned, me));
    }

    @PostMapping("/customers/{number}/notes/{note}")
    String editNote(@PathVariable long number, @PathVariable UUID note, @RequestParam(required = false) String body,
                    @RequestParam(required = false) Boolean pinned, @AuthenticationPrincipal SignedInAgent me,
                    Model model) {
        return edit(number, me, model, () -> directory.editNote(number, note, body, pinned, me));
    }

    @PostMapping("/customers/{number}/prompt/dismiss")
    String dismiss(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me, Model model) {
        Customer customer = directory.require(number);
        cards.dismissPrompt(customer, me.id());
        return render(customer, me, model, null);
    }

    private String edit(long number, SignedInAgent me, Model model, Supplier<Customer> change) {
        try {
            return render(change.get(), me, model, null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("typed", model.getAttribute("typed"));
            return render(directory.require(number), me, model, e.getMessage());
        }
    }

    private String render(Customer customer, SignedInAgent me, Model model, String problem) {
        model.addAttribute("card", cards.cardOf(customer, me));
        model.addAttribute("me", me);
        model.addAttribute("cardProblem", problem);
        return "customers/card :: card";
    }
}
