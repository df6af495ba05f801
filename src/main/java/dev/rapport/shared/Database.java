package dev.rapport.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which database Rapport runs on, for the few places where PostgreSQL and H2 need different SQL or settings
 * (everything else is written once for both). Read from {@code spring.datasource.url}, without opening a connection.
 */
@Component
public class Database {

    private final boolean postgres;

    Database(@Value("${spring.datasource.url:}") String url) {
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    public boolean isPostgres() {
        return postgres;
    }
}
