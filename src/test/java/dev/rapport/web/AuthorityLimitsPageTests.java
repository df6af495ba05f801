package dev.rapport.web;

import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.authority.AuthorityLimit;
import dev.rapport.authority.AuthorityLimits;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.EmailAddress;
import dev.rapport.shared.Money;
import dev.rapport.support.RapportWebTest;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/** Admin → Authority: limits per role and per agent, bad input shown beside its field with everything typed kept. */
@RapportWebTest
class AuthorityLimitsPageTests {

    @Autowired MockMvcTester mvc;
    @Autowired BusinessProfile profile;
    @Autowired AuthorityLimits limits;
    @Autowired Roster roster;
    @Autowired Passwords passwords;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
    }

    @Test
    void anAdminSetsTheLimitsOfAgentsAndSeesThem() {
        assertThat(mvc.post().uri("/admin/authority/roles/AGENT").with(as(Role.ADMIN)).with(csrf())
                .param("perCase", "50.00").param("monthlyBudget", "200").param("currency", "usd")
                .param("exceptions", "Waive shipping\r\nSell a direct-only item to a dealer"))
                .hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/authority");

        AuthorityLimit.Terms terms = limits.ofRole(Role.AGENT).orElseThrow().terms();
        assertThat(terms.perCase()).isEqualTo(Money.of("50", "USD"));
        assertThat(terms.monthlyBudget()).isEqualTo(Money.of("200", "USD"));
        assertThat(terms.exceptions()).containsExactly("Waive shipping", "Sell a direct-only item to a dealer");
        assertThat(mvc.get().uri("/admin/authority").with(as(Role.ADMIN))).hasStatusOk().bodyText()
                .contains("<title>Authority limits</title>")
                .contains("aria-current=\"page\" class=\"active\">Authority</a>")
                .contains("value=\"50.00\"").contains("value=\"200.00\"")
                .contains("Waive shipping\nSell a direct-only item to a dealer</textarea>");
    }

    @Test
    void aRefusedLimitComesBackWithTheErrorBesideItsFieldAndNothingTypedLost() {
        assertThat(mvc.post().uri("/admin/authority/roles/LEAD").with(as(Role.ADMIN)).with(csrf())
                .param("perCase", "50.001").param("monthlyBudget", "900").param("currency", "USD")
                .param("exceptions", "Waive shipping"))
                .hasStatusOk().bodyText()
                .contains("id=\"LEAD-perCase-error\">USD has 2 decimals at most.</p>")
                .contains("value=\"50.001\"").contains("value=\"900\"")
                .contains(">Waive shipping</textarea>");
    }

    @Test
    void anAdminGivesAnAgentTheirOwnLimitsAndTakesThemBack() {
        String email = TestBusiness.agentWithPassword(roster, passwords, Role.AGENT);
        var maria = roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow();

        assertThat(mvc.post().uri("/admin/authority/agents").with(as(Role.ADMIN)).with(csrf())
                .param("agent", maria.id().value().toString()).param("perCase", "100")
                .param("monthlyBudget", "0").param("currency", "EUR").param("exceptions", ""))
                .hasStatus(HttpStatus.FOUND);
        assertThat(limits.discretionOf(maria.id().value(), Role.AGENT).terms().orElseThrow().perCase())
                .isEqualTo(Money.of("100", "EUR"));

        assertThat(mvc.post().uri("/admin/authority/agents/" + maria.id().value() + "/remove").with(as(Role.ADMIN))
                .with(csrf())).hasStatus(HttpStatus.FOUND);
        assertThat(limits.agentOverrides()).noneMatch(limit -> limit.agent().orElseThrow().equals(maria.id().value()));
    }

    @Test
    void anAgentLimitWithoutAnAgentAsksForOne() {
        assertThat(mvc.post().uri("/admin/authority/agents").with(as(Role.ADMIN)).with(csrf())
                .param("agent", "").param("perCase", "100").param("monthlyBudget", "300").param("currency", "USD"))
                .hasStatusOk().bodyText().contains("Choose an agent.").contains("value=\"300\"");
    }

    @Test
    void onlyAdminsSeeOrChangeLimits() {
        for (Role role : List.of(Role.AGENT, Role.LEAD, Role.TEAMMATE)) {
            assertThat(mvc.get().uri("/admin/authority").with(as(role))).hasStatus(HttpStatus.FORBIDDEN);
            assertThat(mvc.post().uri("/admin/authority/roles/AGENT").with(as(role)).with(csrf())
                    .param("perCase", "1").param("monthlyBudget", "1").param("currency", "USD"))
                    .hasStatus(HttpStatus.FORBIDDEN);
        }
    }

    private RequestPostProcessor as(Role role) {
        String email = TestBusiness.agentWithPassword(roster, passwords, role);
        SignedInAgent agent = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(email)).orElseThrow());
        return authentication(UsernamePasswordAuthenticationToken.authenticated(agent, null, agent.getAuthorities()));
    }
}
