package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

/** The OpenAPI description matches the implementation: every /api/v1 endpoint the app serves is documented. */
@RapportWebTest
class OpenApiTests {

    @Autowired MockMvcTester mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;

    @Test
    void everyApiEndpointIsDocumented() throws Exception {
        TestBusiness.ensureSetUp(profile);
        SignedInAgent admin = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.ADMIN))).orElseThrow());
        String docs = mvc.get().uri("/v3/api-docs")
                .with(authentication(UsernamePasswordAuthenticationToken.authenticated(admin, null,
                        admin.getAuthorities())))
                .exchange().getResponse().getContentAsString();

        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/v1/")) {
                    for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                        endpoints.add(verb.name().toLowerCase() + " " + path);
                    }
                }
            }
        });

        assertThat(endpoints).hasSizeGreaterThanOrEqualTo(10);
        for (String endpoint : endpoints) {
            String verb = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            int at = docs.indexOf("\"" + path + "\":{");
            assertThat(at).as(endpoint + " is documented").isNotNegative();
            int nextPath = docs.indexOf("\"/api/", at + path.length() + 3);
            String section = docs.substring(at, nextPath < 0 ? docs.length() : nextPath);
            assertThat(section).as(endpoint + " is documented").contains("\"" + verb + "\":{");
        }
    }
}
