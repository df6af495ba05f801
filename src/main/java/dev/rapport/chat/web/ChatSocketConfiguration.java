package dev.rapport.chat.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;

/**
 * Registers the visitors' WebSocket. Any origin may attempt the handshake: {@link VisitorSocket} checks it against the
 * widget's own allowlist, which Spring's global origin check cannot know.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
class ChatSocketConfiguration implements WebSocketConfigurer {

    private final VisitorSocket socket;

    ChatSocketConfiguration(VisitorSocket socket) {
        this.socket = socket;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, "/chat/visitor/ws").addInterceptors(socket).setAllowedOriginPatterns("*");
    }
}
