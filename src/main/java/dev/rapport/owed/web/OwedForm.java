package dev.rapport.owed.web;

import dev.rapport.owed.MoneyOwed;
import dev.rapport.owed.OwedKind;
import dev.rapport.shared.Money;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The "We owe them money" form as typed: read field by field so every mistake is named at once, next to its field,
 * and nothing typed is lost. {@code responsible} is {@code agent:<id>} or {@code team:<id>}; {@code due} a day, due
 * by its end in the business's time zone.
 */
record OwedForm(String amount, String currency, String kind, String reason, String responsible, String due,
                String reference) {

    static OwedForm of(Map<String, String> form) {
        return new OwedForm(form.get("amount"), form.get("currency"), form.get("kind"), form.get("reason"),
                form.get("responsible"), form.get("due"), form.get("reference"));
    }

    /** The terms, or the problems by field in {@code errors} (and null). */
    MoneyOwed.Terms terms(UUID customer, UUID conversation, ZoneId zone, Map<String, String> errors) {
        Currency money = null;
        try {
            money = Money.currency(currency);
        } catch (IllegalArgumentException e) {
            errors.put("currency", e.getMessage());
        }
        Money parsed = null;
        if (money != null) {
            try {
                parsed = Money.parse(amount, money);
            } catch (IllegalArgumentException e) {
                errors.put("amount", e.getMessage());
            }
        }
        OwedKind owedKind = null;
        try {
            owedKind = OwedKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("kind", "Choose what it is: a refund, a credit, a reimbursement or goodwill.");
        }
        if (reason == null || reason.isBlank()) {
            errors.put("reason", "Say why we owe it.");
        }
        UUID agent = responsible("agent:");
        UUID team = responsible("team:");
        if (agent == null && team == null) {
            errors.put("responsible", "Choose who will pay it.");
        }
        LocalDate day = null;
        try {
            day = LocalDate.parse(due == null ? "" : due.strip());
        } catch (DateTimeParseException e) {
            errors.put("dueAt", "Choose the day it will be paid by.");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new MoneyOwed.Terms(customer, conversation, parsed, owedKind, reason, agent, team,
                day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1), null, reference);
    }

    private UUID responsible(String prefix) {
        if (responsible == null || !responsible.startsWith(prefix)) {
            return null;
        }
        try {
            return UUID.fromString(responsible.substring(prefix.length()));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Map<String, String> noErrors() {
        return new LinkedHashMap<>();
    }
}
