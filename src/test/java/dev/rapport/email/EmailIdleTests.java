package dev.rapport.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * IMAP IDLE against a real server (GreenMail): with polling set to an hour, mail still arrives within seconds; when
 * the server goes away and comes back the connection is made again on its own; a mailbox switched off is let go;
 * stopping closes every connection and ends every thread.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = {"rapport.email.poll-interval=1h", "rapport.email.idle.reconcile-every=300ms",
        "rapport.email.idle.max-backoff=1s", "rapport.email.secret-key=idle-key", "rapport.mail.poll-interval=1h"})
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
class EmailIdleTests {

    static final int IMAP_PORT = freePort();
    static final int SMTP_PORT = freePort();

    @Autowired MailboxDirectory directory;
    @Autowired ImapIdle idle;
    @Autowired ImapPoller poller;
    @Autowired BusinessProfile profile;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.assertj.MockMvcTester mvc;
    @Autowired dev.rapport.agents.Roster roster;

    GreenMail greenMail;
    String help;
    Mailbox mailbox;

    @BeforeEach
    void setUp() {
        TestBusiness.ensureSetUp(profile);
        greenMail = startServer();
        help = "idle-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.test";
        greenMail.setUser(help, help, Mails.PASSWORD);
        mailbox = directory.create(form(true)).mailbox();
    }

    @AfterEach
    void tearDown() {
        greenMail.stop();
        if (mailbox != null) {
            directory.change(mailbox.id(), form(false));
            idle.reconcile();
        }
    }

