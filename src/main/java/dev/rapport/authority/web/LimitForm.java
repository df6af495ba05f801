package dev.rapport.authority.web;

import dev.rapport.authority.AuthorityLimit;
import dev.rapport.authority.LimitRejected;
import dev.rapport.shared.Money;

import java.util.Arrays;
import java.util.Currency;
import java.util.regex.Pattern;

/** A limit as typed on the admin page: amounts as decimals ("0" allowed), exceptions one per line. */
record LimitForm(String agent, String perCase, String monthlyBudget, String currency, String exceptions) {

    private static final Pattern ZERO = Pattern.compile("0+(\\.0+)?");

    static LimitForm empty(String currency) {
        return new LimitForm(null, "", "", currency, "");
    }

    static LimitForm of(AuthorityLimit limit) {
        return new LimitForm(limit.agent().map(Object::toString).orElse(null), limit.perCase().amount(),
                limit.monthlyBudget().amount(), limit.perCase().currencyCode(), String.join("\n", limit.exceptions()));
    }

    /** @throws LimitRejected naming the field at fault */
    AuthorityLimit.Terms terms() {
        Currency chosen;
        try {
            chosen = Money.currency(currency);
        } catch (IllegalArgumentException unknown) {
            throw new LimitRejected("currency", unknown.getMessage());
        }
        return new AuthorityLimit.Terms(amount(perCase, chosen, "perCase"), amount(monthlyBudget, chosen,
                "monthlyBudget"), exceptions == null ? null : Arrays.asList(exceptions.split("\\R")));
    }

    private static Money amount(String typed, Currency currency, String field) {
        if (typed != null && ZERO.matcher(typed.strip()).matches()) {
            return new Money(0, currency);
        }
        try {
            return Money.parse(typed, currency);
        } catch (IllegalArgumentException wrong) {
            throw new LimitRejected(field, wrong.getMessage());
        }
    }
}
