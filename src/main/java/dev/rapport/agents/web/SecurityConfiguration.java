package dev.rapport.agents.web;

import dev.rapport.agents.ApiAccess;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignIn;
import dev.rapport.shared.web.ApiProblems;
import dev.rapport.shared.web.SecurityHeaders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the REST API and operational endpoints authenticate each request by bearer token and answer
 * with problem details; the pages use a session, a sign-in form and CSRF tokens (sent as a header by htmx).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = SecurityHeaders.contentSecurityPolicy(java.util.List.of());

    /** Swagger UI sets inline styles on its elements; the rest of the policy stays as strict. */
    static final String API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The only way to sign in with a password. Being a bean, it also stops Spring Boot from creating its default
     * in-memory user with a generated password.
     */
    @Bean
    SignInProvider signInProvider(SignIn signIn) {
        return new SignInProvider(signIn);
    }

    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.fromHierarchy("""
                %s > %s
                %s > %s
                """.formatted(Role.ADMIN.authority(), Role.LEAD.authority(),
                Role.LEAD.authority(), Role.AGENT.authority()));
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiAccess apiAccess) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/tokens").permitAll()
                        .requestMatchers("/actuator/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(apiAccess), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"rapport\"");
                            ApiProblems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "Unauthenticated", "Send a valid API token as 'Authorization: Bearer rpt_...'.",
                                    request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, e) -> ApiProblems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "Your role does not allow this.", request.getRequestURI())))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'")));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiDocs(HttpSecurity http) throws Exception {
        http.securityMatcher("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.ADMIN.name()))
                .formLogin(form -> form.loginPage("/login"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_DOCS_CONTENT_SECURITY_POLICY)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, SignInProvider signInProvider, Roster roster) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/setup", "/invitations/**", "/error", "/favicon.ico",
                                "/css/**", "/js/**", "/img/**", "/webjars/**").permitAll()
                        .requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .authenticationProvider(signInProvider)
                .formLogin(form -> form
                        .loginPage("/login")
                        .usernameParameter("email")
                        .defaultSuccessUrl("/inbox")
                        .failureHandler(new SignInFailureHandler())
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .addFilterAfter(new ActiveAgentFilter(roster), UsernamePasswordAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer
                                .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frame -> frame.deny()))
                .httpBasic(basic -> basic.disable())
                .csrf(Customizer.withDefaults());
        return http.build();
    }
}
