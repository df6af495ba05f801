package dev.rapport.authority;

import dev.rapport.shared.Money;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.YearMonth;
import java.util.Currency;
import java.util.UUID;

/**
 * What one agent has granted from their budget in one month of the business's calendar, in one currency. Its version
 * makes two grants at the same moment take turns, so that together they never spend more than the budget.
 */
final class MonthlySpend {

    private final @Id UUID id;
    private final UUID agent;
    private final String budgetMonth;
    private final String currency;
    private long spentMinor;
    private @Version Long version;

    @PersistenceCreator
    MonthlySpend(UUID id, UUID agent, String budgetMonth, String currency, long spentMinor, Long version) {
        this.id = id;
        this.agent = agent;
        this.budgetMonth = budgetMonth;
        this.currency = currency;
        this.spentMinor = spentMinor;
        this.version = version;
    }

    static MonthlySpend nothingYet(UUID agent, YearMonth month, Currency currency) {
        return new MonthlySpend(UUID.randomUUID(), agent, month.toString(), currency.getCurrencyCode(), 0, null);
    }

    Money spent() {
        return new Money(spentMinor, Currency.getInstance(currency));
    }

    Money leftOf(Money budget) {
        return new Money(Math.max(0, budget.minorUnits() - spentMinor), budget.currency());
    }

    void add(Money amount) {
        spentMinor = Math.addExact(spentMinor, amount.minorUnits());
    }
}
