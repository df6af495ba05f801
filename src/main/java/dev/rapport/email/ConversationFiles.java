package dev.rapport.email;

import dev.rapport.conversations.Attachment;
import dev.rapport.conversations.AttachmentStore;
import dev.rapport.conversations.Desk;
import dev.rapport.mail.MailAttachment;
import dev.rapport.mail.MailAttachments;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The files of a conversation's message, as the outbox attaches them: a mail keeps only
 * {@code conversation-attachment:<id>}, and the dispatcher opens the file here each time it sends. Serves every
 * module that mails a reply's files (the email channel, the web form's replies).
 */
@Component
public class ConversationFiles implements MailAttachments {

    static final String PREFIX = "conversation-attachment:";

    private final Desk desk;
    private final AttachmentStore store;

    ConversationFiles(Desk desk, AttachmentStore store) {
        this.desk = desk;
        this.store = store;
    }

    /** What a message carries, as attachments for its mail. */
    public static List<MailAttachment> of(List<Attachment> files) {
        return files.stream().map(file -> new MailAttachment(file.fileName(), file.contentType(), file.sizeBytes(),
                PREFIX + file.id())).toList();
    }

    @Override
    public Optional<InputStream> open(String source) throws IOException {
        if (source == null || !source.startsWith(PREFIX)) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(source.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Attachment> attachment = desk.findAttachment(id);
        return attachment.isEmpty() ? Optional.empty() : Optional.of(store.open(attachment.get()));
    }
}
