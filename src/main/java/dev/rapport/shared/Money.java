package dev.rapport.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money as whole minor units (cents) of an ISO 4217 currency. Never floating point: amounts typed by
 * people are parsed strictly ("700.00", "700"), refused when they have more decimals than the currency has, and shown
 * with the currency's symbol ("$700.00").
 */
public record Money(long minorUnits, Currency currency) {

    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,13}(\\.\\d+)?");

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency money is paid in.");
        }
    }

    /**
     * The currency for an ISO 4217 code ("USD", "eur").
     *
     * @throws IllegalArgumentException for a blank or unknown code, or one that is not paid in (gold, test codes)
     */
    public static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("Say which currency (an ISO 4217 code such as USD or EUR).");
        }
        try {
            Currency currency = Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException(currency.getCurrencyCode() + " is not a currency money is paid in.");
            }
            return currency;
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("\"" + code.strip() + "\" is not a known currency; use an ISO 4217 "
                    + "code such as USD or EUR.");
        }
    }

    /**
     * An amount owed or paid, as typed: digits with an optional decimal point ("700", "700.5", "700.00").
     *
     * @throws IllegalArgumentException for anything else, an amount not above zero, or more decimals than the
     *                                  currency has (two for USD, none for JPY)
     */
    public static Money parse(String amount, Currency currency) {
        if (amount == null || amount.isBlank()) {
            throw new IllegalArgumentException("Say how much.");
        }
        String typed = amount.strip();
        if (!DECIMAL.matcher(typed).matches()) {
            throw new IllegalArgumentException("Write the amount as digits with a decimal point, such as 700.00.");
        }
        BigDecimal value = new BigDecimal(typed);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("The amount must be more than zero.");
        }
        int digits = currency.getDefaultFractionDigits();
        if (value.scale() > digits) {
            throw new IllegalArgumentException(digits == 0
                    ? currency.getCurrencyCode() + " has no decimals; write a whole amount."
                    : currency.getCurrencyCode() + " has " + digits + " decimals at most.");
        }
        return new Money(value.movePointRight(digits).longValueExact(), currency);
    }

    public static Money of(String amount, String currencyCode) {
        return parse(amount, currency(currencyCode));
    }

    /** The amount as a plain decimal with the currency's decimals ("700.00"), as the API writes it. */
    public String amount() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()).toPlainString();
    }

    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currencyCode() + " to " + currencyCode() + ".");
        }
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /** With its symbol, as people read it: "$700.00", "€49.90", "¥1,200". */
    @Override
    public String toString() {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        format.setMinimumFractionDigits(currency.getDefaultFractionDigits());
        format.setMaximumFractionDigits(currency.getDefaultFractionDigits());
        return format.format(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()));
    }
}
