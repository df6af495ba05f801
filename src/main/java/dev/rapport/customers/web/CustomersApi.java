package dev.rapport.customers.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.customers.AttributeType;
import dev.rapport.customers.ContactChannel;
import dev.rapport.customers.CustomerAttributes;
import dev.rapport.customers.InvalidAttributes;
import dev.rapport.customers.InvalidIdentity;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.customers.CustomerNotFound;
import dev.rapport.customers.CustomerProfile;
import dev.rapport.customers.CustomerSearch;
import dev.rapport.customers.IdentityKind;
import dev.rapport.customers.IdentityTaken;
import dev.rapport.customers.NewCustomer;
import dev.rapport.customers.Organisation;
import dev.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Customers over the REST API: create, read, change, look up by email or phone, identities, passions and notes. */
@RestController
@Tag(name = "Customers")
class CustomersApi {

    record IdentityView(IdentityKind kind, String value) {
    }

    record PassionView(String text, String learnedBy, Instant learnedAt) {
    }

    record NoteView(String id, String body, String author, boolean pinned, Instant createdAt) {
    }

    record CustomerView(long number, String name, String preferredName, String pronunciation, String language,
                        String timeZone, String organisation, String segment, BigDecimal lifetimeSpend,
                        BigDecimal spendLast30Days, Set<ContactChannel> doNotContact, List<IdentityView> identities,
                        List<PassionView> passions, List<NoteView> notes, Map<String, String> attributes,
                        Instant customerSince, boolean erased, Long mergedInto) {
    }

    record AttributeView(String key, String label, AttributeType type, List<String> choices) {
    }

    record CustomerPage(List<CustomerSearch.Row> items, String next) {
    }

    record CreateCustomer(String name, String preferredName, List<String> emails, List<String> phones,
                          List<String> passions, String organisation, Map<String, String> attributes) {
    }

    record ChangeCustomer(String name, String preferredName, String pronunciation, String language, String timeZone,
                          String segment, String organisation, Set<ContactChannel> doNotContact) {
    }

    record AddIdentity(IdentityKind kind, String value) {
    }

    record AddPassion(String text) {
    }

    record AddNote(String body, Boolean pinned) {
    }

    record Value(BigDecimal lifetimeSpend, BigDecimal spendLast30Days) {
    }

    private final CustomerDirectory directory;
    private final CustomerSearch search;
    private final CustomerAttributes attributes;

    CustomersApi(CustomerDirectory directory, CustomerSearch search, CustomerAttributes attributes) {
        this.attributes = attributes;
        this.directory = directory;
        this.search = search;
    }

    @Operation(summary = "List or search customers", description = "Newest first. `q` searches names, emails, "
            + "phones (any format), organisations and numbers; `email` and `phone` look up the one customer with "
            + "that identity. Page on with `cursor`.")
    @GetMapping("/api/v1/customers")
    CustomerPage list(@RequestParam(required = false) String q, @RequestParam(required = false) String email,
                      @RequestParam(required = false) String phone, @RequestParam(required = false) Long cursor,
                      @RequestParam(defaultValue = "25") int size) {
        if (email != null || phone != null) {
            Optional<Customer> found = email != null ? directory.lookup(IdentityKind.EMAIL, email)
                    : directory.lookup(IdentityKind.PHONE, phone);
            return new CustomerPage(found.map(c -> search.search("#" + c.number(), null, 1).rows())
                    .orElse(List.of()), null);
        }
        CustomerSearch.Page page = search.search(q, cursor, size);
        return new CustomerPage(page.rows(), page.next() == null ? null : page.next().toString());
    }

    @Operation(summary = "Get a customer by number")
    @GetMapping("/api/v1/customers/{number}")
    CustomerView get(@PathVariable long number) {
        return view(directory.require(number));
    }

