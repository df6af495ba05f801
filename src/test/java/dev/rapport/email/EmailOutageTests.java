package dev.rapport.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.shared.ControllableClock;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.FreePorts;
import dev.rapport.support.TestBusiness;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Outage test: the mailbox's SMTP server is down while 200 replies are queued and retried (time moved on with the
 * controllable clock, so the backoff passes without waiting), then comes back: all 200 arrive exactly once.
 */
@SpringBootTest(properties = {"rapport.mail.poll-interval=100ms", "rapport.email.poll-interval=1h",
        "rapport.test.outage=true"})
class EmailOutageTests {

    @Autowired MailboxDirectory directory;
    @Autowired Ingestion ingestion;
    @Autowired Desk desk;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired JdbcClient jdbc;
    @Autowired ControllableClock clock;

    GreenMail smtp;

    @AfterEach
    void tearDown() {
        clock.resume();
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void twoHundredRepliesQueuedDuringAnSmtpOutageAreAllDeliveredExactlyOnce() throws Exception {
        TestBusiness.ensureSetUp(profile);
        int port = FreePorts.any();
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        String help = "outage-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.test";
        MailboxForm form = new MailboxForm(EmailAddress.of(help), "Harbour Lane Toys", null, null, 993,
                Mailbox.Security.TLS, null, null, "INBOX", Mailbox.AfterImport.MARK_READ, null, "127.0.0.1", port,
                Mailbox.Security.NONE, null, null, null, false, true);
        Mailbox mailbox = directory.create(form).mailbox();
        String customer = "patient@customers.test";
        ingestion.accept(mailbox.id(), ("From: Pat <" + customer + ">\r\nTo: " + help
                + "\r\nSubject: Waiting\r\nMessage-ID: <waiting@customers.test>\r\n\r\nHello?\r\n").getBytes());
        UUID conversationId = jdbc.sql("select id from conversation where requester_email = ?").param(customer)
                .query(UUID.class).single();
        SignedInAgent agent = SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.AGENT))).orElseThrow());

        for (int i = 0; i < 200; i++) {
            desk.reply(new Conversation.ConversationId(conversationId), agent, "Reply number " + i, null, null);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbound_mail where "
                + "recipient = '" + customer + "' and attempts >= 1 and status = 'QUEUED'") == 200);
        clock.advance(Duration.ofMinutes(30));
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from outbound_mail where "
                + "recipient = '" + customer + "' and attempts >= 2 and status = 'QUEUED'") == 200);
        assertThat(count("select count(*) from outbound_mail where recipient = '" + customer
                + "' and status = 'SENT'")).as("nothing sent while SMTP is down").isZero();

        smtp.start();
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(90)).until(() -> count("select count(*) from outbound_mail where "
                + "recipient = '" + customer + "' and status = 'SENT'") == 200);
        Thread.sleep(1000);

        List<MimeMessage> received = Arrays.asList(smtp.getReceivedMessages());
        Set<String> ids = new HashSet<>();
        for (MimeMessage message : received) {
            ids.add(message.getMessageID());
        }
        assertThat(received).hasSize(200);
        assertThat(ids).as("each reply once").hasSize(200);
        assertThat(count("select count(*) from message where conversation = '" + conversationId
                + "' and kind = 'REPLY' and delivery = 'SENT'")).isEqualTo(200);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
