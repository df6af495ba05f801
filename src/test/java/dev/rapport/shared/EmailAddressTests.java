package dev.rapport.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailAddressTests {

    @Test
    void isTrimmedAndLowerCasedSoTheSamePersonMatches() {
        assertThat(EmailAddress.of("  Maria.Lopez@Example.COM ")).isEqualTo(EmailAddress.of("maria.lopez@example.com"));
    }

    @Test
    void rejectsWhatIsNotAnAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("maria"));
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("maria@localhost"));
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("ma ria@example.com"));
        assertThat(EmailAddress.isValid("a@b.co")).isTrue();
        assertThat(EmailAddress.isValid(null)).isFalse();
    }
}
