package dev.rapport.authority;

import dev.rapport.shared.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthorityLimitTests {

    @Test
    void keepsTheNamedExceptionsTrimmedOnceEach() {
        var terms = new AuthorityLimit.Terms(Money.of("50", "USD"), Money.of("100", "USD"),
                List.of(" Waive shipping ", "", "Waive shipping", "Sell a direct-only item to a dealer"));

        AuthorityLimit limit = AuthorityLimit.forRole(dev.rapport.agents.Role.AGENT, terms);

        assertThat(limit.exceptions()).containsExactly("Waive shipping", "Sell a direct-only item to a dealer");
        assertThat(limit.perCase()).isEqualTo(Money.of("50.00", "USD"));
        assertThat(limit.monthlyBudget()).isEqualTo(Money.of("100.00", "USD"));
    }

    @Test
    void refusesABudgetInAnotherCurrencyThanThePerCaseLimit() {
        assertThatThrownBy(() -> new AuthorityLimit.Terms(Money.of("50", "USD"), Money.of("100", "EUR"), List.of()))
                .isInstanceOfSatisfying(LimitRejected.class, rejected ->
                        assertThat(rejected.field()).isEqualTo("monthlyBudget"));
    }

    @Test
    void aLimitWithoutExceptionsHasNone() {
        var limit = AuthorityLimit.forAgent(java.util.UUID.randomUUID(),
                new AuthorityLimit.Terms(Money.of("5", "USD"), Money.of("5", "USD"), null));

        assertThat(limit.exceptions()).isEmpty();
        assertThat(Discretion.of(limit).mayGrant("Waive shipping")).isFalse();
    }
}
