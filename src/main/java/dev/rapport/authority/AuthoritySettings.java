package dev.rapport.authority;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param daysToPay       a granted credit or refund is owed for payment this many days after the grant, unless said
 * @param defaultCurrency the currency the limits form offers first (ISO 4217)
 */
@ConfigurationProperties("rapport.authority")
public record AuthoritySettings(@DefaultValue("7") int daysToPay, @DefaultValue("USD") String defaultCurrency) {
}
