package dev.rapport.promises.web;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.promises.Promise;
import dev.rapport.promises.PromiseLedger;
import dev.rapport.promises.PromiseRejected;
import dev.rapport.promises.PromiseSearch;
import dev.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The promise ledger over the REST API: list and read the promises the caller may see, make one on a conversation,
 * and move it on (done, customer contacted, renegotiated, cancelled, resolved after a break). Every change answers
 * with the promise and its whole history.
 */
@RestController
@Tag(name = "Promises")
class PromisesApi {

    record MakePromise(@NotBlank(message = "must not be blank") String conversationId,
                       @NotBlank(message = "must not be blank")
                       @Size(max = 300, message = "must be at most 300 characters") String what,
                       @NotBlank(message = "must not be blank") String owner,
                       @NotNull(message = "must be given") Instant dueAt,
                       String contactBy, Instant contactAt) {
    }

    record Renegotiate(@NotNull(message = "must be given") Instant dueAt, Instant contactAt,
                       @Size(max = 500, message = "must be at most 500 characters") String message) {
    }

    record Note(@Size(max = 800, message = "must be at most 800 characters") String note) {
    }

    record Cancel(@Size(max = 1000, message = "must be at most 1000 characters") String reason) {
    }

    record ListPage(List<PromiseJson> items, String next) {
    }

    private final PromiseLedger ledger;
    private final PromiseSearch search;
    private final PromiseJsons views;
    private final References references;
    private final Clock clock;

    PromisesApi(PromiseLedger ledger, PromiseSearch search, PromiseJsons views, References references, Clock clock) {
        this.ledger = ledger;
        this.search = search;
        this.views = views;
        this.references = references;
        this.clock = clock;
    }

    @GetMapping("/api/v1/promises")
    @Operation(summary = "List promises", description = "Soonest deadline first, only those you may see. Filters: "
            + "'owner' (an agent id, a team id or 'me'), 'state' (one or more, e.g. state=OPEN,DONE), 'dueBefore' "
            + "and 'dueAfter' (ISO-8601 instants), 'customer' (id or number), 'conversation' (id or number). Pass "
            + "'next' back as 'after' for the following page; a page may hold fewer than 'limit' promises while "
            + "'next' is not null.")
    ListPage list(@AuthenticationPrincipal SignedInAgent me,
                  @RequestParam(required = false) String owner, @RequestParam(required = false) List<String> state,
                  @RequestParam(required = false) String dueBefore, @RequestParam(required = false) String dueAfter,
                  @RequestParam(required = false) String customer,
                  @RequestParam(required = false) String conversation,
                  @RequestParam(defaultValue = "25") int limit, @RequestParam(required = false) String after) {
        References.Owner owning = blank(owner) ? new References.Owner(null, null)
                : references.owner(owner, me, "owner");
        PromiseSearch.Filter filter = new PromiseSearch.Filter(owning.agent(), owning.team(),
                state == null ? Set.of() : References.states(state, "state"),
                blank(dueBefore) ? null : References.instant(dueBefore, "dueBefore"),
                blank(dueAfter) ? null : References.instant(dueAfter, "dueAfter"),
                blank(customer) ? null : references.customer(customer, "customer"),
                blank(conversation) ? null : references.conversation(conversation, "conversation"));
        PromiseSearch.Page page;
        try {
            page = search.page(filter, me, after, limit);
        } catch (IllegalArgumentException badCursor) {
            throw new InvalidParameter("after", badCursor.getMessage());
        }
        return new ListPage(page.promises().stream().map(views::of).toList(), page.next());
    }

    @GetMapping("/api/v1/promises/{id}")
    @Operation(summary = "Get a promise with its history")
    PromiseJson get(@PathVariable String id, @AuthenticationPrincipal SignedInAgent me) {
        return views.of(visible(id, me));
    }

    @PostMapping("/api/v1/promises")
    @Operation(summary = "Make a promise on a conversation", description = "'conversationId' is the conversation's "
            + "id or number; 'owner' an agent id, a team id or 'me'; 'contactBy' (who tells the customer) defaults "
            + "to the owner and 'contactAt' to 'dueAt'. A 'contactAt' before 'dueAt' is accepted with a warning in "
            + "'warnings'. A conversation you may not see is a 403.")
    ResponseEntity<PromiseJson> make(@Valid @RequestBody MakePromise request,
                                     @AuthenticationPrincipal SignedInAgent me) {
        UUID conversation = references.conversation(request.conversationId(), "conversationId");
        References.Owner owner = references.owner(request.owner(), me, "owner");
        UUID contactBy = blank(request.contactBy()) ? null : references.agent(request.contactBy(), me, "contactBy");
        Promise promise = ledger.make(new Promise.Terms(conversation, null, request.what(), owner.agent(),
                owner.team(), contactBy, request.dueAt(), request.contactAt()), me);
        return ResponseEntity.created(URI.create("/api/v1/promises/" + promise.id()))
                .body(views.of(promise).withWarnings(warnings(request.dueAt(), request.contactAt())));
    }

