package dev.rapport.coach.web;

import dev.rapport.coach.Analysis;
import dev.rapport.coach.Coach;
import dev.rapport.coach.CoachSettings;
import dev.rapport.coach.Finding;
import dev.rapport.coach.Kind;
import dev.rapport.coach.PositiveSignal;
import dev.rapport.customers.Customer;
import dev.rapport.customers.CustomerDirectory;
import dev.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The reply coach over the REST API: a draft in, findings with their exact spans and the good moves out. The
 * customer's preferred name, for the greeting check, comes from their card when the draft names the customer.
 */
@RestController
@Tag(name = "Reply coach")
class CoachApi {

    /**
     * @param text           the whole draft, quoted mail included
     * @param customerNumber whose card to take the preferred name from (optional)
     * @param kind           {@code REPLY} (default) or {@code NOTE}
     */
    record AnalyzeRequest(String text, Long customerNumber, String kind) {
    }

    record FindingView(int category, String categoryName, String label, int start, int end, String text, String ruleId,
                       String why, String suggestion, String replacement, boolean worthASecondLook) {
    }

    record SignalView(String signal, String label, int start, int end, String text, String ruleId, String why) {
    }

    record AnalysisView(Kind kind, Long customerNumber, String preferredName, List<FindingView> findings,
                        List<SignalView> signals) {
    }

    /** A request the coach can't read, with the field at fault. */
    static final class InvalidDraft extends RuntimeException {

        final String field;

        InvalidDraft(String field, String message) {
            super(field + ": " + message);
            this.field = field;
        }
    }

    static final class UnknownCustomer extends RuntimeException {

        UnknownCustomer(long number) {
            super("There is no customer #" + number + ".");
        }
    }

    private final Coach coach;
    private final CustomerDirectory customers;
    private final CoachSettings settings;

    CoachApi(Coach coach, CustomerDirectory customers, CoachSettings settings) {
        this.coach = coach;
        this.customers = customers;
        this.settings = settings;
    }

    @Operation(summary = "Coach a draft before it is sent", description = "Marks blame-shifting, sarcasm, sending "
            + "the customer away, vague or false promises, a cold no, can't without can, robotic script, shouting, a "
            + "missing name and a missing next step in replies, and contempt in internal notes; each finding has its "
            + "category (1-11), the exact span (UTF-16 offsets, end exclusive; start = end marks an insertion), a "
            + "stable rule id, why it matters, a suggestion and, where there is one, a replacement for the span. Good "
            + "moves come back as signals. Quoted mail and text attributed to someone else are skipped. With "
            + "`customerNumber`, the greeting is checked against the name on their card. Never blocks anything: "
            + "`worthASecondLook` marks categories 1-5, which a composer may show once more at send time.")
    @PostMapping("/api/v1/coach/analyze")
    AnalysisView analyze(@RequestBody(required = false) AnalyzeRequest body) {
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw new InvalidDraft("text", "must not be blank");
        }
        if (body.text().length() > settings.maxTextLength()) {
            throw new InvalidDraft("text", "must be at most " + settings.maxTextLength() + " characters (it has "
                    + body.text().length() + ")");
        }
        Kind kind = kind(body.kind());
        Optional<String> name = Optional.empty();
        if (body.customerNumber() != null) {
            Customer customer = customers.findByNumber(body.customerNumber())
                    .orElseThrow(() -> new UnknownCustomer(body.customerNumber()));
            name = customer.isErased() ? Optional.empty() : Optional.ofNullable(customer.callThem());
        }
        Analysis analysis = coach.analyze(body.text(), kind, name);
        String text = body.text();
        return new AnalysisView(kind, body.customerNumber(), name.orElse(null),
                analysis.findings().stream().map(finding -> view(finding, text)).toList(),
                analysis.signals().stream().map(signal -> view(signal, text)).toList());
    }

    private static Kind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return Kind.REPLY;
        }
        try {
            return Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidDraft("kind", "must be one of " + Arrays.toString(Kind.values()));
        }
    }

    private static FindingView view(Finding finding, String text) {
        return new FindingView(finding.category().number(), finding.category().name(), finding.category().label(),
                finding.span().start(), finding.span().end(), finding.span().of(text), finding.ruleId(), finding.why(),
                finding.suggestion(), finding.replacement().orElse(null), finding.category().worthASecondLook());
    }

    private static SignalView view(PositiveSignal signal, String text) {
        return new SignalView(signal.signal().name(), signal.signal().label(), signal.span().start(),
                signal.span().end(), signal.span().of(text), signal.ruleId(), signal.why());
    }

    @ExceptionHandler(InvalidDraft.class)
    ResponseEntity<ProblemDetail> invalid(InvalidDraft e) {
        ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                e.getMessage());
        problem.setProperty("errors", List.of(Map.of("field", e.field, "message",
                e.getMessage().substring(e.field.length() + 2))));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(UnknownCustomer.class)
    ResponseEntity<ProblemDetail> unknownCustomer(UnknownCustomer e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ApiProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
    }
}
