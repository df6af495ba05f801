package dev.rapport.conversations;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.UUID;

/** A file attached to a message. Downloaded only by agents who may see the conversation. */
public class Attachment {

    private final @Id UUID id;
    private final UUID message;
    private final String fileName;
    private final String contentType;
    private final long sizeBytes;
    private final String storageKey;
    private final Instant createdAt;
    private @Version Long version;

    @PersistenceCreator
    Attachment(UUID id, UUID message, String fileName, String contentType, long sizeBytes, String storageKey,
               Instant createdAt, Long version) {
        this.id = id;
        this.message = message;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.storageKey = storageKey;
        this.createdAt = createdAt;
        this.version = version;
    }

    static Attachment of(Message.MessageId message, String fileName, String contentType, long size, String key,
                         Instant now) {
        return new Attachment(UUID.randomUUID(), message.value(), fileName, contentType, size, key, now, null);
    }

    public UUID id() {
        return id;
    }

    public Message.MessageId message() {
        return new Message.MessageId(message);
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    String storageKey() {
        return storageKey;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** A picture the browser shows as one (PNG, JPEG, GIF, WebP); anything else is only ever downloaded. */
    public boolean isPicture() {
        return AttachmentStore.servedType(this).startsWith("image/");
    }

    public String sizeLabel() {
        if (sizeBytes < 1024) {
            return sizeBytes + " B";
        }
        if (sizeBytes < 1024 * 1024) {
            return (sizeBytes / 1024) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}