    @PostMapping("/api/v1/promises/{id}/done")
    @Operation(summary = "Mark the work done", description = "The promise is kept once the customer is told "
            + "(a reply on the conversation, or /contacted) by the contact deadline.")
    PromiseJson done(@PathVariable String id, @AuthenticationPrincipal SignedInAgent me) {
        return views.of(ledger.markDone(visible(id, me).id(), me.name()));
    }

    @PostMapping("/api/v1/promises/{id}/contacted")
    @Operation(summary = "Record that the customer was told", description = "For contact outside Rapport (a call, "
            + "at the counter); 'note' says how. A reply on the conversation counts by itself.")
    PromiseJson contacted(@PathVariable String id, @Valid @RequestBody Note request,
                          @AuthenticationPrincipal SignedInAgent me) {
        ledger.requireMayTellCustomers(me);
        return views.of(ledger.markContacted(visible(id, me).id(), request.note(), me.name()));
    }

    @PostMapping("/api/v1/promises/{id}/renegotiate")
    @Operation(summary = "Agree new deadlines with the customer", description = "'dueAt' is required, 'contactAt' "
            + "defaults to it; 'message' says what the customer was told. A 'contactAt' before 'dueAt' is accepted "
            + "with a warning. A kept or cancelled promise is a 409: make a new one.")
    PromiseJson renegotiate(@PathVariable String id, @Valid @RequestBody Renegotiate request,
                            @AuthenticationPrincipal SignedInAgent me) {
        UUID promise = visible(id, me).id();
        ledger.requireMayTellCustomers(me);
        if (request.contactAt() != null && !request.contactAt().isAfter(clock.instant())) {
            throw new PromiseRejected("contactAt", "The time to contact the customer has already passed.");
        }
        Promise renegotiated;
        try {
            renegotiated = ledger.renegotiate(promise, request.dueAt(), request.contactAt(), request.message(),
                    me.name());
        } catch (IllegalStateException keptOrCancelled) {
            throw new PromiseRejected("state", keptOrCancelled.getMessage());
        }
        return views.of(renegotiated).withWarnings(warnings(request.dueAt(), request.contactAt()));
    }

    @PostMapping("/api/v1/promises/{id}/cancel")
    @Operation(summary = "Cancel a promise that is no longer needed", description = "'reason' is required. A kept "
            + "promise cannot be cancelled (409).")
    PromiseJson cancel(@PathVariable String id, @Valid @RequestBody Cancel request,
                       @AuthenticationPrincipal SignedInAgent me) {
        return views.of(ledger.cancel(visible(id, me).id(), request.reason(), me.name()));
    }

    @PostMapping("/api/v1/promises/{id}/resolve")
    @Operation(summary = "Record what happened after a promise broke", description = "'note' is required; only a "
            + "broken promise is resolved (409 otherwise). It leaves the broken list and keeps its history.")
    PromiseJson resolve(@PathVariable String id, @Valid @RequestBody Note request,
                        @AuthenticationPrincipal SignedInAgent me) {
        return views.of(ledger.resolve(visible(id, me).id(), request.note(), me.name()));
    }

    private Promise visible(String id, SignedInAgent me) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw new PromiseLedger.NoSuchPromise(null);
        }
        return ledger.visibleTo(uuid, me);
    }

    private static List<PromiseJson.Warning> warnings(Instant dueAt, Instant contactAt) {
        if (contactAt != null && dueAt != null && contactAt.isBefore(dueAt)) {
            return List.of(new PromiseJson.Warning("contactAt", "The customer is to be told before the work is "
                    + "due: the promise is kept only if the work is done and the customer told by contactAt. Fine "
                    + "for a promise to give news; otherwise choose a contactAt after dueAt."));
        }
        return List.of();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Terms the ledger refuses, naming the field; "state" is its word for a change the promise's state forbids. */
    @ExceptionHandler(PromiseRejected.class)
    ResponseEntity<ProblemDetail> rejected(PromiseRejected e) {
        return "state".equals(e.field()) ? notNow(e) : invalid(e.field(), e.getMessage());
    }

    @ExceptionHandler(InvalidParameter.class)
    ResponseEntity<ProblemDetail> invalid(InvalidParameter e) {
        return invalid(e.field(), e.getMessage());
    }

    /** The promise is not in a state that allows this (the domain says which and why). */
    private static ResponseEntity<ProblemDetail> notNow(PromiseRejected e) {
        return problem(HttpStatus.CONFLICT, "promise-state", "Not possible in the promise's state", e.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> changedMeanwhile(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "conflict", "Changed by someone else",
                "Someone else changed this promise at the same moment; read it again and retry.");
    }

    @ExceptionHandler(PromiseLedger.NoSuchPromise.class)
    ResponseEntity<ProblemDetail> notFound(PromiseLedger.NoSuchPromise e) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                "There is no such promise, or it is not yours to see.");
    }

    @ExceptionHandler(PromiseLedger.NotYours.class)
    ResponseEntity<ProblemDetail> notYours(PromiseLedger.NotYours e) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage());
    }

    private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                field + ": " + message);
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).body(ApiProblems.problem(status, type, title, detail));
    }
}
