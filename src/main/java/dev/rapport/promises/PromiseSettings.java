package dev.rapport.promises;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the ledger watches the clock.
 *
 * @param deadlineCheckInterval how often deadlines and reminders are checked
 * @param reminderLeadTimes     how long before each deadline the person who must act is reminded
 */
@ConfigurationProperties("rapport.promises")
public record PromiseSettings(@DefaultValue("30s") Duration deadlineCheckInterval,
                              @DefaultValue({"1d", "1h"}) List<Duration> reminderLeadTimes) {
}
