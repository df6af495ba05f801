package dev.rapport.mail;

/**
 * A file that goes out with a mail. The outbox keeps only this reference, not the bytes: the dispatcher opens the
 * file through the {@link MailAttachments} of the module that stores it each time it sends, so a retry after an
 * SMTP outage sends the same files.
 *
 * @param fileName    the name the customer sees (any characters; non-ASCII names go out RFC 2231 encoded)
 * @param contentType the MIME type of the part
 * @param size        the size in bytes, for limits and display
 * @param source      where the file is, in the owning module's terms (e.g. {@code conversation-attachment:<id>})
 */
public record MailAttachment(String fileName, String contentType, long size, String source) {

    public MailAttachment {
        if (fileName == null || fileName.isBlank() || source == null || source.isBlank()) {
            throw new IllegalArgumentException("An attachment needs a file name and a source.");
        }
        contentType = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
    }
}
