package dev.rapport.phone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.mapping.DefaultNamingStrategy;
import org.springframework.data.relational.core.mapping.NamingStrategy;

/**
 * Spring Data JDBC names a table after its class, and {@code call} is an SQL keyword: the phone module's aggregates
 * live in {@code phone_call} and {@code phone_hook}. A naming strategy rather than {@code @Table("phone_call")},
 * because an explicit name is quoted as written, which H2 (upper case) and PostgreSQL (lower case) read differently.
 * Every other class keeps its default name.
 */
@Configuration(proxyBeanMethods = false)
class PhoneTables {

    @Bean
    NamingStrategy namingStrategy() {
        return new DefaultNamingStrategy() {
            @Override
            public String getTableName(Class<?> type) {
                if (type == Call.class) {
                    return "phone_call";
                }
                if (type == TelephonyHook.class) {
                    return "phone_hook";
                }
                return super.getTableName(type);
            }
        };
    }
}
