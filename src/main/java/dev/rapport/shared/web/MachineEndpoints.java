package dev.rapport.shared.web;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Endpoints other systems call (a mail provider's webhook, a phone system's events): no session, no bearer token and
 * no CSRF token, because no browser calls them; each request proves itself in the endpoint's own code (a secret token
 * in the path, an HMAC signature), which also limits how often it may be called. Nothing they return is a page, so
 * the content security policy allows nothing.
 */
public final class MachineEndpoints {

    private MachineEndpoints() {
    }

    public static SecurityFilterChain openToMachines(HttpSecurity http, String... paths) throws Exception {
        http.securityMatcher(paths)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }
}
