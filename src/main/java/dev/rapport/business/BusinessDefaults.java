package dev.rapport.business;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business an automated install creates ({@code RAPPORT_BUSINESS_NAME}, {@code RAPPORT_BUSINESS_TIMEZONE}).
 *
 * @param name     the business's name
 * @param timeZone the business's time zone, e.g. {@code Europe/Berlin}
 */
@ConfigurationProperties("rapport.business")
public record BusinessDefaults(@DefaultValue("My business") String name, @DefaultValue("UTC") String timeZone) {
}
