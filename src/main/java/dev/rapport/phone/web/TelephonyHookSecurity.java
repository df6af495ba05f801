package dev.rapport.phone.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
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
        http.securityMatcher("/api/v1/telephony/*/events")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
