package dev.rapport.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param from         the sender address of mail Rapport sends ({@code RAPPORT_MAIL_FROM})
 * @param fromName     the sender name shown to customers
 * @param pollInterval how often the dispatcher looks for mail to send
 * @param maxAttempts  attempts before a mail is given up as failed
 */
@ConfigurationProperties("rapport.mail")
public record MailSettings(@DefaultValue("rapport@localhost") String from, @DefaultValue("Rapport") String fromName,
                           @DefaultValue("5s") Duration pollInterval, @DefaultValue("8") int maxAttempts) {
}