    @Operation(summary = "Create a customer", description = "With any emails, phones (any common format) and "
            + "passions already known. An email or phone that belongs to someone else is a 409 naming them.")
    @PostMapping("/api/v1/customers")
    ResponseEntity<CustomerView> create(@RequestBody CreateCustomer body, @AuthenticationPrincipal SignedInAgent me) {
        Customer customer = directory.create(new NewCustomer(body.name(), body.preferredName(), body.emails(),
                body.phones(), body.passions(), body.organisation(), body.attributes()), me);
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customer.number())).body(view(customer));
    }

    @Operation(summary = "Change a customer's details", description = "Fields left out keep their value.")
    @PatchMapping("/api/v1/customers/{number}")
    CustomerView change(@PathVariable long number, @RequestBody ChangeCustomer body) {
        Customer current = directory.require(number);
        String organisation = current.organisation().flatMap(directory::organisation).map(Organisation::name)
                .orElse(null);
        CustomerProfile profile = new CustomerProfile(or(body.name(), current.name()),
                or(body.preferredName(), current.preferredName()), or(body.pronunciation(), current.pronunciation()),
                or(body.language(), current.language()), or(body.timeZone(), current.timeZone()),
                or(body.segment(), current.segment()), or(body.organisation(), organisation),
                body.doNotContact() == null ? current.doNotContact() : body.doNotContact());
        return view(directory.update(number, profile));
    }

    @Operation(summary = "Add an identity (email, phone, chat visitor or external id)")
    @PostMapping("/api/v1/customers/{number}/identities")
    CustomerView addIdentity(@PathVariable long number, @RequestBody AddIdentity body) {
        if (body.kind() == null) {
            throw new IllegalArgumentException("kind: must be EMAIL, PHONE, CHAT or EXTERNAL");
        }
        return view(directory.addIdentity(number, body.kind(), body.value()));
    }

    @Operation(summary = "Record a passion or interest")
    @PostMapping("/api/v1/customers/{number}/passions")
    CustomerView addPassion(@PathVariable long number, @RequestBody AddPassion body,
                            @AuthenticationPrincipal SignedInAgent me) {
        return view(directory.learnPassion(number, body.text(), me));
    }

    @Operation(summary = "Write a personal note")
    @PostMapping("/api/v1/customers/{number}/notes")
    CustomerView addNote(@PathVariable long number, @RequestBody AddNote body,
                         @AuthenticationPrincipal SignedInAgent me) {
        return view(directory.addNote(number, body.body(), Boolean.TRUE.equals(body.pinned()), me));
    }

    @Operation(summary = "Set attribute values", description = "Values by attribute key (see "
            + "`/api/v1/customer-attributes`); null or an empty string clears one, keys left out keep their value. "
            + "Numbers as 1234.5, dates as 2026-03-31, choices as defined. Any value that does not fit is a 400 "
            + "naming it in `errors`, and nothing is saved.")
    @PutMapping("/api/v1/customers/{number}/attributes")
    CustomerView describe(@PathVariable long number, @RequestBody Map<String, String> body) {
        return view(directory.describe(number, body));
    }

    @Operation(summary = "List the customer attributes the admin defined")
    @GetMapping("/api/v1/customer-attributes")
    List<AttributeView> attributes() {
        return attributes.current().stream()
                .map(a -> new AttributeView(a.key(), a.label(), a.type(), a.choices())).toList();
    }

    @Operation(summary = "Set the customer's value", description = "Lifetime spend and spend in the last 30 days, "
            + "from a shop or an import.")
    @PutMapping("/api/v1/customers/{number}/value")
    CustomerView value(@PathVariable long number, @RequestBody Value body) {
        return view(directory.setValue(number, body.lifetimeSpend(), body.spendLast30Days()));
    }

    @ExceptionHandler(CustomerNotFound.class)
    ResponseEntity<ProblemDetail> notFound(CustomerNotFound e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(IdentityTaken.class)
    ResponseEntity<ProblemDetail> taken(IdentityTaken e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.CONFLICT, "identity-taken", "Identity belongs to "
                + "another customer", e.getMessage() + " Open that customer or merge the two.");
        problem.setProperty("customer", e.ownerNumber());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problem);
    }

    @ExceptionHandler(InvalidAttributes.class)
    ResponseEntity<ProblemDetail> invalidAttributes(InvalidAttributes e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid", "Invalid request",
                e.getMessage());
        problem.setProperty("errors", e.problems().entrySet().stream()
                .map(error -> Map.of("field", "attributes." + error.getKey(), "message", error.getValue())).toList());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(InvalidIdentity.class)
    ResponseEntity<ProblemDetail> invalidIdentity(InvalidIdentity e, jakarta.servlet.http.HttpServletRequest request) {
        String field = request.getRequestURI().endsWith("/identities") ? "value"
                : switch (e.kind()) {
                    case EMAIL -> "emails";
                    case PHONE -> "phones";
                    default -> "value";
                };
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                field + ": " + e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", field, "message", e.getMessage())));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "invalid", "Invalid request", e.getMessage());
    }

    private CustomerView view(Customer c) {
        return new CustomerView(c.number(), c.name(), c.preferredName(), c.pronunciation(), c.language(),
                c.timeZone(), c.organisation().flatMap(directory::organisation).map(Organisation::name).orElse(null),
                c.segment(), c.lifetimeSpend(), c.spendLast30Days(), c.doNotContact(),
                c.identities().stream().map(i -> new IdentityView(i.kind(), i.value())).toList(),
                c.passions().stream().map(p -> new PassionView(p.text(), p.learnedByName(), p.learnedAt())).toList(),
                c.notes().stream().map(n -> new NoteView(n.id().toString(), n.body(), n.authorName(), n.pinned(),
                        n.createdAt())).toList(), c.attributes(), c.createdAt(), c.isErased(),
                c.mergedInto().flatMap(directory::find).map(Customer::number).orElse(null));
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).body(ApiProblems.problem(status, type, title, detail));
    }
}
