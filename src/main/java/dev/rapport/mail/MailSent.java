package dev.rapport.mail;

import java.util.UUID;

/** A mail left Rapport: the SMTP server accepted it. */
public record MailSent(UUID mail, String reference) {
}
