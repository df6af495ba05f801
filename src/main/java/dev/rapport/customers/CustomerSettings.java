package dev.rapport.customers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the customers module.
 *
 * @param defaultPhoneRegion ISO country code for phone numbers written without +country code (e.g. "US", "GB")
 * @param theirPersonDays    how far back "their person" looks: the agent who helped most in this many days
 */
@ConfigurationProperties("rapport.customers")
public record CustomerSettings(@DefaultValue("US") String defaultPhoneRegion, @DefaultValue("90") int theirPersonDays) {
}
