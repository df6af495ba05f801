package dev.rapport.chat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity verification: only the widget's secret makes a signature that checks out, for exactly that identity. */
class IdentitySignatureTests {

    private static final String SECRET = "cws_test-secret";

    @Test
    void matchesAKnownHmacSha256Vector() {
        // echo -n '4711|ana@example.com' | openssl dgst -sha256 -hmac 'cws_test-secret'
        assertThat(IdentitySignature.sign(SECRET, "4711", "ana@example.com"))
                .isEqualTo("de1def9f587c079795651c630a9ad09394fa460d24d08bdc04837175c74f3c66");
    }

    @Test
    void acceptsTheSignatureOfTheSameIdentityWhateverTheCaseOfTheEmail() {
        String signature = IdentitySignature.sign(SECRET, "4711", "ana@example.com");
        assertThat(IdentitySignature.verifies(SECRET, "4711", "Ana@Example.com", signature.toUpperCase())).isTrue();
    }

    @Test
    void refusesAnotherIdentityAnotherSecretOrNoSignature() {
        String signature = IdentitySignature.sign(SECRET, "4711", "ana@example.com");
        assertThat(IdentitySignature.verifies(SECRET, "4712", "ana@example.com", signature)).isFalse();
        assertThat(IdentitySignature.verifies(SECRET, "4711", "paul@example.com", signature)).isFalse();
        assertThat(IdentitySignature.verifies("cws_other", "4711", "ana@example.com", signature)).isFalse();
        assertThat(IdentitySignature.verifies(SECRET, "4711", "ana@example.com", null)).isFalse();
        assertThat(IdentitySignature.verifies(SECRET, "", "", IdentitySignature.sign(SECRET, "", ""))).isFalse();
    }
}
