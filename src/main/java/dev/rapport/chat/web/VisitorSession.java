package dev.rapport.chat.web;

import dev.rapport.business.Business;
import dev.rapport.business.BusinessProfile;
import dev.rapport.chat.ChatDesk;
import dev.rapport.chat.ChatFanOut;
import dev.rapport.chat.ChatJson;
import dev.rapport.chat.ChatRefused;
import dev.rapport.chat.ChatWidget;
import dev.rapport.chat.VisitorLimiter;
import dev.rapport.chat.Visitor;
import dev.rapport.conversations.Conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One visitor's connection, whatever carries it (a WebSocket, or an event stream with posts beside it): the hello
 * that recognises them and replays what they missed, then their messages, each answered on {@code reply}.
 */
final class VisitorSession {

    private final ChatDesk chats;
    private final BusinessProfile business;
    private final VisitorLimiter limiter;
    private final ChatWidget widget;
    private final String address;
    private Visitor visitor;
    private AutoCloseable subscription;

    VisitorSession(ChatDesk chats, BusinessProfile business, VisitorLimiter limiter, ChatWidget widget,
                   String address) {
        this.chats = chats;
        this.business = business;
        this.limiter = limiter;
        this.widget = widget;
        this.address = address;
    }

    /** For a post beside an event stream: the visitor is already known by their token. */
    VisitorSession(ChatDesk chats, BusinessProfile business, VisitorLimiter limiter, ChatWidget widget,
                   String address, Visitor visitor) {
        this(chats, business, limiter, widget, address);
        this.visitor = visitor;
    }

    /** Recognises (or makes) the visitor, subscribes {@code push} to their live events and says welcome. */
    void hello(Map<String, Object> hello, ChatFanOut fanOut, Consumer<String> push) {
        Map<?, ?> identity = hello.get("identity") instanceof Map<?, ?> map ? map : Map.of();
        ChatDesk.Welcome welcome = chats.hello(widget, text(hello, "token"), number(hello, "after"),
                text(hello, "page"), new ChatDesk.Identity(str(identity.get("id")), str(identity.get("email")),
                        str(identity.get("name")), str(identity.get("signature"))));
        visitor = welcome.visitor();
        close();
        subscription = fanOut.subscribe(ChatFanOut.visitor(visitor.id()), push);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", "welcome");
        out.put("token", welcome.token());
        out.put("name", visitor.name());
        out.put("email", visitor.email());
        out.put("verified", visitor.isVerified());
        out.put("online", welcome.online());
        out.put("helper", chats.helperOf(visitor).orElse(null));
        out.put("chatting", visitor.conversation() != null);
        out.put("lines", chats.linesJson(welcome.lines()));
        out.put("widget", widgetJson());
        push.accept(ChatJson.write(out));
        chats.connected(visitor, true);
    }

    private Map<String, Object> widgetJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("title", business.current().map(Business::name).orElse(widget.name()));
        out.put("colour", widget.colour());
        out.put("greeting", widget.greeting());
        out.put("offlineMessage", widget.offlineMessage());
        out.put("nameField", widget.nameField().name().toLowerCase());
        out.put("emailField", widget.emailField().name().toLowerCase());
        out.put("maxFileBytes", chats.fileSettings().maxSize().toBytes());
        out.put("fileTypes", chats.fileSettings().types().stream().sorted().toList());
        return out;
    }

    boolean isRecognised() {
        return visitor != null;
    }

    /** Handles one message from the visitor; what answers it goes to {@code reply}. */
    void receive(Map<String, Object> message, Consumer<String> reply) {
        String type = text(message, "type");
        String id = text(message, "id");
        try {
            if (visitor == null) {
                throw new ChatRefused("hello-first", "Please reconnect.");
            }
            switch (type == null ? "" : type) {
                case "say" -> {
                    ChatDesk.Said said = chats.say(widget, visitor.id(), id, text(message, "text"),
                            text(message, "name"), text(message, "email"));
                    visitor = chats.visitor(visitor.id()).orElse(visitor);
                    reply.accept(ChatJson.event("ack", "id", id, "seq", said.line().seq(),
                            "duplicate", said.duplicate(), "number", chats.numberOf(said.line())));
                }
                case "typing" -> chats.typing(current(), Boolean.TRUE.equals(message.get("on")));
                case "read" -> chats.read(current(), number(message, "seq"));
                case "transcript" -> {
                    requireAddressAllowed();
                    chats.sendTranscript(current(), text(message, "email"));
                    reply.accept(ChatJson.event("transcript-sent", "id", id));
                }
                case "offline" -> {
                    requireAddressAllowed();
                    Conversation left = chats.leaveMessage(widget, text(message, "name"), text(message, "email"),
                            text(message, "text"));
                    reply.accept(ChatJson.event("left", "id", id, "number", left.number()));
                }
                case "ping" -> reply.accept(ChatJson.event("pong"));
                default -> throw new ChatRefused("unknown-type", "Rapport did not understand that.");
            }
        } catch (ChatRefused refused) {
            reply.accept(ChatJson.event("error", "id", id, "code", refused.code(), "message", refused.getMessage()));
        }
    }

    private void requireAddressAllowed() {
        if (!limiter.allowsAddress(address)) {
            throw new ChatRefused("too-fast", "Too many requests from your network. Please wait a minute.");
        }
    }

    private Visitor current() {
        visitor = chats.visitor(visitor.id()).orElse(visitor);
        return visitor;
    }

    /** Ends the live subscription (the connection went away). */
    void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // an in-process subscription closes without failing
            }
            subscription = null;
        }
    }

    void gone() {
        close();
        if (visitor != null) {
            chats.connected(visitor, false);
        }
    }

    static String text(Map<?, ?> map, String key) {
        return str(map.get(key));
    }

    private static String str(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    static long number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return value == null ? 0 : Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
