package dev.rapport.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param listenerThreads how many of the modules' event listeners (deliveries, notifications, reports) run at once;
 *                        each holds a database connection while it runs, so keep it well under the pool's size
 */
@ConfigurationProperties("rapport.events")
public record EventSettings(@DefaultValue("4") int listenerThreads) {
}
