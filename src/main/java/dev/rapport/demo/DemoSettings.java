package dev.rapport.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demo whether a freshly set-up Rapport is filled with sample data ({@code --rapport.demo=true})
 */
@ConfigurationProperties("rapport")
public record DemoSettings(@DefaultValue("false") boolean demo) {
}
