package dev.rapport.chat.web;

import dev.rapport.business.BusinessProfile;
import dev.rapport.chat.ChatDesk;
import dev.rapport.chat.ChatFanOut;
import dev.rapport.chat.ChatJson;
import dev.rapport.chat.ChatSettings;
import dev.rapport.chat.ChatWidget;
import dev.rapport.chat.VisitorLimiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The visitors' WebSocket ({@code /chat/visitor/ws?w=<widget key>}): the handshake is refused for an unknown widget,
 * a page of a website not on its allowlist, or a network over its limit; the first frame is the hello; frames larger
 * than the message cap close the connection.
 */
@Component
class VisitorSocket extends TextWebSocketHandler implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(VisitorSocket.class);
    private static final String WIDGET = "widget";
    private static final String ADDRESS = "address";
    private static final String SESSION = "session";
    private static final String OUT = "out";

    private final VisitorGate gate;
    private final ChatDesk chats;
    private final BusinessProfile business;
    private final VisitorLimiter limiter;
    private final ChatFanOut fanOut;
    private final ChatSettings settings;

    VisitorSocket(VisitorGate gate, ChatDesk chats, BusinessProfile business, VisitorLimiter limiter,
                  ChatFanOut fanOut, ChatSettings settings) {
        this.gate = gate;
        this.chats = chats;
        this.business = business;
        this.limiter = limiter;
        this.fanOut = fanOut;
        this.settings = settings;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        String address = request instanceof ServletServerHttpRequest servlet
                ? servlet.getServletRequest().getRemoteAddr() : String.valueOf(request.getRemoteAddress());
        String key = request instanceof ServletServerHttpRequest servlet
                ? servlet.getServletRequest().getParameter("w") : null;
        VisitorGate.Result result = gate.check(key, request.getHeaders().getOrigin(), address);
        if (!result.allowed()) {
            response.setStatusCode(result.refusal().status());
            return false;
        }
        attributes.put(WIDGET, result.widget());
        attributes.put(ADDRESS, address);
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit(settings.maxMessageLength() * 6 + 4096);
        WebSocketSession safe = new ConcurrentWebSocketSessionDecorator(session, 10_000, 512 * 1024);
        Consumer<String> out = json -> send(safe, json);
        session.getAttributes().put(OUT, out);
        session.getAttributes().put(SESSION, new VisitorSession(chats, business, limiter,
                (ChatWidget) session.getAttributes().get(WIDGET), (String) session.getAttributes().get(ADDRESS)));
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        VisitorSession visitor = (VisitorSession) session.getAttributes().get(SESSION);
        Consumer<String> out = (Consumer<String>) session.getAttributes().get(OUT);
        Map<String, Object> json;
        try {
            json = ChatJson.read(message.getPayload());
        } catch (RuntimeException e) {
            out.accept(ChatJson.event("error", "code", "bad-json", "message", "Rapport did not understand that."));
            return;
        }
        if ("hello".equals(json.get("type"))) {
            visitor.hello(json, fanOut, out);
        } else {
            visitor.receive(json, out);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        VisitorSession visitor = (VisitorSession) session.getAttributes().get(SESSION);
        if (visitor != null) {
            visitor.gone();
        }
    }

    private static void send(WebSocketSession session, String json) {
        try {
            if (session.isOpen()) {
                session.sendMessage(new TextMessage(json));
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Chat push to a visitor failed: {}", e.getMessage());
        }
    }
}
