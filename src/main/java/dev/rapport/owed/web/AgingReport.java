package dev.rapport.owed.web;

import dev.rapport.owed.OwedSearch;
import dev.rapport.shared.Money;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What is still owed by age (0–7, 8–30, 31–90, 90+ days), one line per department and currency and a total per
 * currency. Amounts of different currencies are never added together.
 */
record AgingReport(List<Line> departments, List<Line> totals) {

    /** One department's (or, for totals, everyone's) amounts in one currency, by age. */
    record Line(String department, String currency, Map<OwedSearch.Age, Money> byAge, Money total, long entries) {

        public Money at(OwedSearch.Age age) {
            return byAge.get(age);
        }
    }

    static AgingReport of(List<OwedSearch.AgedSum> sums, OwedViews.Names names) {
        Map<String, Map<String, List<OwedSearch.AgedSum>>> byDepartment = new TreeMap<>();
        Map<String, List<OwedSearch.AgedSum>> byCurrency = new TreeMap<>();
        for (OwedSearch.AgedSum sum : sums) {
            String department = names.department(sum.responsibleTeam(), sum.responsibleAgent());
            byDepartment.computeIfAbsent(department, d -> new TreeMap<>())
                    .computeIfAbsent(sum.currency(), c -> new ArrayList<>()).add(sum);
            byCurrency.computeIfAbsent(sum.currency(), c -> new ArrayList<>()).add(sum);
        }
        List<Line> departments = new ArrayList<>();
        byDepartment.forEach((department, currencies) -> currencies.forEach((currency, list) ->
                departments.add(line(department, currency, list))));
        List<Line> totals = new ArrayList<>();
        byCurrency.forEach((currency, list) -> totals.add(line("All departments", currency, list)));
        departments.sort(Comparator.comparing(Line::department).thenComparing(Line::currency));
        return new AgingReport(departments, totals);
    }

    private static Line line(String department, String currencyCode, List<OwedSearch.AgedSum> sums) {
        Currency currency = Currency.getInstance(currencyCode);
        Map<OwedSearch.Age, Money> byAge = new EnumMap<>(OwedSearch.Age.class);
        for (OwedSearch.Age age : OwedSearch.Age.values()) {
            byAge.put(age, new Money(0, currency));
        }
        Money total = new Money(0, currency);
        long entries = 0;
        for (OwedSearch.AgedSum sum : sums) {
            Money amount = new Money(sum.minorUnits(), currency);
            byAge.merge(sum.age(), amount, Money::plus);
            total = total.plus(amount);
            entries += sum.entries();
        }
        return new Line(department, currencyCode, byAge, total, entries);
    }
}
