package dev.rapport.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends queued mail over SMTP, one transaction per mail, with backoff between attempts. Without an SMTP server
 * ({@code spring.mail.host}) mail stays queued, nothing is lost, and the reason is logged once.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);

    private final OutboundMails mails;
    private final ObjectProvider<JavaMailSender> sender;
    private final MailSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final AtomicBoolean warnedNoSmtp = new AtomicBoolean();
    private final ObjectProvider<SmtpRoutes> routes;
    private final ObjectProvider<MailAttachments> files;

    MailDispatcher(OutboundMails mails, ObjectProvider<JavaMailSender> sender, MailSettings settings,
                   ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
                   ObjectProvider<SmtpRoutes> routes, ObjectProvider<MailAttachments> files) {
        this.routes = routes;
        this.files = files;
        this.mails = mails;
        this.sender = sender;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${rapport.mail.poll-interval:5s}", initialDelayString = "5s")
    void sendDue() {
        JavaMailSender fallback = sender.getIfAvailable();
        for (OutboundMail mail : mails.findDue(clock.instant())) {
            JavaMailSender smtp = senderFor(mail).orElse(fallback);
            if (smtp == null) {
                if (warnedNoSmtp.compareAndSet(false, true)) {
                    log.warn("Outgoing mail is kept in the outbox: no SMTP server is configured (set spring.mail.host).");
                }
                continue;
            }
            transactions.executeWithoutResult(status -> send(smtp, mails.findById(mail.id()).orElseThrow()));
        }
    }

    private java.util.Optional<JavaMailSender> senderFor(OutboundMail mail) {
        if (mail.route() == null) {
            return java.util.Optional.empty();
        }
        return routes.orderedStream().map(route -> route.sender(mail.route())).flatMap(java.util.Optional::stream)
                .findFirst();
    }

    /**
     * A file as a MIME part, always base64 so it arrives byte for byte (a text file sent quoted-printable would have
     * its line endings changed); a non-ASCII name goes out RFC 2231 encoded ({@code filename*=UTF-8''...}).
     */
    private MimeBodyPart attachment(OutboundMailFile file) throws IOException, MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(read(file), file.contentType())));
        part.setDisposition(Part.ATTACHMENT);
        part.setFileName(file.fileName());
        part.setHeader("Content-Transfer-Encoding", "base64");
        return part;
    }

    /** The file's bytes now, from whichever module keeps it; a missing file fails this attempt, not the mail. */
    private byte[] read(OutboundMailFile file) throws IOException {
        for (MailAttachments source : files.orderedStream().toList()) {
            Optional<InputStream> content = source.open(file.source());
            if (content.isPresent()) {
                try (InputStream in = content.get()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IOException("The attachment " + file.fileName() + " is no longer available.");
    }

    private void send(JavaMailSender smtp, OutboundMail mail) {
        if (mail.status() != OutboundMail.Status.QUEUED) {
            return;
        }
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = mail.htmlBody() == null && mail.files().isEmpty()
                    ? new MimeMessageHelper(message, StandardCharsets.UTF_8.name())
                    : new MimeMessageHelper(message, mail.files().isEmpty()
                    ? MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED : MimeMessageHelper.MULTIPART_MODE_MIXED,
                    StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(mail.fromAddress() == null ? settings.from() : mail.fromAddress(),
                    mail.fromName() == null ? settings.fromName() : mail.fromName(), StandardCharsets.UTF_8.name()));
            helper.setTo(mail.recipientName() == null ? new InternetAddress(mail.recipient())
                    : new InternetAddress(mail.recipient(), mail.recipientName(), StandardCharsets.UTF_8.name()));
            for (String copy : mail.ccList()) {
                helper.addCc(copy);
            }
            helper.setSubject(mail.subject());
            if (mail.htmlBody() == null) {
                helper.setText(mail.body(), false);
            } else {
                helper.setText(mail.body(), mail.htmlBody());
            }
            for (OutboundMailFile file : mail.files()) {
                helper.getRootMimeMultipart().addBodyPart(attachment(file));
            }
            for (var header : mail.headerMap().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            if (mail.messageId() != null) {
                message.setHeader("Message-ID", mail.messageId());
            }
            smtp.send(message);
            mail.sent(clock.instant());
            mails.save(mail);
            events.publishEvent(new MailSent(mail.id(), mail.reference()));
        } catch (Exception e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            boolean gaveUp = mail.attemptFailed(reason, clock.instant(), settings.maxAttempts());
            mails.save(mail);
            log.warn("Could not send mail {} (attempt {}): {}", mail.id(), mail.attempts(), reason);
            if (gaveUp) {
                events.publishEvent(new MailFailed(mail.id(), mail.reference(), reason));
            }
        }
    }
}
