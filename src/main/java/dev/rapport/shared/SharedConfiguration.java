package dev.rapport.shared;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

    @Bean
    ControllableClock clock() {
        return ControllableClock.system();
    }

    /**
     * Spring Data JDBC announces every save and load as application events (before convert, before save, after save,
     * after convert) that no module listens to; with Spring Modulith's event multicaster in between they cost about a
     * twentieth of the CPU time of ingesting an email. Turned off; entity callbacks and our own events are unaffected.
     * A module that wants those events must use an entity callback instead.
     */
    @Bean
    static BeanPostProcessor quietAggregateTemplate() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JdbcAggregateTemplate template) {
                    template.setEntityLifecycleEventsEnabled(false);
                }
                return bean;
            }
        };
    }
}
