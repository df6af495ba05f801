package dev.rapport.chat.web;

import dev.rapport.business.BusinessProfile;
import dev.rapport.chat.ChatDesk;
import dev.rapport.chat.ChatFanOut;
import dev.rapport.chat.ChatJson;
import dev.rapport.chat.ChatSettings;
import dev.rapport.chat.VisitorLimiter;
import dev.rapport.chat.Visitor;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The fallback where WebSockets are blocked: an event stream ({@code GET /chat/visitor/events}) carries what the
 * WebSocket would push, and the visitor's messages are posted ({@code POST /chat/visitor/send}, as text/plain so the
 * browser needs no preflight) with the answer in the response. The same checks as the WebSocket apply.
 */
@Controller
class VisitorFallbackController {

    private final VisitorGate gate;
    private final ChatDesk chats;
    private final BusinessProfile business;
    private final VisitorLimiter limiter;
    private final ChatFanOut fanOut;
    private final ChatSettings settings;
    private final Set<SseEmitter> streams = new CopyOnWriteArraySet<>();

    VisitorFallbackController(VisitorGate gate, ChatDesk chats, BusinessProfile business, VisitorLimiter limiter,
                              ChatFanOut fanOut, ChatSettings settings) {
        this.gate = gate;
        this.chats = chats;
        this.business = business;
        this.limiter = limiter;
        this.fanOut = fanOut;
        this.settings = settings;
    }

    @GetMapping(path = "/chat/visitor/events", produces = "text/event-stream")
    Object events(@RequestParam(name = "w", required = false) String widgetKey,
                  @RequestParam(required = false) String token, @RequestParam(defaultValue = "0") long after,
                  @RequestParam(required = false) String page, @RequestParam(required = false) String id,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String signature,
                  HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        VisitorGate.Result result = gate.check(widgetKey, origin, request.getRemoteAddr());
        if (!result.allowed()) {
            return refusal(result.refusal());
        }
        allow(response, origin);
        SseEmitter emitter = new SseEmitter(0L);
        VisitorSession session = new VisitorSession(chats, business, limiter, result.widget(),
                request.getRemoteAddr());
        Map<String, Object> hello = new LinkedHashMap<>();
        hello.put("token", token);
        hello.put("after", after);
        hello.put("page", page);
        hello.put("identity", identity(id, email, name, signature));
        streams.add(emitter);
        Runnable end = () -> {
            streams.remove(emitter);
            session.gone();
        };
        emitter.onCompletion(end);
        emitter.onTimeout(end);
        emitter.onError(error -> end.run());
        session.hello(hello, fanOut, json -> ChatStreams.send(emitter, json));
        return emitter;
    }

    @PostMapping(path = "/chat/visitor/send", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> send(@RequestParam(name = "w", required = false) String widgetKey,
                                @RequestParam(required = false) String token, @RequestBody String body,
                                HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        VisitorGate.Result result = gate.check(widgetKey, origin, request.getRemoteAddr());
        if (!result.allowed()) {
            return refusal(result.refusal());
        }
        allow(response, origin);
        if (body.length() > settings.maxMessageLength() * 6 + 4096) {
            return ResponseEntity.status(413).body(ChatJson.event("error", "code", "too-long",
                    "message", "That message is too long."));
        }
        Optional<Visitor> visitor = chats.visitor(result.widget(), token);
        if (visitor.isEmpty()) {
            return ResponseEntity.status(401).body(ChatJson.event("error", "code", "hello-first",
                    "message", "Please reconnect."));
        }
        Map<String, Object> message;
        try {
            message = ChatJson.read(body);
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().body(ChatJson.event("error", "code", "bad-json",
                    "message", "Rapport did not understand that."));
        }
        List<String> replies = new ArrayList<>();
        new VisitorSession(chats, business, limiter, result.widget(), request.getRemoteAddr(), visitor.get())
                .receive(message, replies::add);
        return ResponseEntity.ok("[" + String.join(",", replies) + "]");
    }

    /** Ends every stream when the application stops, so that graceful shutdown does not wait for open widgets. */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeAll() {
        streams.forEach(SseEmitter::complete);
    }

    /** Keeps idle streams open through proxies and finds the ones that died without a goodbye. */
    @Scheduled(fixedDelay = 20_000)
    void heartbeat() {
        streams.forEach(emitter -> ChatStreams.send(emitter, ChatJson.event("ping")));
    }

    private static Map<String, Object> identity(String id, String email, String name, String signature) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("id", id);
        identity.put("email", email);
        identity.put("name", name);
        identity.put("signature", signature);
        return identity;
    }

    private static void allow(HttpServletResponse response, String origin) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Vary", "Origin");
    }

    private static ResponseEntity<String> refusal(VisitorGate.Refusal refusal) {
        return ResponseEntity.status(refusal.status()).contentType(MediaType.APPLICATION_JSON)
                .body(ChatJson.event("error", "code", refusal.status().value(), "message", refusal.reason()));
    }
}
