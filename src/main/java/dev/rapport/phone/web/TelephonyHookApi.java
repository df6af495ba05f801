package dev.rapport.phone.web;

import dev.rapport.phone.HookGateway;
import dev.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Where phone systems post call events (docs/telephony.md). Signed with the hook's secret instead of a bearer token;
 * an unknown hook gets a bare 404 so that nobody learns which tokens exist.
 */
@RestController
@Tag(name = "Telephony hook")
class TelephonyHookApi {

    private final HookGateway gateway;

    TelephonyHookApi(HookGateway gateway) {
        this.gateway = gateway;
    }

    @Operation(summary = "Receive a call event (call.started, call.answered, call.ended) signed with the hook's secret")
    @PostMapping(path = "/api/v1/telephony/{token}/events", consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> event(@PathVariable String token,
                            @RequestHeader(name = "X-Rapport-Timestamp", required = false) String timestamp,
                            @RequestHeader(name = "X-Rapport-Signature", required = false) String signature,
                            @RequestHeader(name = "X-Rapport-Event-Id", required = false) String eventId,
                            @RequestBody(required = false) String body) {
        HookGateway.Receipt receipt = gateway.receive(token, timestamp, signature, eventId, body == null ? "" : body);
        return switch (receipt.verdict()) {
            case ACCEPTED -> ResponseEntity.ok(Map.of("status", "accepted", "call", receipt.call().id().toString(),
                    "state", receipt.call().state().name().toLowerCase()));
            case DUPLICATE -> ResponseEntity.ok(Map.of("status", "duplicate", "detail", receipt.detail()));
            case NO_SUCH_HOOK -> ResponseEntity.notFound().build();
            case UNAUTHORIZED -> problem(HttpStatus.UNAUTHORIZED, "bad-signature", "Not signed", receipt.detail());
            case INVALID -> problem(HttpStatus.BAD_REQUEST, "invalid-call-event", "Invalid call event",
                    receipt.detail());
            case TOO_MANY -> problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                    receipt.detail());
        };
    }

    private static ResponseEntity<?> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(status, type, title, detail));
    }
}
