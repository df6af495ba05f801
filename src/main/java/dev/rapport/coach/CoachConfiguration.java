package dev.rapport.coach;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place Spring meets the coach: the rules are read once at start, and a broken rule file stops start-up. */
@Configuration(proxyBeanMethods = false)
class CoachConfiguration {

    @Bean
    Coach coach(CoachSettings settings) {
        return Coach.withRules(settings.rules());
    }
}
