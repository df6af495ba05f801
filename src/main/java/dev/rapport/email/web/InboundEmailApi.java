package dev.rapport.email.web;

import dev.rapport.email.EmailSettings;
import dev.rapport.email.Ingestion;
import dev.rapport.email.InboundEmails;
import dev.rapport.email.Mailbox;
import dev.rapport.email.MailboxDirectory;
import dev.rapport.shared.web.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where mail providers push raw MIME messages (the body is the message as it arrived). The token in the path names
 * the mailbox; an unknown token gets a bare 404 so nobody learns which exist. Each mailbox takes at most
 * {@code rapport.email.webhook-per-minute} messages a minute. The same message posted twice is stored once.
 */
@RestController
@Tag(name = "Inbound email")
class InboundEmailApi {

    private final MailboxDirectory directory;
    private final Ingestion ingestion;
    private final InboundEmails inbound;
    private final EmailSettings settings;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    InboundEmailApi(MailboxDirectory directory, Ingestion ingestion, InboundEmails inbound, EmailSettings settings,
                    Clock clock) {
        this.directory = directory;
        this.ingestion = ingestion;
        this.inbound = inbound;
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(summary = "Receive one raw email (RFC 5322 / MIME) for the mailbox the token names")
    @PostMapping(path = "/api/v1/inbound/email/{token}", consumes = MediaType.ALL_VALUE)
    ResponseEntity<?> receive(@PathVariable String token, HttpServletRequest request) throws IOException {
        Mailbox mailbox = directory.byWebhookToken(token).orElse(null);
        if (mailbox == null) {
            return ResponseEntity.notFound().build();
        }
        if (!withinRate(mailbox)) {
            return problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "Too many requests",
                    "This mailbox accepts " + settings.webhookPerMinute() + " messages a minute; retry shortly.");
        }
        long limit = settings.maxMessageSize().toBytes();
        byte[] raw;
        try (InputStream in = request.getInputStream()) {
            raw = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        }
        if (raw.length > limit) {
            return problem(HttpStatus.CONTENT_TOO_LARGE, "message-too-large", "Message too large",
                    "A message may be at most " + settings.maxMessageSize().toMegabytes() + " MB.");
        }
        if (raw.length == 0 || !looksLikeMail(raw)) {
            return problem(HttpStatus.BAD_REQUEST, "not-a-message", "Not an email",
                    "Post the raw message (headers, a blank line, the body) as the request body.");
        }
        Ingestion.Stored stored = ingestion.accept(mailbox.id(), raw);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", stored.id().toString());
        body.put("duplicate", !stored.isNew());
        inbound.find(stored.id()).ifPresent(email -> {
            body.put("status", email.status().toLowerCase());
            if (email.kind() != null) {
                body.put("kind", email.kind().toLowerCase());
            }
        });
        return ResponseEntity.status(stored.isNew() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(body);
    }

    private boolean withinRate(Mailbox mailbox) {
        long minute = clock.millis() / 60_000;
        long[] window = windows.compute(mailbox.id().toString(), (key, current) ->
                current == null || current[0] != minute ? new long[]{minute, 1} : new long[]{minute, current[1] + 1});
        return window[1] <= settings.webhookPerMinute();
    }

    private static boolean looksLikeMail(byte[] raw) {
        String head = new String(raw, 0, Math.min(raw.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.matches("(?s)^[!-9;-~]+:.*");
    }

    private static ResponseEntity<?> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ApiProblems.problem(status, type, title, detail));
    }
}
