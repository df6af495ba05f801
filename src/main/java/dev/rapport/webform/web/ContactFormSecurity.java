package dev.rapport.webform.web;

import dev.rapport.shared.web.SecurityHeaders;
import dev.rapport.webform.WebFormSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The contact form is public and anonymous, and may be embedded in the business's own website
 * ({@code rapport.webform.embed-origins}). It needs no CSRF token: a forged submission could do nothing a visitor
 * cannot do themselves, and a token would break the form inside another site's frame, where cookies are not sent.
 * The honeypot and the per-address limit stop abuse instead.
 */
@Configuration(proxyBeanMethods = false)
class ContactFormSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain contactForm(HttpSecurity http, WebFormSettings settings) throws Exception {
        http.securityMatcher("/contact", "/contact/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers
                        .frameOptions(frame -> frame.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                SecurityHeaders.contentSecurityPolicy(settings.embedOrigins()))));
        return http.build();
    }
}
