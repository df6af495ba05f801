package dev.rapport.owed;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the ledger watches due dates.
 *
 * @param overdueCheckInterval how often overdue entries are looked for; each is reminded of once a day whatever this is
 * @param defaultCurrency      the currency the form offers first (ISO 4217)
 * @param daysToPay            the due date the form suggests, this many days ahead
 */
@ConfigurationProperties("rapport.owed")
public record OwedSettings(@DefaultValue("15m") Duration overdueCheckInterval,
                           @DefaultValue("USD") String defaultCurrency,
                           @DefaultValue("7") int daysToPay) {
}
