package dev.rapport.conversations;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Checks and keeps attachment files in a directory. A file is refused, with the reason to show, when it is too large
 * or of a type that could run code. Files written in a transaction that rolls back are removed again.
 */
@Component
public class AttachmentStore {

    private static final Set<String> SHOWN_INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final AttachmentSettings settings;

    AttachmentStore(AttachmentSettings settings) {
        this.settings = settings;
    }

    /** Why this file cannot be attached, or empty when it can. */
    public Optional<String> problemWith(NewAttachment file) {
        if (file.size() > settings.maxSize().toBytes()) {
            return Optional.of(safeName(file.fileName()) + " is " + megabytes(file.size()) + " MB; files can be at most "
                    + settings.maxSize().toMegabytes() + " MB.");
        }
        String extension = extension(file.fileName());
        if (settings.blockedExtensions().contains(extension)) {
            return Optional.of("Files of type ." + extension + " cannot be attached, because they could run code. "
                    + "Please send a PDF, an image or a document.");
        }
        if (file.size() == 0) {
            return Optional.of(file.fileName() + " is empty.");
        }
        return Optional.empty();
    }

    /** Why these files cannot go together on one message (count, total size, or one of them), or empty. */
    public Optional<String> problemWith(List<NewAttachment> files) {
        if (files.size() > settings.maxPerMessage()) {
            return Optional.of("You chose " + files.size() + " files; one message can carry at most "
                    + settings.maxPerMessage() + ".");
        }
        long total = files.stream().mapToLong(NewAttachment::size).sum();
        if (files.size() > 1 && total > settings.maxTotalSize().toBytes()) {
            return Optional.of("These files add up to " + megabytes(total) + " MB; one message can carry at most "
                    + settings.maxTotalSize().toMegabytes() + " MB.");
        }
        return files.stream().map(this::problemWith).flatMap(Optional::stream).findFirst();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    String store(NewAttachment file) {
        String key = UUID.randomUUID().toString();
        Path target = settings.directory().resolve(key.substring(0, 2)).resolve(key);
        try (InputStream in = file.content().open()) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store attachment " + file.fileName(), e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        target.toFile().delete();
                    }
                }
            });
        }
        return key;
    }

    /** Deletes the files once the transaction that forgot them commits (at once when there is none). */
    void discardAfterCommit(List<String> keys) {
        Runnable discard = () -> keys.forEach(key -> settings.directory().resolve(key.substring(0, 2)).resolve(key)
                .toFile().delete());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    discard.run();
                }
            });
        } else {
            discard.run();
        }
    }

    public InputStream open(Attachment attachment) throws IOException {
        String key = attachment.storageKey();
        return Files.newInputStream(settings.directory().resolve(key.substring(0, 2)).resolve(key));
    }

    /** The content type to serve: images as themselves, everything else as a download. */
    public static String servedType(Attachment attachment) {
        return SHOWN_INLINE.contains(attachment.contentType()) ? attachment.contentType() : "application/octet-stream";
    }

    static String safeName(String name) {
        String base = name == null ? "file" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        return base.isEmpty() ? "file" : base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    private static String extension(String name) {
        String safe = safeName(name).toLowerCase(Locale.ROOT);
        int dot = safe.lastIndexOf('.');
        return dot < 0 ? "" : safe.substring(dot + 1);
    }
}
