package dev.rapport.customers.web;

import dev.rapport.agents.Role;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.conversations.CustomerConversations;
import dev.rapport.customers.ContactChannel;
import dev.rapport.customers.CustomerAttributes;
import dev.rapport.customers.InvalidAttributes;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerCards;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.CustomerNotFound;
import dev.rapport.customers.CustomerPrivacy;
import dev.rapport.customers.CustomerProfile;
import dev.rapport.customers.CustomerSearch;
import dev.rapport.customers.IdentityKind;
import dev.rapport.customers.IdentityTaken;
import dev.rapport.customers.Organisation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The customers list with search, the customer page with the full history, and the organisation page. */
@Controller
class CustomerController {

    private final CustomerDirectory directory;
    private final CustomerSearch search;
    private final CustomerCards cards;
    private final CustomerPrivacy privacy;
    private final CustomerConversations history;
    private final CustomerAttributes attributes;

    CustomerController(CustomerDirectory directory, CustomerSearch search, CustomerCards cards,
                       CustomerPrivacy privacy, CustomerConversations history, CustomerAttributes attributes) {
        this.attributes = attributes;
        this.directory = directory;
        this.search = search;
        this.cards = cards;
        this.privacy = privacy;
        this.history = history;
    }

    @GetMapping("/customers")
    String list(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) Long before,
                @AuthenticationPrincipal SignedInAgent me, Model model) {
        model.addAttribute("mayImport", me.role() == Role.ADMIN || me.role() == Role.LEAD);
        model.addAttribute("q", q);
        model.addAttribute("page", search.search(q, before, CustomerSearch.PAGE_SIZE));
        return "customers/list";
    }

    @GetMapping("/customers/{number}")
    String show(@PathVariable long number, @RequestParam(required = false) Long before,
                @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes flash) {
        Customer customer = directory.require(number);
        if (customer.mergedInto().isPresent()) {
            Customer into = directory.find(customer.mergedInto().get()).orElseThrow();
            flash.addFlashAttribute("notice", "Customer #" + number + " was merged into this customer.");
            return "redirect:/customers/" + into.number();
        }
        return page(customer, before, me, model, null);
    }

    @PostMapping("/customers/{number}")
    String update(@PathVariable long number, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) String preferredName,
                  @RequestParam(required = false) String pronunciation, @RequestParam(required = false) String language,
                  @RequestParam(required = false) String timeZone, @RequestParam(required = false) String segment,
                  @RequestParam(required = false) String organisation,
                  @RequestParam(required = false) Set<ContactChannel> doNotContact,
                  @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes flash) {
        CustomerProfile profile = new CustomerProfile(name, preferredName, pronunciation, language, timeZone, segment,
                organisation, doNotContact);
        try {
            directory.update(number, profile);
        } catch (IllegalArgumentException e) {
            model.addAttribute("profile", profile);
            return page(directory.require(number), null, me, model, e.getMessage());
        }
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/customers/" + number;
    }

    @PostMapping("/customers/{number}/attributes")
    String describe(@PathVariable long number, @RequestParam Map<String, String> form,
                    @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes flash) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(ATTRIBUTE_PREFIX)) {
                values.put(name.substring(ATTRIBUTE_PREFIX.length()), value);
            }
        });
        try {
            directory.describe(number, values);
        } catch (InvalidAttributes e) {
            model.addAttribute("attributeValues", values);
            model.addAttribute("attributeProblems", e.problems());
            return page(directory.require(number), null, me, model, "Some fields were not saved: check them below.");
        }
        flash.addFlashAttribute("notice", "Saved.");
        return "redirect:/customers/" + number;
    }

    @PostMapping("/customers/{number}/identities")
    String addIdentity(@PathVariable long number, @RequestParam IdentityKind kind,
                       @RequestParam(defaultValue = "") String value, @AuthenticationPrincipal SignedInAgent me,
                       Model model, RedirectAttributes flash) {
        try {
            directory.addIdentity(number, kind, value);
        } catch (IdentityTaken taken) {
            model.addAttribute("identityTakenBy", taken.ownerNumber());
            model.addAttribute("identityValue", value);
            return page(directory.require(number), null, me, model, taken.getMessage());
        } catch (IllegalArgumentException e) {
            model.addAttribute("identityValue", value);
            return page(directory.require(number), null, me, model, e.getMessage());
        }
        flash.addFlashAttribute("notice", kind.label() + " added.");
        return "redirect:/customers/" + number;
    }

    @PostMapping("/customers/{number}/identities/remove")
    String removeIdentity(@PathVariable long number, @RequestParam IdentityKind kind, @RequestParam String value,
                          RedirectAttributes flash) {
        directory.removeIdentity(number, kind, value);
        flash.addFlashAttribute("notice", kind.label() + " removed.");
        return "redirect:/customers/" + number;
    }

    @PostMapping("/customers/{number}/merge")
    String merge(@PathVariable long number, @RequestParam(defaultValue = "") String other,
                 @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes flash) {
        String digits = other.strip().replace("#", "").replace(",", "");
        try {
            if (!digits.matches("\\d{1,12}")) {
                throw new IllegalArgumentException("Enter the other customer's number, e.g. 3587.");
            }
            long from = Long.parseLong(digits);
            Customer kept = directory.merge(from, number, me);
            flash.addFlashAttribute("notice", "Customer #" + from + " merged into this customer: their identities, "
                    + "notes, passions and conversations are here now.");
            return "redirect:/customers/" + kept.number();
        } catch (IllegalArgumentException | CustomerNotFound e) {
            model.addAttribute("mergeValue", other);
            return page(directory.require(number), null, me, model, e.getMessage());
        }
    }

    @GetMapping("/customers/{number}/export")
    ResponseEntity<Map<String, Object>> export(@PathVariable long number, @AuthenticationPrincipal SignedInAgent me) {
        Map<String, Object> data = privacy.export(number, me);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"customer-" + number + ".json\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(data);
    }

    @PostMapping("/customers/{number}/erase")
    String erase(@PathVariable long number, @RequestParam(defaultValue = "") String confirm,
                 @AuthenticationPrincipal SignedInAgent me, Model model, RedirectAttributes flash) {
        if (!confirm.strip().equals(String.valueOf(number))) {
            return page(directory.require(number), null, me, model,
                    "To erase, type the customer number " + number + " to confirm.");
        }
        privacy.erase(number, me);
        flash.addFlashAttribute("notice", "Customer #" + number + " erased. Their conversations stay, anonymised.");
        return "redirect:/customers/" + number;
    }

    @GetMapping("/organisations/{id}")
    String organisation(@PathVariable UUID id, Model model) {
        Organisation organisation = directory.organisation(new Organisation.OrganisationId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such organisation"));
        var people = directory.peopleOf(organisation.id());
        model.addAttribute("organisation", organisation);
        model.addAttribute("people", people);
        model.addAttribute("conversations", history.of(people.stream().map(c -> c.id().value())
                .collect(Collectors.toSet()), null, 50));
        return "customers/organisation";
    }


    private static final String ATTRIBUTE_PREFIX = "attribute.";

    private String page(Customer customer, Long before, SignedInAgent me, Model model, String problem) {
        model.addAttribute("definitions", attributes.current());
        if (!model.containsAttribute("attributeValues")) {
            model.addAttribute("attributeValues", customer.attributes());
            model.addAttribute("attributeProblems", Map.of());
        }
        model.addAttribute("customer", customer);
        model.addAttribute("card", cards.cardOf(customer, me));
        model.addAttribute("me", me);
        model.addAttribute("kinds", IdentityKind.values());
        model.addAttribute("channels", ContactChannel.values());
        if (!model.containsAttribute("profile")) {
            model.addAttribute("profile", CustomerProfile.of(customer, customer.organisation()
                    .flatMap(directory::organisation).map(Organisation::name).orElse(null)));
        }
        var conversations = history.of(Set.of(customer.id().value()), before, 25);
        model.addAttribute("history", conversations);
        model.addAttribute("historyNext", conversations.size() == 25 ? conversations.getLast().number() : null);
        model.addAttribute("audit", directory.auditTrail(customer.id()));
        model.addAttribute("problem", problem);
        return "customers/customer";
    }
}
