package dev.rapport.phone;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hook secrets at rest: sealed under the configured key and opened again, never readable under another. */
class SealedSecretsTests {

    @Test
    void sealsUnderTheConfiguredKeyAndOpensAgain() {
        SealedSecrets secrets = new SealedSecrets(settings("correct horse battery staple"));
        String sealed = secrets.seal("rphs_secret");

        assertThat(sealed).startsWith("aesgcm:").doesNotContain("rphs_secret");
        assertThat(secrets.seal("rphs_secret")).isNotEqualTo(sealed);
        assertThat(secrets.open(sealed)).isEqualTo("rphs_secret");
    }

    @Test
    void aSecretSealedUnderAnotherKeyCannotBeOpened() {
        String sealed = new SealedSecrets(settings("one key")).seal("rphs_secret");

        assertThatThrownBy(() -> new SealedSecrets(settings("another key")).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another rapport.phone.secret-key");
        assertThatThrownBy(() -> new SealedSecrets(settings("")).open(sealed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("set rapport.phone.secret-key");
    }

    @Test
    void withoutAKeySecretsAreKeptAsTheyAreAndStillReadableOnceOneIsSet() {
        String plain = new SealedSecrets(settings("")).seal("rphs_secret");

        assertThat(plain).isEqualTo("plain:rphs_secret");
        assertThat(new SealedSecrets(settings("a key set later")).open(plain)).isEqualTo("rphs_secret");
    }

    private static PhoneSettings settings(String key) {
        return new PhoneSettings(Duration.ofHours(2), Duration.ofMinutes(5), key, 600);
    }
}
