package dev.rapport.email;

import java.util.List;
import java.util.Optional;

/**
 * What Rapport reads out of a raw message: who wrote to whom, the threading headers, the text (and the HTML when
 * there is one), the files, and the headers that tell a person's mail from an automatic one.
 *
 * @param unsafeHtml the HTML part as the sender wrote it (decoded, not sanitised): never shown as it is, only through
 *                   {@link EmailParser#sanitise}, which {@link InboundEmails#html} applies whenever it is read back
 * @param references In-Reply-To first, then References from newest to oldest
 * @param returnPath the Return-Path as written, "" for the null sender {@code <>}, null when there is none
 * @param bounce     for a delivery report: the Message-ID it is about and why delivery failed
 */
public record ParsedEmail(String messageId, List<String> references, String threadIndex, String subject,
                          Address from, List<Address> to, List<Address> cc, String text, String unsafeHtml,
                          List<Part> files, Noise noise, String returnPath, Bounce bounce) {

    /** A person's address with their name as they wrote it. */
    public record Address(String address, String name) {
    }

    /** A file in the message; {@code contentId} for images the HTML shows inline (cid:). */
    public record Part(String fileName, String contentType, byte[] content, String contentId, boolean inline) {
    }

    /** The headers automatic mail announces itself with. */
    public record Noise(String autoSubmitted, String precedence, boolean xAutoreply, boolean xAutorespond,
                        boolean deliveryReport, String loopHeader) {
    }

    public record Bounce(String originalMessageId, String reason) {
    }

    public Optional<Bounce> bounceReport() {
        return Optional.ofNullable(bounce);
    }
}
