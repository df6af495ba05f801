package dev.rapport.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Another module's stored files (the conversations' attachments, through the email channel), for the dispatcher to
 * attach when it sends a mail. Empty when this source does not know the file; the dispatcher asks every source.
 */
public interface MailAttachments {

    Optional<InputStream> open(String source) throws IOException;
}
