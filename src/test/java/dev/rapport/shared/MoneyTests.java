package dev.rapport.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

    private static final Currency USD = Currency.getInstance("USD");

    @Test
    void parsesAmountsIntoMinorUnitsWithoutFloatingPoint() {
        assertThat(Money.parse("700.00", USD).minorUnits()).isEqualTo(70_000);
        assertThat(Money.parse("700", USD).minorUnits()).isEqualTo(70_000);
        assertThat(Money.parse("0.1", USD).minorUnits()).isEqualTo(10);
        assertThat(Money.parse(" 19.99 ", USD).minorUnits()).isEqualTo(1_999);
        assertThat(Money.of("1200", "jpy").minorUnits()).isEqualTo(1_200);
        assertThat(Money.of("1.234", "BHD").minorUnits()).isEqualTo(1_234);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-5", "-0.01"})
    void refusesAmountsThatAreNotMoreThanZero(String amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(amount, USD))
                .withMessage("The amount must be more than zero.");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse("700.001", USD))
                .withMessage("USD has 2 decimals at most.");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1200.5", "JPY"))
                .withMessage("JPY has no decimals; write a whole amount.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,000.00", "7e2", "$700", "700.", ".5", "seven", "1 000", "99999999999999"})
    void refusesAnythingButDigitsWithADecimalPoint(String amount) {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.parse(amount, USD))
                .withMessageContaining("digits with a decimal point");
    }

    @Test
    void refusesUnknownCurrenciesAndOnesNotPaidIn() {
        assertThatIllegalArgumentException().isThrownBy(() -> Money.currency("XYZ"))
                .withMessageContaining("not a known currency");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.currency(""))
                .withMessageContaining("Say which currency");
        assertThatIllegalArgumentException().isThrownBy(() -> Money.currency("XAU"))
                .withMessageContaining("XAU");
        assertThat(Money.currency(" eur ")).isEqualTo(Currency.getInstance("EUR"));
    }

    @Test
    void readsAsPeopleWriteItAndAsTheApiDoes() {
        assertThat(Money.of("700", "USD")).hasToString("$700.00");
        assertThat(Money.of("49.9", "EUR")).hasToString("€49.90");
        assertThat(Money.of("1200", "JPY")).hasToString("¥1,200");
        assertThat(Money.of("700", "USD").amount()).isEqualTo("700.00");
        assertThat(Money.of("1200", "JPY").amount()).isEqualTo("1200");
    }

    @Test
    void addsOnlyTheSameCurrency() {
        assertThat(Money.of("0.10", "USD").plus(Money.of("0.20", "USD"))).isEqualTo(Money.of("0.30", "USD"));
        assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")));
    }
}
