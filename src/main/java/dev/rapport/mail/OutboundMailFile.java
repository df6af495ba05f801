package dev.rapport.mail;

/** A file an outbound mail carries, by reference (see {@link MailAttachment}); part of the mail's aggregate. */
record OutboundMailFile(String fileName, String contentType, long sizeBytes, String source) {

    static OutboundMailFile of(MailAttachment attachment) {
        return new OutboundMailFile(attachment.fileName(), attachment.contentType(), attachment.size(),
                attachment.source());
    }
}
