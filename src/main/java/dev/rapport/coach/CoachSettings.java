package dev.rapport.coach;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the reply coach.
 *
 * @param rules         the rule file on the class path
 * @param maxTextLength the longest draft (in characters, quoted history included) the API reads
 */
@ConfigurationProperties("rapport.coach")
public record CoachSettings(@DefaultValue("coach/rules-en.json") String rules,
                            @DefaultValue("20000") int maxTextLength) {
}