    @Test
    void mailArrivesWithinSecondsAndTheConnectionRecoversAfterTheServerRestarts() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> idle.watching(mailbox.id()));
        assertThat(idle.connections(mailbox.id())).isEqualTo(1);
        var admin = roster.findAgentByEmail(EmailAddress.of(TestBusiness.ADMIN_EMAIL)).orElseThrow();
        var signedIn = dev.rapport.agents.SignedInAgent.of(admin);
        assertThat(mvc.get().uri("/admin/email").with(org.springframework.security.test.web.servlet.request
                .SecurityMockMvcRequestPostProcessors.authentication(org.springframework.security.authentication
                        .UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()))))
                .hasStatusOk().bodyText().contains("The server tells Rapport the moment mail arrives");

        // "watching" is set before the first fetch; mail sent before the IDLE command reaches the server would wait
        // for the renewal, so wait until the watcher has gone into IDLE
        await().atMost(Duration.ofSeconds(10)).until(() -> idle.idles(mailbox.id()) > 0);
        long sent = System.nanoTime();
        Mails.send(greenMail, "ana@customers.test", "Ana", help, "Missing engine", "Where is the engine?", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations("ana@customers.test") == 1);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).as("well before the hour's poll")
                .isLessThan(Duration.ofSeconds(10));

        greenMail.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> !idle.watching(mailbox.id()));
        int idlesBefore = idle.idles(mailbox.id());
        greenMail = startServer();
        greenMail.setUser(help, help, Mails.PASSWORD);
        await().atMost(Duration.ofSeconds(20)).until(() -> idle.watching(mailbox.id())
                && idle.connections(mailbox.id()) == 2 && idle.idles(mailbox.id()) > idlesBefore);

        Mails.send(greenMail, "bob@customers.test", "Bob", help, "Broken kite", "My kite broke.", Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations("bob@customers.test") == 1);
        assertThat(conversations("ana@customers.test")).as("nothing fetched twice").isEqualTo(1);
    }

    @Test
    void aMailboxSwitchedOffIsLetGoAndStoppingEndsEveryConnection() {
        await().atMost(Duration.ofSeconds(10)).until(() -> idle.watching(mailbox.id()));
        IdleWatcher watcher = idle.watcher(mailbox.id()).orElseThrow();

        directory.change(mailbox.id(), form(false));
        idle.reconcile();
        assertThat(idle.watcher(mailbox.id())).isEmpty();
        assertThat(watcher.alive()).isFalse();
        assertThat(watcher.state()).isEqualTo(IdleWatcher.State.STOPPED);

        directory.change(mailbox.id(), form(true));
        idle.reconcile();
        await().atMost(Duration.ofSeconds(10)).until(() -> idle.watching(mailbox.id()));
        IdleWatcher again = idle.watcher(mailbox.id()).orElseThrow();
        idle.stop();
        try {
            assertThat(again.alive()).as("the application's stop ends the threads").isFalse();
            assertThat(idle.watcher(mailbox.id())).isEmpty();
        } finally {
            idle.start();
        }
    }

    @Test
    void aServerWithoutIdleIsLeftToThePoller() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> serveImapWithoutIdle(server));
            String plain = "plain-" + UUID.randomUUID().toString().substring(0, 6) + "@harbourlane.test";
            Mailbox old = directory.create(new MailboxForm(EmailAddress.of(plain), "Old server", null, "127.0.0.1",
                    server.getLocalPort(), Mailbox.Security.NONE, plain, "pw", "INBOX",
                    Mailbox.AfterImport.MARK_READ, null, null, 587, Mailbox.Security.NONE, null, null, null, false,
                    true)).mailbox();
            try {
                idle.reconcile();
                await().atMost(Duration.ofSeconds(10)).until(() -> idle.state(old.id())
                        .filter(state -> state == IdleWatcher.State.UNSUPPORTED).isPresent());
                assertThat(idle.watching(old.id())).isFalse();
                poller.pollAll();
                assertThat(directory.find(old.id()).orElseThrow().lastPolledAt()).as("polled instead").isNotNull();
            } finally {
                directory.change(old.id(), new MailboxForm(EmailAddress.of(plain), "Old server", null, "127.0.0.1",
                        server.getLocalPort(), Mailbox.Security.NONE, plain, "pw", "INBOX",
                        Mailbox.AfterImport.MARK_READ, null, null, 587, Mailbox.Security.NONE, null, null, null,
                        false, false));
            }
        }
    }

    /** A minimal IMAP server that never offers IDLE: OK to everything, an empty INBOX. */
    private static void serveImapWithoutIdle(ServerSocket server) {
        while (!server.isClosed()) {
            try (java.net.Socket socket = server.accept();
                 var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                         java.nio.charset.StandardCharsets.US_ASCII));
                 var out = new java.io.PrintWriter(new java.io.OutputStreamWriter(socket.getOutputStream(),
                         java.nio.charset.StandardCharsets.US_ASCII), true)) {
                out.print("* OK IMAP4rev1 old server ready\r\n");
                out.flush();
                String line;
                while ((line = in.readLine()) != null) {
                    String[] parts = line.split(" ", 3);
                    String tag = parts[0];
                    String command = parts.length > 1 ? parts[1].toUpperCase(java.util.Locale.ROOT) : "";
                    switch (command) {
                        case "CAPABILITY" -> out.print("* CAPABILITY IMAP4rev1\r\n" + tag + " OK done\r\n");
                        case "SELECT", "EXAMINE" -> out.print("* 0 EXISTS\r\n* 0 RECENT\r\n"
                                + "* OK [UIDVALIDITY 1] ok\r\n* FLAGS (\\Seen \\Deleted)\r\n"
                                + tag + " OK [READ-WRITE] done\r\n");
                        case "SEARCH" -> out.print("* SEARCH\r\n" + tag + " OK done\r\n");
                        case "LOGOUT" -> out.print("* BYE bye\r\n" + tag + " OK done\r\n");
                        default -> out.print(tag + " OK done\r\n");
                    }
                    out.flush();
                    if (command.equals("LOGOUT")) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the client went away or the server closed: take the next one
            }
        }
    }

    @Test
    void reconnectsAfterOneTwoFourSecondsUpToTheLimit() {
        Duration max = Duration.ofMinutes(2);
        assertThat(IdleWatcher.backoff(1, max)).isEqualTo(Duration.ofSeconds(1));
        assertThat(IdleWatcher.backoff(2, max)).isEqualTo(Duration.ofSeconds(2));
        assertThat(IdleWatcher.backoff(3, max)).isEqualTo(Duration.ofSeconds(4));
        assertThat(IdleWatcher.backoff(30, max)).isEqualTo(max);
    }

    private long conversations(String customer) {
        return jdbc.sql("select count(*) from conversation where requester_email = ?").param(customer)
                .query(Long.class).single();
    }

    private MailboxForm form(boolean active) {
        return new MailboxForm(EmailAddress.of(help), "Harbour Lane Toys", null, "127.0.0.1", IMAP_PORT,
                Mailbox.Security.NONE, help, Mails.PASSWORD, "INBOX", Mailbox.AfterImport.MARK_READ, null, null,
                587, Mailbox.Security.NONE, null, null, null, false, active);
    }

    private static GreenMail startServer() {
        GreenMail server = new GreenMail(new ServerSetup[]{
                new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
