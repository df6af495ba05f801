package dev.rapport.customers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the customers module.
 *
 * @param defaultPhoneRegion ISO country code for phone numbers written without +country code (e.g. "US", "GB")
 * @param theirPersonDays    how far back "their person" looks: the agent who helped most in this many days
 * @param importMaxSize      the largest CSV file of customers accepted for import
 */
@ConfigurationProperties("rapport.customers")
public record CustomerSettings(@DefaultValue("US") String defaultPhoneRegion, @DefaultValue("90") int theirPersonDays,
                               @DefaultValue("20MB") DataSize importMaxSize) {
}
