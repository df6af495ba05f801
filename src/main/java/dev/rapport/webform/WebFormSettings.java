package dev.rapport.webform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param maxSubmissionsPerClient submissions one network address may make per {@link #window()}
 * @param window                  the rate-limit window
 * @param embedOrigins            websites that may show the contact form in a frame, e.g. {@code https://shop.example}
 */
@ConfigurationProperties("rapport.webform")
public record WebFormSettings(@DefaultValue("5") int maxSubmissionsPerClient, @DefaultValue("10m") Duration window,
                              @DefaultValue({}) java.util.List<String> embedOrigins) {
}
