package dev.rapport.email;

import dev.rapport.business.BusinessProfile;
import dev.rapport.shared.EmailAddress;
import dev.rapport.support.TestBusiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingest throughput (store + parse + screen + thread + conversation), in process as the webhook does it, with
 * generated mail: a third are replies threading into earlier conversations. Off unless asked for:
 * {@code ./mvnw test -Dtest=EmailIngestBenchmark -Demail.benchmark.messages=2000 [-Demail.benchmark.threads=4]};
 * results in docs/benchmarks.md (see benchmarks/email/README.md).
 */
@SpringBootTest(properties = {"rapport.email.poll-interval=1h",
        "rapport.email.idle.enabled=false", "rapport.test.benchmark=true"})
// A benchmark, not a test: it asserts no speed and takes minutes, so the suite skips it; it runs when asked for with
// -Demail.benchmark.messages=N (the project measures speed with committed benchmarks, never timed tests).
@EnabledIfSystemProperty(named = "email.benchmark.messages", matches = "\\d+")
@Import(RoundTrips.class)
class EmailIngestBenchmark {

    private static final Logger log = LoggerFactory.getLogger(EmailIngestBenchmark.class);

    @Autowired MailboxDirectory directory;
    @Autowired Ingestion ingestion;
    @Autowired BusinessProfile profile;
    @Autowired JdbcClient jdbc;
    @Autowired RoundTrips roundTrips;

