package dev.rapport.mail;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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

    MailDispatcher(OutboundMails mails, ObjectProvider<JavaMailSender> sender, MailSettings settings,
                   ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock,
                   ObjectProvider<SmtpRoutes> routes) {
        this.routes = routes;
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

    private void send(JavaMailSender smtp, OutboundMail mail) {
        if (mail.status() != OutboundMail.Status.QUEUED) {
            return;
        }
        try {
            MimeMessage message = smtp.createMimeMessage();
            MimeMessageHelper helper = mail.htmlBody() == null
                    ? new MimeMessageHelper(message, StandardCharsets.UTF_8.name())
                    : new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
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
