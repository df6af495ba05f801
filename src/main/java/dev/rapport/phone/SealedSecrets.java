package dev.rapport.phone;

import dev.rapport.shared.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Keeps hook secrets at rest: sealed with AES-GCM under a key derived from {@code rapport.phone.secret-key} when one
 * is configured, as they are otherwise (a hook must read its secret back to check signatures, so it cannot be hashed).
 */
@Component
class SealedSecrets {

    private final SecretBox box;

    SealedSecrets(PhoneSettings settings) {
        this.box = new SecretBox(settings.secretKey(), "rapport.phone.secret-key");
    }

    String seal(String secret) {
        return box.seal(secret);
    }

    /** @throws IllegalStateException when the secret was sealed under another key, or none is configured now */
    String open(String stored) {
        return box.open(stored);
    }
}
