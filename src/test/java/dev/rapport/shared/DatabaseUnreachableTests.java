package dev.rapport.shared;

import dev.rapport.RapportApplication;
import dev.rapport.support.IsolatedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnreachableTests {

    @Test
    void refusesToStartWithAClearMessageWhenTheDatabaseIsUnreachable(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(RapportApplication.class).run(
                "--" + IsolatedDatabase.SWITCH + "=false",
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/rapport?password=s3cret",
                "--spring.datasource.username=rapport",
                "--spring.datasource.password=s3cret"))
                .isInstanceOf(Exception.class);

        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("Rapport cannot reach its database at jdbc:postgresql://127.0.0.1:1/rapport?password=***")
                .contains("RAPPORT_DATABASE_URL")
                .doesNotContain("s3cret");
    }

    @Test
    void hidesPasswordsInDatabaseUrls() {
        assertThat(DatabaseUnreachableAnalyzer.redact("jdbc:postgresql://db/rapport?user=r&password=abc&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/rapport?user=r&password=***&ssl=true");
        assertThat(DatabaseUnreachableAnalyzer.redact("jdbc:postgresql://rapport:abc@db/rapport"))
                .isEqualTo("jdbc:postgresql://***@db/rapport");
    }
}
