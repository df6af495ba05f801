package dev.rapport.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Where a keyset-paged list stopped: the last row's instant (its sort key) and its tie-breaker, as an opaque,
 * URL-safe string for the next page's link or {@code after} parameter.
 */
public record KeysetCursor(Instant at, String tieBreaker) {

    public String encode() {
        String raw = at.getEpochSecond() + "." + at.getNano() + "." + tieBreaker;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** @throws IllegalArgumentException for anything this class did not write */
    public static KeysetCursor parse(String encoded) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.US_ASCII)
                    .split("\\.", 3);
            return new KeysetCursor(Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                    parts[2]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("The page cursor is not valid; start from the first page.");
        }
    }
}