    @Test
    void ingestsGeneratedMail() throws Exception {
        TestBusiness.ensureSetUp(profile);
        int count = Integer.getInteger("email.benchmark.messages");
        int threads = Integer.getInteger("email.benchmark.threads", 4);
        Mailbox mailbox = directory.create(new MailboxForm(EmailAddress.of("bench@harbourlane.test"), "Bench", null,
                null, 993, null, null, null, null, null, null, null, 587, null, null, null, null, false, true))
                .mailbox();
        List<byte[]> mail = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            mail.add(generate("bench", i));
        }
        warmUp(mailbox, Integer.getInteger("email.benchmark.warmup", 1000));
        analyseTables();
        roundTrips.start();
        long cpu = processCpuNanos();
        long databaseCpu = localPostgresCpuMillis();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            int perThread = (count + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * perThread;
                int to = Math.min(count, from + perThread);
                done.add(pool.submit(() -> {
                    for (int i = from; i < to; i++) {
                        ingestion.accept(mailbox.id(), mail.get(i));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMillis = (processCpuNanos() - cpu) / 1e6;
        long databaseCpuMillis = localPostgresCpuMillis() - databaseCpu;
        roundTrips.stop();
        log.info("Email ingest benchmark: {} messages, {} threads, {} s, {} messages/s", count, threads,
                String.format("%.1f", seconds), String.format("%.0f", count / seconds));
        log.info("CPU per message: {} ms in Rapport's JVM, {} in a PostgreSQL server on this machine (load average {})",
                String.format("%.2f", cpuMillis / count), databaseCpu < 0 ? "not measured"
                        : String.format("%.2f ms", (double) databaseCpuMillis / count),
                String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        if (RoundTrips.wanted()) {
            log.info("Per message: {} statements + {} commits + {} rollbacks + {} savepoints = {} round trips "
                            + "(counting them costs CPU of its own: the throughput above is lower than without)",
                    per(roundTrips.statements(), count), per(roundTrips.commits(), count),
                    per(roundTrips.rollbacks(), count), per(roundTrips.savepoints(), count),
                    per(roundTrips.statements() + roundTrips.commits() + roundTrips.rollbacks()
                            + roundTrips.savepoints(), count));
            roundTrips.top(40).forEach(statement -> log.info("  {} x {}", per(statement.getValue(), count),
                    statement.getKey().length() > 160 ? statement.getKey().substring(0, 160) + "…"
                            : statement.getKey()));
        }
        assertThat(jdbc.sql("select count(*) from inbound_email where mailbox_id = ? and status = 'PARSED' "
                        + "and message_id like '<bench-%'")
                .param(mailbox.id().value()).query(Long.class).single()).isEqualTo(count);
    }

    private static String per(long total, int count) {
        return String.format("%.2f", (double) total / count);
    }

    /**
     * CPU time used so far by the PostgreSQL server's processes on this machine (its postmaster counts the time of
     * backends that ended), from /proc; -1 where that cannot be read (another OS, H2, a remote server).
     */
    private static long localPostgresCpuMillis() {
        if (!jdbcUrl().startsWith("jdbc:postgresql://127.0.0.1")
                && !jdbcUrl().startsWith("jdbc:postgresql://localhost")) {
            return -1;
        }
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            long ticks = processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .mapToLong(EmailIngestBenchmark::postgresTicks).sum();
            return ticks * 10;
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String jdbcUrl() {
        String url = System.getenv("RAPPORT_DATABASE_URL");
        return url == null ? "" : url;
    }

    /** utime + stime + cutime + cstime of a postgres process, in clock ticks (100 a second on Linux), else 0. */
    private static long postgresTicks(java.nio.file.Path process) {
        try {
            String stat = java.nio.file.Files.readString(process.resolve("stat"));
            int end = stat.lastIndexOf(')');
            if (!stat.substring(stat.indexOf('(') + 1, end).equals("postgres")) {
                return 0;
            }
            String[] fields = stat.substring(end + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]) + Long.parseLong(fields[13])
                    + Long.parseLong(fields[14]);
        } catch (java.io.IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * Mail of the same kind as the measured mail (other senders and Message-IDs), so that the JIT compiler has done its
     * work before the clock starts: the benchmark measures a node that has been running, not one just started.
     */
    private void warmUp(Mailbox mailbox, int messages) {
        for (int i = 0; i < messages; i++) {
            ingestion.accept(mailbox.id(), generate("warm", i));
        }
    }

    /**
     * Gathers the planner's statistics, as autovacuum does on a running server. The benchmark's tables are new: the
     * plans PostgreSQL cached while they held a few warm-up rows (sequential scans, cheapest for a page or two) would
     * otherwise stay in the pooled connections for the whole run, since autovacuum looks at a database once a minute.
     */
    private void analyseTables() {
        boolean postgres = jdbcUrl().startsWith("jdbc:postgresql:");
        for (String table : List.of("inbound_email", "email_thread", "email_conversation", "email_participant",
                "customer", "customer_identity", "conversation", "conversation_tag", "conversation_follower",
                "message", "conversation_activity")) {
            jdbc.sql((postgres ? "analyze " : "analyze table ") + table).update();
        }
    }

    /** Every third message (in its own thread's slice order) answers an earlier one from the same sender. */
    static byte[] generate(String kind, int i) {
        int customer = i % 3 == 2 ? i - 2 : i;
        String reply = i % 3 == 2 ? "In-Reply-To: <" + kind + "-" + customer + "@customers.test>\r\n" : "";
        String body = """
                From: Customer %d <c%d@%s.test>\r
                To: Bench <bench@harbourlane.test>\r
                Subject: %s\r
                Message-ID: <%s-%d@customers.test>\r
                %sMIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary="b"\r
                \r
                --b\r
                Content-Type: text/plain; charset=utf-8\r
                Content-Transfer-Encoding: quoted-printable\r
                \r
                Hello, order %d arrived damaged. Gr=C3=BC=C3=9Fe, customer %d\r
                --b\r
                Content-Type: text/html; charset=utf-8\r
                \r
                <p>Hello, order <b>%d</b> arrived damaged.</p><img src=3D"https://t.example/p.gif">\r
                --b--\r
                """.formatted(customer, customer, kind, i % 3 == 2 ? "Re: Order " + customer : "Order " + i, kind, i,
                reply, i, customer, i);
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
