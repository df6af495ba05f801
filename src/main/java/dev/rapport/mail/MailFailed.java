package dev.rapport.mail;

import java.util.UUID;

/** Rapport gave up sending a mail after its attempts; the reason is the last error. */
public record MailFailed(UUID mail, String reference, String reason) {
}
