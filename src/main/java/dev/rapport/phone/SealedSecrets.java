package dev.rapport.phone;

import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Keeps hook secrets at rest: sealed with AES-GCM under a key derived from {@code rapport.phone.secret-key} when one
 * is configured, as they are otherwise (a hook must read its secret back to check signatures, so it cannot be hashed).
 */
@Component
class SealedSecrets {

    private static final String SEALED = "aesgcm:";
    private static final String PLAIN = "plain:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    SealedSecrets(PhoneSettings settings) {
        this.key = settings.secretKey().isBlank() ? null : new SecretKeySpec(sha256(settings.secretKey()), "AES");
    }

    String seal(String secret) {
        if (key == null) {
            return PLAIN + secret;
        }
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return SEALED + Base64.getEncoder().encodeToString(iv) + ":" + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalStateException when the secret was sealed under another key, or none is configured now */
    String open(String stored) {
        if (stored.startsWith(PLAIN)) {
            return stored.substring(PLAIN.length());
        }
        if (key == null) {
            throw new IllegalStateException("This hook's secret is sealed; set rapport.phone.secret-key.");
        }
        String[] parts = stored.substring(SEALED.length()).split(":");
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, Base64.getDecoder().decode(parts[0])));
            return new String(cipher.doFinal(Base64.getDecoder().decode(parts[1])), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("This hook's secret was sealed under another rapport.phone.secret-key.");
        }
    }

    private static byte[] sha256(String passphrase) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(passphrase.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
