package dev.rapport.business;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business set up before business hours existed gets Monday to Friday, 09:00 to 17:00. On H2 by default, on a fresh
 * PostgreSQL schema when {@code RAPPORT_DATABASE_URL} points at one.
 */
class BusinessHoursMigrationTests {

    @Test
    void aBusinessSetUpBeforeBusinessHoursGetsTheDefault() {
        DriverManagerDataSource database = emptyDatabase();
        migrate(database, "1.9.0");
        JdbcClient jdbc = JdbcClient.create(database);
        jdbc.sql("insert into business (id, name, time_zone, set_up_at, version) values (1, 'Old Shop', 'Europe/Berlin', ?, 0)")
                .param(Timestamp.from(Instant.parse("2024-01-01T09:00:00Z"))).update();

        migrate(database, "latest");

        BusinessHours hours = jdbc.sql("select open_days, opens, closes from business where id = 1")
                .query((row, n) -> BusinessHours.fromColumns(row.getString("open_days"),
                        row.getObject("opens", LocalTime.class), row.getObject("closes", LocalTime.class)))
                .single();
        assertThat(hours).isEqualTo(BusinessHours.DEFAULT);
    }

    private static void migrate(DriverManagerDataSource database, String target) {
        String vendor = onPostgres() ? "postgresql" : "h2";
        Flyway.configure().dataSource(database).locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .target(target).load().migrate();
    }

    private static DriverManagerDataSource emptyDatabase() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (!onPostgres()) {
            return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "sa", "");
        }
        String server = System.getenv("RAPPORT_DATABASE_URL");
        String user = System.getenv().getOrDefault("RAPPORT_DATABASE_USER", "postgres");
        String password = System.getenv().getOrDefault("RAPPORT_DATABASE_PASSWORD", "");
        JdbcClient.create(new DriverManagerDataSource(server, user, password)).sql("create schema " + name).update();
        return new DriverManagerDataSource(server + (server.contains("?") ? "&" : "?") + "currentSchema=" + name,
                user, password);
    }

    private static boolean onPostgres() {
        String server = System.getenv("RAPPORT_DATABASE_URL");
        return server != null && server.startsWith("jdbc:postgresql:");
    }
}
