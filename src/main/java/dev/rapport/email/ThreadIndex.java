package dev.rapport.email;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Outlook's Thread-Index: 22 bytes (6 of time, 16 of a thread GUID) that every reply extends by 5 bytes. The first
 * 22 bytes name the thread, so Rapport gives each email conversation its own and recognises them coming back.
 */
final class ThreadIndex {

    private static final long FILETIME_EPOCH_OFFSET = 116444736000000000L;

    private ThreadIndex() {
    }

    /** A new thread's 22-byte header, base64. */
    static String start(UUID thread, Instant at) {
        long filetime = at.toEpochMilli() * 10_000 + FILETIME_EPOCH_OFFSET;
        ByteBuffer buffer = ByteBuffer.allocate(22);
        buffer.put((byte) (filetime >>> 56)).put((byte) (filetime >>> 48)).put((byte) (filetime >>> 40))
                .put((byte) (filetime >>> 32)).put((byte) (filetime >>> 24)).put((byte) (filetime >>> 16));
        buffer.putLong(thread.getMostSignificantBits()).putLong(thread.getLeastSignificantBits());
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /** The header extended by one 5-byte child block, as a reply carries it. */
    static String child(String root, int replies) {
        byte[] header = Base64.getDecoder().decode(root);
        ByteBuffer buffer = ByteBuffer.allocate(header.length + 5);
        buffer.put(header).put((byte) 0).putInt(Math.max(1, replies));
        return Base64.getEncoder().encodeToString(buffer.array());
    }

    /** The thread's 22-byte header of any Thread-Index, base64, when the value is a Thread-Index at all. */
    static Optional<String> root(String threadIndex) {
        if (threadIndex == null || threadIndex.isBlank()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(threadIndex.strip());
            if (bytes.length < 22 || (bytes.length - 22) % 5 != 0) {
                return Optional.empty();
            }
            byte[] header = new byte[22];
            System.arraycopy(bytes, 0, header, 0, 22);
            return Optional.of(Base64.getEncoder().encodeToString(header));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
