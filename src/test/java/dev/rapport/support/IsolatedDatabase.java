package dev.rapport.support;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * Gives every test application context a database of its own, empty before Flyway runs: an in-memory H2 database by
 * default, or a fresh schema on the PostgreSQL server named by {@code RAPPORT_DATABASE_URL} (as CI does). So the same
 * tests run on both databases and never see each other's data.
 */
public class IsolatedDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String SWITCH = "rapport.test.isolated-database";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!environment.getProperty(SWITCH, Boolean.class, true)) {
            return;
        }
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String server = System.getenv("RAPPORT_DATABASE_URL");
        String url = server != null && server.startsWith("jdbc:postgresql:")
                ? postgresSchema(server, name)
                : "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        environment.getPropertySources().addFirst(new MapPropertySource("isolatedDatabase",
                Map.of("spring.datasource.url", url)));
    }

    public static boolean onPostgres() {
        String server = System.getenv("RAPPORT_DATABASE_URL");
        return server != null && server.startsWith("jdbc:postgresql:");
    }

    private static String postgresSchema(String server, String schema) {
        String user = System.getenv().getOrDefault("RAPPORT_DATABASE_USER", "postgres");
        String password = System.getenv().getOrDefault("RAPPORT_DATABASE_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema on " + server, e);
        }
        return server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }
}
