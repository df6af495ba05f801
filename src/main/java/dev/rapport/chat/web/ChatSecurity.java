package dev.rapport.chat.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The visitors' side of chat is public and anonymous and runs on the business's own website: the widget script, its
 * WebSocket and its fallback. No session and no CSRF token (no cookie is ever used to authenticate a visitor; their
 * token travels in the request); the widget's origin allowlist and the rate limits guard it instead.
 */
@Configuration(proxyBeanMethods = false)
class ChatSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain chatVisitors(HttpSecurity http) throws Exception {
        http.securityMatcher("/chat/widget.js", "/chat/visitor/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .crossOriginResourcePolicy(policy -> policy.policy(
                                org.springframework.security.web.header.writers.CrossOriginResourcePolicyHeaderWriter
                                        .CrossOriginResourcePolicy.CROSS_ORIGIN)));
        return http.build();
    }
}
