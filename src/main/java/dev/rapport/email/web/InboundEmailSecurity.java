package dev.rapport.email.web;

import dev.rapport.shared.web.MachineEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Mail providers push raw messages to the webhook without a session or a bearer token: the secret mailbox token in
 * the path is the credential (checked by {@link InboundEmailApi}), so the path is open, stateless and without CSRF
 * tokens, which only protect browser sessions.
 */
@Configuration(proxyBeanMethods = false)
class InboundEmailSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain inboundEmail(HttpSecurity http) throws Exception {
        return MachineEndpoints.openToMachines(http, "/api/v1/inbound/email/*");
    }
}
