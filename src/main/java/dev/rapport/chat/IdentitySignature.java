package dev.rapport.chat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Identity verification: a website that knows its logged-in customer signs {@code id + "|" + email} with the
 * widget's secret (HMAC-SHA256, lower-case hex). Rapport links a chat to a customer only for a signature that checks
 * out; anything a visitor merely types is kept as what they said, never as who they are.
 */
public final class IdentitySignature {

    private IdentitySignature() {
    }

    /** The text that is signed. */
    public static String payload(String id, String email) {
        return (id == null ? "" : id.strip()) + "|" + (email == null ? "" : email.strip().toLowerCase());
    }

    public static String sign(String secret, String id, String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload(id, email).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** Compares in constant time; false for anything missing. */
    public static boolean verifies(String secret, String id, String email, String signature) {
        if (secret == null || signature == null || ((id == null || id.isBlank()) && (email == null || email.isBlank()))) {
            return false;
        }
        byte[] expected = sign(secret, id, email).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.strip().toLowerCase().getBytes(StandardCharsets.UTF_8));
    }
}
