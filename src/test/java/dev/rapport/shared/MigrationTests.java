package dev.rapport.shared;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs on H2 by default and on PostgreSQL when {@code RAPPORT_DATABASE_URL} points at one, as in CI. */
@SpringBootTest
class MigrationTests {

    @Autowired Flyway flyway;
    @Autowired JdbcClient jdbc;

    @Test
    void everyMigrationAppliesToAnEmptyDatabase() {
        MigrationInfo[] all = flyway.info().all();

        assertThat(all).isNotEmpty().allSatisfy(migration ->
                assertThat(migration.getState()).as(migration.getScript()).isEqualTo(MigrationState.SUCCESS));
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(all).extracting(MigrationInfo::getScript)
                .anyMatch(script -> script.contains("event_publication"))
                .anyMatch(script -> script.contains("agents_and_teams"))
                .anyMatch(script -> script.contains("business"));
    }

    @Test
    void theSchemaHasEveryTableTheModulesUse() {
        for (String table : new String[] {"agent", "team", "team_membership", "api_token", "invitation", "business",
                "event_publication"}) {
            assertThat(jdbc.sql("select count(*) from " + table).query(Long.class).single()).as(table).isZero();
        }
    }
}
