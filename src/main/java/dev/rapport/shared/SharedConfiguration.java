package dev.rapport.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    ControllableClock clock() {
        return ControllableClock.system();
    }
}
