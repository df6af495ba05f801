package dev.rapport.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.business.BusinessProfile;
import dev.rapport.support.TestBusiness;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash test: a mailbox full of mail is fetched while ingestion is interrupted at random points (after storing,
 * inside processing, after processing before the server is told, after it is told), then run again until nothing
 * is left. Every message must exist exactly once. {@code -Dcrash.messages} sets how many (default 100; docs/email.md
 * has the 2,000-message run), {@code -Dcrash.seed} the random interruptions.
 */
@SpringBootTest(properties = {"rapport.email.poll-interval=1h",
        "rapport.email.idle.enabled=false", "rapport.email.fetch-batch=500",
        "rapport.test.crash=true"})
class EmailCrashTests {

    private static final Logger log = LoggerFactory.getLogger(EmailCrashTests.class);
    static final AtomicBoolean armed = new AtomicBoolean();
    static final AtomicInteger crashes = new AtomicInteger();
    static final Random random = new Random(Long.getLong("crash.seed", 20261207L));

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[]{ServerSetupTest.SMTP, ServerSetupTest.IMAP}));

    @TestConfiguration
    static class Interruptions {
        @Bean
        Checkpoint randomCrashes() {
            return step -> {
                if (armed.get() && random.nextInt(100) < 4) {
                    crashes.incrementAndGet();
                    throw new IllegalStateException("Simulated crash at " + step);
                }
            };
        }
    }

    @Autowired MailboxDirectory directory;
    @Autowired ImapPoller poller;
    @Autowired BusinessProfile profile;
    @Autowired JdbcClient jdbc;

    @Test
    void everyMessageExistsExactlyOnceHoweverOftenIngestionIsInterrupted() throws Exception {
        TestBusiness.ensureSetUp(profile);
        int count = Integer.getInteger("crash.messages", 100);
        String help = "crash-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.test";
        var user = greenMail.setUser(help, help, Mails.PASSWORD);
        Mailbox mailbox = directory.create(Mails.mailbox(help, greenMail, false)).mailbox();
        Session session = Session.getInstance(new Properties());
        for (int i = 0; i < count; i++) {
            final String id = i % 10 == 9 ? null : "<crash-" + i + "@customers.test>";
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    if (id == null) {
                        removeHeader("Message-ID");
                    } else {
                        setHeader("Message-ID", id);
                    }
                }
            };
            message.setFrom(new InternetAddress("c" + i + "@crash.test"));
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, help);
            message.setSubject("Crash " + i);
            message.setText("Message number " + i + ".");
            message.saveChanges();
            user.deliver(message);
        }

        long started = System.nanoTime();
        armed.set(true);
        int runs = 0;
        while (runs < 100_000) {
            runs++;
            int seen = poller.pollAll();
            long pending = jdbc.sql("select count(*) from inbound_email where status = 'STORED'").query(Long.class)
                    .single();
            if (seen == 0 && pending == 0 && lastPollSucceeded(mailbox)) {
                break;
            }
        }
        armed.set(false);
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info("Crash test: {} messages, {} interruptions, {} runs, {} s", count, crashes.get(), runs,
                String.format("%.1f", seconds));

        assertThat(crashes.get()).as("interruptions happened").isPositive();
        assertThat(poller.pollAll()).as("every message acknowledged on the server").isZero();
        assertThat(jdbc.sql("select count(*) from inbound_email where mailbox_id = ?").param(mailbox.id().value())
                .query(Long.class).single()).isEqualTo(count);
        assertThat(jdbc.sql("select count(*) from inbound_email where mailbox_id = ? and status <> 'PARSED'")
                .param(mailbox.id().value()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from conversation where requester_email like '%@crash.test'")
                .query(Long.class).single()).isEqualTo(count);
        assertThat(jdbc.sql("""
                select count(*) from (select requester_email from conversation where requester_email like '%@crash.test'
                group by requester_email having count(*) > 1) doubled""").query(Long.class).single())
                .as("no message imported twice").isZero();
        assertThat(jdbc.sql("""
                select count(*) from message m join conversation c on c.id = m.conversation
                where c.requester_email like '%@crash.test'""").query(Long.class).single())
                .as("one message per conversation").isEqualTo(count);
    }

    private boolean lastPollSucceeded(Mailbox mailbox) {
        return directory.find(mailbox.id()).orElseThrow().lastPollError() == null;
    }
}
