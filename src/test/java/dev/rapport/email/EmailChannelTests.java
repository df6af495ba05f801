package dev.rapport.email;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.rapport.agents.Passwords;
import dev.rapport.agents.Role;
import dev.rapport.agents.Roster;
import dev.rapport.agents.SignedInAgent;
import dev.rapport.business.BusinessProfile;
import dev.rapport.conversations.Channel;
import dev.rapport.conversations.Conversation;
import dev.rapport.conversations.Desk;
import dev.rapport.conversations.Message;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.TestBusiness;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The email channel end to end with real SMTP and IMAP servers (GreenMail on free ports): mail in becomes a
 * conversation, the reply arrives threaded, the customer's answer threads back, a stranger never joins.
 */
@SpringBootTest(properties = {"rapport.mail.poll-interval=200ms", "rapport.email.poll-interval=1h",
        "rapport.email.idle.enabled=false",
        "rapport.attachments.directory=target/test-attachments", "rapport.email.secret-key=test-key"})
class EmailChannelTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.dynamicPort(new ServerSetup[]{ServerSetupTest.SMTP, ServerSetupTest.IMAP}));

    @Autowired MailboxDirectory directory;
    @Autowired ImapPoller poller;
    @Autowired Ingestion ingestion;
    @Autowired Desk desk;
    @Autowired BusinessProfile profile;
    @Autowired Roster roster;
    @Autowired Passwords passwords;
    @Autowired JdbcClient jdbc;
    @Autowired EmailDelivery delivery;

    String help;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        help = "help-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.test";
        greenMail.setUser(help, help, Mails.PASSWORD);
        mailbox = directory.create(Mails.mailbox(help, greenMail, true)).mailbox();
    }

    @Test
    void mailInBecomesAConversationTheReplyArrivesThreadedAndOnlyTheCustomerThreadsBack() throws Exception {
        String ana = "ana-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        greenMail.setUser(ana, ana, "secret");
        Mails.send(greenMail, ana, "Ana Souza", help, "Missing engine",
                "The train set arrived without its engine.",
                Map.of("Message-ID", "<first-" + ana + ">", "Cc", "Ben Souza <ben@customers.test>"));

        assertThat(poller.pollAll()).isEqualTo(1);
        Conversation conversation = conversationOf(ana);
        assertThat(conversation.channel()).isEqualTo(Channel.EMAIL);
        assertThat(conversation.subject()).isEqualTo("Missing engine");
        assertThat(desk.messages(conversation.id()).getFirst().body()).contains("without its engine");
        assertThat(poller.pollAll()).as("acknowledged on the server: not fetched again").isZero();

        MimeMessage ack = await().atMost(Duration.ofSeconds(15)).until(() -> inboxOf(ana), list -> !list.isEmpty())
                .getFirst();
        assertThat(ack.getSubject()).contains("[#" + conversation.number() + "]");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<first-" + ana + ">");

        SignedInAgent maria = agent();
        Message reply = desk.reply(conversation.id(), maria, "A new engine is on its way today.", null, null);
        MimeMessage sent = await().atMost(Duration.ofSeconds(15)).until(() -> inboxOf(ana), list -> list.size() == 2)
                .get(1);
        assertThat(sent.getFrom()[0].toString()).contains(help).contains(maria.name());
        assertThat(sent.getSubject()).isEqualTo("Re: Missing engine [#" + conversation.number() + "]");
        assertThat(sent.getMessageID()).isEqualTo("<rapport." + reply.id() + "@harbourlane.test>");
        assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<first-" + ana + ">");
        assertThat(sent.getHeader("References", null)).contains("<first-" + ana + ">");
        assertThat(sent.getHeader("Thread-Index", null)).isNotBlank();
        assertThat(sent.getHeader("Cc", null)).contains("ben@customers.test");
        assertThat(sent.getContentType()).startsWith("multipart/");
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        sent.writeTo(raw);
        ParsedEmail parsed = EmailParser.parse(raw.toByteArray());
        assertThat(parsed.unsafeHtml()).contains("<p>A new engine is on its way today.</p>");
        assertThat(parsed.text()).contains("A new engine is on its way today.")
                .contains("Harbour Lane Toys · 12 Harbour Lane");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(desk.message(reply.id()).orElseThrow()
                .delivery()).isEqualTo(Message.Delivery.SENT));
        assertThat(jdbc.sql("select count(*) from outbound_mail where reference in (?, ?)")
                .params("email:" + reply.id(), "reply:" + reply.id()).query(Long.class).single())
                .as("the web form's delivery does not send it too").isEqualTo(1);

        Mails.send(greenMail, ana, "Ana Souza", help, "Re: Missing engine [#" + conversation.number()
                + "]", "Thank you! It arrived.\n\nOn Monday Maria wrote:\n> A new engine is on its way today.",
                Map.of("In-Reply-To", sent.getMessageID(), "References", "<first-" + ana + "> " + sent.getMessageID()));
        String bob = "bob-" + UUID.randomUUID().toString().substring(0, 6) + "@elsewhere.test";
        Mails.send(greenMail, bob, "Bob", help, "Re: Missing engine [#" + conversation.number() + "]",
                "I have the same problem, where is my engine?", Map.of("In-Reply-To", sent.getMessageID()));
        assertThat(poller.pollAll()).isEqualTo(2);

        List<Message> messages = desk.messages(conversation.id());
        assertThat(messages).extracting(Message::body).anySatisfy(body -> assertThat(body).startsWith("Thank you!"))
                .noneSatisfy(body -> assertThat(body).contains("same problem"));
        Conversation bobs = conversationOf(bob);
        assertThat(bobs.id()).isNotEqualTo(conversation.id());
        assertThat(jdbc.sql("select linked_from from email_conversation where conversation_id = ?")
                .param(bobs.id().value()).query(Long.class).single()).isEqualTo(conversation.number());
    }

    @Test
    void importedMailCanBeMovedToAFolderInsteadOfMarkedRead() throws Exception {
        String moving = "moving-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.test";
        greenMail.setUser(moving, moving, Mails.PASSWORD);
        MailboxForm base = Mails.mailbox(moving, greenMail, false);
        directory.create(new MailboxForm(base.address(), base.displayName(), null, base.imapHost(), base.imapPort(),
                base.imapSecurity(), base.imapUser(), base.imapPassword(), "INBOX", Mailbox.AfterImport.MOVE,
                "Rapport", base.smtpHost(), base.smtpPort(), base.smtpSecurity(), base.smtpUser(),
                base.smtpPassword(), null, false, true));
        Mails.send(greenMail, "hal@customers.test", "Hal", moving, "Move me", "Please file this.", Map.of());

        assertThat(poller.pollAll()).isEqualTo(1);
        assertThat(Mails.inbox(greenMail, moving)).as("moved out of INBOX").isEmpty();
        var user = greenMail.getUserManager().getUser(moving);
        assertThat(greenMail.getManagers().getImapHostManager().getFolder(user, "Rapport").getMessageCount())
                .isEqualTo(1);
        assertThat(poller.pollAll()).isZero();
        assertThat(jdbc.sql("select count(*) from conversation where requester_email = 'hal@customers.test'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theSameMessageFetchedTwiceIsStoredAndImportedOnce() throws Exception {
        String raw = """
                From: Cleo <cleo@customers.test>
                To: %s
                Subject: Twice
                Message-ID: <twice-%s@customers.test>

                Hello twice.
                """.formatted(help, UUID.randomUUID());
        byte[] bytes = raw.replace("\n", "\r\n").getBytes();
        Ingestion.Stored first = ingestion.accept(mailbox.id(), bytes);
        Ingestion.Stored second = ingestion.accept(mailbox.id(), bytes);
        assertThat(first.isNew()).isTrue();
        assertThat(second.isNew()).isFalse();
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(jdbc.sql("select count(*) from conversation where requester_email = 'cleo@customers.test'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void storedMailProcessedByTwoWorkersAtOnceLandsOnceTheSlowerWorkersWorkIsUndone() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String dora = "dora-" + run + "@customers.test";
        List<Ingestion.Stored> stored = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String reply = i % 2 == 1 ? "In-Reply-To: <race-" + (i - 1) + "-" + run + "@customers.test>\r\n" : "";
            stored.add(ingestion.store(mailbox.id(), ("From: Dora <" + dora + ">\r\nTo: " + help + "\r\nSubject: "
                    + (i % 2 == 1 ? "Re: Race " + (i - 1) : "Race " + i) + "\r\nMessage-ID: <race-" + i + "-" + run
                    + "@customers.test>\r\n" + reply + "\r\nMessage " + i + "\r\n").getBytes()));
        }
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (Ingestion.Stored each : stored) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<?>> both = new ArrayList<>();
                for (int worker = 0; worker < 2; worker++) {
                    both.add(workers.submit(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        ingestion.process(each.id());
                        return null;
                    }));
                }
                for (Future<?> done : both) {
                    done.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            workers.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from conversation where requester_email = ?").param(dora)
                .query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from message m join conversation c on c.id = m.conversation "
                + "where c.requester_email = ? and m.kind = 'INBOUND'").param(dora).query(Long.class).single())
                .isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from inbound_email where message_id like ? and status = 'PARSED'")
                .param("<race-%-" + run + "@customers.test>").query(Long.class).single()).isEqualTo(12);
    }

    @Test
    void aBounceMarksTheReplyFailedWithTheReasonAndAutoRepliesAreNeverAcknowledged() throws Exception {
        String dan = "dan-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        greenMail.setUser(dan, dan, "secret");
        ingestion.accept(mailbox.id(), ("From: " + dan + "\r\nTo: " + help + "\r\nSubject: Broken kite\r\n"
                + "Message-ID: <kite-" + dan + ">\r\n\r\nMy kite broke.\r\n").getBytes());
        Conversation conversation = conversationOf(dan);
        Message reply = desk.reply(conversation.id(), agent(), "Send it back, we repair it.", null, null);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(desk.message(reply.id()).orElseThrow()
                .delivery()).isEqualTo(Message.Delivery.SENT));

        String bounce = """
                From: Mail Delivery System <MAILER-DAEMON@mx.customers.test>
                To: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-%s@mx.customers.test>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.customers.test

                Final-Recipient: rfc822; %s
                Action: failed
                Status: 5.2.2
                Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

                --b
                Content-Type: text/rfc822-headers

                From: Maria <%s>
                To: %s
                Subject: Re: Broken kite
                Message-ID: <rapport.%s@harbourlane.test>

                --b--
                """.formatted(help, UUID.randomUUID(), dan, help, dan, reply.id());
        ingestion.accept(mailbox.id(), bounce.replace("\n", "\r\n").getBytes());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Message failed = desk.message(reply.id()).orElseThrow();
            assertThat(failed.delivery()).isEqualTo(Message.Delivery.FAILED);
            assertThat(failed.deliveryError()).contains("552 5.2.2 Mailbox full");
        });
        assertThat(delivery.retry(reply.id())).isTrue();
        assertThat(desk.message(reply.id()).orElseThrow().delivery()).isEqualTo(Message.Delivery.QUEUED);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(desk.message(reply.id()).orElseThrow()
                .delivery()).isEqualTo(Message.Delivery.SENT));
        assertThat(delivery.retry(reply.id())).as("only a failed reply is retried").isFalse();
        assertThat(jdbc.sql("select count(*) from conversation where requester_email like 'mailer-daemon%'")
                .query(Long.class).single()).as("a bounce starts no conversation").isZero();

        String eve = "eve-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        ingestion.accept(mailbox.id(), ("From: " + eve + "\r\nTo: " + help + "\r\nSubject: Out of office\r\n"
                + "Auto-Submitted: auto-replied\r\nMessage-ID: <ooo-" + eve + ">\r\n\r\nI am away.\r\n").getBytes());
        assertThat(conversationOf(eve)).isNotNull();
        Thread.sleep(600);
        assertThat(jdbc.sql("select count(*) from outbound_mail where recipient = ?").param(eve)
                .query(Long.class).single()).as("no acknowledgement for an auto-reply").isZero();
    }

    @Test
    void automaticMailToOneAddressIsCappedPerHour() {
        String flo = "flo-" + UUID.randomUUID().toString().substring(0, 6) + "@customers.test";
        for (int i = 0; i < 5; i++) {
            ingestion.accept(mailbox.id(), ("From: " + flo + "\r\nTo: " + help + "\r\nSubject: Question " + i
                    + "\r\nMessage-ID: <q" + i + "-" + flo + ">\r\n\r\nQuestion " + i + "\r\n").getBytes());
        }
        assertThat(jdbc.sql("select count(*) from conversation where requester_email = ?").param(flo)
                .query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from outbound_mail where recipient = ?").param(flo)
                .query(Long.class).single()).as("at most rapport.email.automatic-per-hour").isEqualTo(3);
    }

    @Test
    void mailThatCannotBeReadBecomesAFlaggedConversationWithTheRawKept() {
        String raw = "From: Gus <gus@customers.test>\r\nTo: " + help + "\r\nSubject: Broken\r\nMessage-ID: <broken-"
                + UUID.randomUUID() + "@customers.test>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"missing\"\r\n\r\nno boundary anywhere here\r\n";
        Ingestion.Stored stored = ingestion.accept(mailbox.id(), raw.getBytes());
        Conversation conversation = conversationOf("gus@customers.test");
        assertThat(conversation.subject()).startsWith("Could not read this email");
        assertThat(jdbc.sql("select status from inbound_email where id = ?").param(stored.id()).query(String.class)
                .single()).isEqualTo("UNREADABLE");
        assertThat(jdbc.sql("select raw from inbound_email where id = ?").param(stored.id())
                .query((rs, n) -> rs.getBytes(1)).single()).isEqualTo(raw.getBytes());
    }

    @Test
    void passwordsAreSealedAtRestAndTheConnectionCheckSaysWhatFailed() {
        String stored = jdbc.sql("select imap_password from mailbox where id = ?").param(mailbox.id().value())
                .query(String.class).single();
        assertThat(stored).startsWith("aesgcm:").doesNotContain(Mails.PASSWORD);

        assertThat(check(mailbox)).allMatch(ConnectionCheck.Step::ok);

        MailboxForm wrongPassword = withImap(Mails.mailbox(help, greenMail, true), "127.0.0.1",
                "not-the-password", "INBOX");
        assertThat(last(directory.change(mailbox.id(), wrongPassword))).satisfies(step -> {
            assertThat(step.ok()).isFalse();
            assertThat(step.name()).isEqualTo("Sign-in");
        });
        MailboxForm noFolder = withImap(Mails.mailbox(help, greenMail, true), "127.0.0.1",
                Mails.PASSWORD, "Nope");
        assertThat(last(directory.change(mailbox.id(), noFolder))).satisfies(step -> {
            assertThat(step.name()).isEqualTo("Folder");
            assertThat(step.detail()).contains("no folder called \"Nope\"");
        });
        MailboxForm noHost = withImap(Mails.mailbox(help, greenMail, true), "no-such-host.invalid",
                Mails.PASSWORD, "INBOX");
        assertThat(last(directory.change(mailbox.id(), noHost))).satisfies(step ->
                assertThat(step.name()).isEqualTo("Name lookup (DNS)"));
    }

    @Autowired ConnectionCheck connectionCheck;

    private List<ConnectionCheck.Step> check(Mailbox mailbox) {
        return connectionCheck.check(mailbox).steps();
    }

    private ConnectionCheck.Step last(Mailbox mailbox) {
        List<ConnectionCheck.Step> steps = check(mailbox).stream().filter(step -> step.server().equals("IMAP"))
                .toList();
        return steps.getLast();
    }

    private static MailboxForm withImap(MailboxForm form, String host, String password, String folder) {
        return new MailboxForm(form.address(), form.displayName(), form.team(), host, form.imapPort(),
                form.imapSecurity(), form.imapUser(), password, folder, form.afterImport(), form.moveToFolder(),
                form.smtpHost(), form.smtpPort(), form.smtpSecurity(), form.smtpUser(), null, form.signature(),
                form.acknowledge(), form.active());
    }

    private Conversation conversationOf(String email) {
        UUID id = jdbc.sql("select id from conversation where requester_email = ? order by created_at desc limit 1")
                .param(email).query(UUID.class).single();
        return desk.find(new Conversation.ConversationId(id)).orElseThrow();
    }

    private SignedInAgent agent() {
        return SignedInAgent.of(roster.findAgentByEmail(EmailAddress.of(
                TestBusiness.agentWithPassword(roster, passwords, Role.AGENT))).orElseThrow());
    }

    private List<MimeMessage> inboxOf(String address) {
        return Mails.inbox(greenMail, address);
    }
}
