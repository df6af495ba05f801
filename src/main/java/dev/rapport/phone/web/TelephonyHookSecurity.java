package dev.rapport.phone.web;

import dev.rapport.shared.web.MachineEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Phone systems post to the hook without a bearer token or a session: each request proves itself with the hook's
 * HMAC signature (checked by {@code HookGateway}), so the path is open, stateless and without CSRF tokens, which
 * only protect browser sessions. The gateway limits how often one hook URL may be called.
 */
@Configuration(proxyBeanMethods = false)
class TelephonyHookSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain telephonyHook(HttpSecurity http) throws Exception {
        return MachineEndpoints.openToMachines(http, "/api/v1/telephony/*/events");
    }
}
