package dev.rapport.customers.imports;

import dev.rapport.agents.SignedInAgent;
import dev.rapport.customers.CustomerAttributes;
import dev.rapport.customers.CustomerSettings;
import dev.rapport.customers.Identities;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Imports customers from CSV files: upload (read and checked whole, so a broken file is refused before anything is
 * written), column mapping, then the import itself in the background, a chunk of rows per transaction with its
 * progress and rejected rows, so valid rows commit, invalid rows are reported with their reason, and an import cut
 * short by a restart carries on from the chunk it was in.
 */
@Service
public class CustomerImporter {

    static final int CHUNK = 1000;
    private static final Logger log = LoggerFactory.getLogger(CustomerImporter.class);

    private final CustomerImports imports;
    private final ChunkWriter writer;
    private final CustomerAttributes attributes;
    private final Identities identities;
    private final CustomerSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("customer-import").daemon().factory());

    CustomerImporter(CustomerImports imports, ChunkWriter writer, CustomerAttributes attributes, Identities identities,
                     CustomerSettings settings, JdbcClient jdbc, PlatformTransactionManager transactionManager,
                     Clock clock) {
        this.imports = imports;
        this.writer = writer;
        this.attributes = attributes;
        this.identities = identities;
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Reads the whole file once, so that a file that cannot be imported is refused now, with the reason.
     *
     * @throws UnreadableCsv when the file is empty, too large, binary, or its structure breaks
     */
    public CustomerImport upload(String fileName, byte[] bytes, SignedInAgent by) {
        requireMayImport(by);
        if (bytes.length > settings.importMaxSize().toBytes()) {
            throw new UnreadableCsv("The file is " + megabytes(bytes.length) + "; files up to "
                    + megabytes(settings.importMaxSize().toBytes()) + " can be imported. Split it into parts.");
        }
        CsvFile file = CsvFile.read(bytes, null);
        int rows = file.countRows();
        if (rows == 0) {
            throw new UnreadableCsv("The file has column headings but no customers below them.");
        }
        CustomerImport upload = CustomerImport.uploaded(fileName, file, rows,
                ImportMapping.guess(file.headings(), attributes.current()), by, clock.instant());
        return transactions.execute(status -> {
            CustomerImport saved = imports.save(upload);
            jdbc.sql("insert into customer_import_file (customer_import, content) values (?, ?)")
                    .params(saved.id(), bytes).update();
            return saved;
        });
    }

    /** Reads the upload again in another encoding, before it is mapped. */
    public CustomerImport reread(UUID id, String encoding) {
        if (!CsvFile.ENCODINGS.contains(encoding)) {
            throw new UnreadableCsv("Choose UTF-8, UTF-16 or Windows-1252.");
        }
        CustomerImport upload = require(id);
        CsvFile file = CsvFile.read(content(id), encoding);
        upload.reread(file, file.countRows(), ImportMapping.guess(file.headings(), attributes.current()));
        return imports.save(upload);
    }

    public CustomerImport require(UUID id) {
        return imports.findById(id).orElseThrow(() -> new ImportNotFound(id));
    }

    public List<CustomerImport> recent() {
        return imports.findTop20ByOrderByCreatedAtDesc();
    }

    /** The first rows of the file, to show beside the mapping. */
    public List<List<String>> sample(UUID id, int rows) {
        CustomerImport upload = require(id);
        CsvFile file = CsvFile.read(content(id), upload.encoding(), upload.delimiter());
        List<List<String>> sample = new ArrayList<>();
        try {
            file.rows(2, row -> {
                if (sample.size() >= rows) {
                    throw new EnoughRows();
                }
                sample.add(row.cells());
            });
        } catch (EnoughRows enough) {
            // the sample is full
        }
        return sample;
    }

    /**
     * Checks the mapping and starts importing in the background.
     *
     * @throws IllegalArgumentException naming what is wrong with the mapping
     */
    public CustomerImport start(UUID id, ImportMapping mapping, SignedInAgent by) {
        requireMayImport(by);
        CustomerImport upload = require(id);
        mapping.validate(upload.headings().size(), attributes.current());
        upload.start(mapping);
        CustomerImport started = imports.save(upload);
        runner.submit(() -> run(id));
        return started;
    }

    /** Rejected rows in file order, at most {@code limit}. */
    public List<Rejection> rejections(UUID id, int limit) {
        return jdbc.sql("select line, reason, original from customer_import_rejection where customer_import = ? "
                        + "order by line")
                .param(id).query((rs, n) -> new Rejection(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list().stream().limit(limit).toList();
    }

    /** A rejected row: its number in the file, why, and the row as it was. */
    public record Rejection(int row, String reason, String original) {
    }

    /**
     * Writes the rejection report as CSV in the upload's own separator: row, reason, then the row's own cells under
     * the original headings, so the rows can be fixed and imported again.
     */
    public void report(UUID id, Writer out) {
        CustomerImport upload = require(id);
        char separator = upload.delimiter();
        List<String> heading = new ArrayList<>(List.of("Row", "Reason"));
        heading.addAll(upload.headings());
        try {
            out.write(csvLine(separator, heading));
            out.write("\r\n");
            jdbc.sql("select line, reason, original from customer_import_rejection where customer_import = ? "
                            + "order by line")
                    .param(id).query(rs -> {
                        try {
                            out.write(csvLine(separator, List.of(String.valueOf(rs.getInt(1)), rs.getString(2))));
                            out.write(separator);
                            out.write(rs.getString(3));
                            out.write("\r\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Carries on with imports that a shutdown interrupted. */
    @EventListener(ApplicationReadyEvent.class)
    void resumeInterrupted() {
        imports.findByStatus(CustomerImport.Status.RUNNING).forEach(upload -> {
            log.info("Resuming customer import {} ({}) at row {}", upload.id(), upload.fileName(),
                    upload.processed() + 2);
            runner.submit(() -> run(upload.id()));
        });
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    void run(UUID id) {
        try {
            CustomerImport upload = require(id);
            CsvFile file = CsvFile.read(content(id), upload.encoding(), upload.delimiter());
            RowReader reader = new RowReader(upload.columnMapping(), upload.headings().size(), attributes.current(),
                    identities);
            ChunkWriter.Author author = new ChunkWriter.Author(upload.uploadedBy(), upload.uploadedByName());
            Map<String, Integer> seen = new HashMap<>();
            List<CsvFile.Row> chunk = new ArrayList<>(CHUNK);
            Timings timings = new Timings(System.nanoTime());
            file.rows(upload.processed() + 2, row -> {
                chunk.add(row);
                if (chunk.size() == CHUNK) {
                    importChunk(id, file, reader, author, seen, chunk, timings);
                    chunk.clear();
                }
            });
            if (!chunk.isEmpty()) {
                importChunk(id, file, reader, author, seen, chunk, timings);
            }
            log.info("Customer import {}: {}", id, timings);
            transactions.executeWithoutResult(status -> {
                CustomerImport done = require(id);
                done.finish(clock.instant());
                imports.save(done);
            });

        } catch (RuntimeException e) {
            log.warn("Customer import {} stopped: {}", id, e.toString());
            transactions.executeWithoutResult(status -> {
                CustomerImport failed = require(id);
                failed.fail("Stopped after row " + (failed.processed() + 1) + ": " + e.getMessage()
                        + " The rows before it are imported.", clock.instant());
                imports.save(failed);
            });
        }
    }

    /** Where an import's time went, for the log: checking rows or writing them. */
    private static final class Timings {
        private final long started;
        private long checking;
        private long writing;

        Timings(long started) {
            this.started = started;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "done in %.1f s (checking rows %.1f s, writing %.1f s)",
                    (System.nanoTime() - started) / 1e9, checking / 1e9, writing / 1e9);
        }
    }

    private void importChunk(UUID id, CsvFile file, RowReader reader, ChunkWriter.Author author,
                             Map<String, Integer> seen, List<CsvFile.Row> rows, Timings timings) {
        long checkStart = System.nanoTime();
        Map<Integer, String> refused = new LinkedHashMap<>();
        List<ImportedCustomer> valid = new ArrayList<>();
        for (CsvFile.Row row : rows) {
            switch (reader.read(row)) {
                case RowReader.Read read -> {
                    String duplicate = read.customer().identities().stream()
                            .filter(identity -> seen.containsKey(ChunkWriter.key(identity)))
                            .map(identity -> "The " + identity.kind().label().toLowerCase() + " " + identity.display()
                                    + " is also in row " + seen.get(ChunkWriter.key(identity)) + ".")
                            .findFirst().orElse(null);
                    if (duplicate != null) {
                        refused.put(row.number(), duplicate);
                    } else {
                        read.customer().identities().forEach(identity -> seen.put(ChunkWriter.key(identity),
                                row.number()));
                        valid.add(read.customer());
                    }
                }
                case RowReader.Refused no -> refused.put(row.number(), no.reason());
            }
        }
        long writeStart = System.nanoTime();
        timings.checking += writeStart - checkStart;
        try {
            transactions.executeWithoutResult(status -> commit(id, file, rows, valid, refused, author));
            timings.writing += System.nanoTime() - writeStart;
        } catch (RuntimeException chunkFailed) {
            log.info("Chunk of customer import {} failed as a whole ({}); importing its rows one by one", id,
                    chunkFailed.toString());
            for (CsvFile.Row row : rows) {
                List<ImportedCustomer> one = valid.stream().filter(c -> c.row() == row.number()).toList();
                Map<Integer, String> reason = refused.containsKey(row.number())
                        ? Map.of(row.number(), refused.get(row.number())) : new LinkedHashMap<>();
                try {
                    transactions.executeWithoutResult(status -> commit(id, file, List.of(row), one, reason, author));
                } catch (RuntimeException rowFailed) {
                    transactions.executeWithoutResult(status -> commit(id, file, List.of(row), List.of(),
                            Map.of(row.number(), "Could not be saved: " + rootMessage(rowFailed)), author));
                }
            }
        }
    }

    private void commit(UUID id, CsvFile file, List<CsvFile.Row> rows, List<ImportedCustomer> valid,
                        Map<Integer, String> refusedBefore, ChunkWriter.Author author) {
        Map<Integer, String> refused = new LinkedHashMap<>(refusedBefore);
        refused.putAll(writer.write(valid, author, clock.instant()));
        for (CsvFile.Row row : rows) {
            String reason = refused.get(row.number());
            if (reason != null) {
                String original = file.original(row.cells());
                jdbc.sql("insert into customer_import_rejection (customer_import, line, reason, original) "
                                + "values (?, ?, ?, ?)")
                        .params(id, row.number(), cut(reason, 1000), cut(original, 4000)).update();
            }
        }
        CustomerImport upload = require(id);
        upload.progress(rows.size(), valid.size() - (refused.size() - refusedBefore.size()), refused.size());
        imports.save(upload);
    }

    private byte[] content(UUID id) {
        return jdbc.sql("select content from customer_import_file where customer_import = ?").param(id)
                .query(byte[].class).optional().orElseThrow(() -> new ImportNotFound(id));
    }

    private static void requireMayImport(SignedInAgent by) {
        if (by.role().ordinal() > dev.rapport.agents.Role.LEAD.ordinal()) {
            throw new AccessDeniedException("Only admins and team leads import customers.");
        }
    }

    private static String csvLine(char separator, List<String> cells) {
        return org.apache.commons.csv.CSVFormat.RFC4180.builder().setDelimiter(separator).get()
                .format(cells.toArray());
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return cut(message.lines().findFirst().orElse(message), 300);
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    /** Stops reading once the sample is full. */
    private static final class EnoughRows extends RuntimeException {
        EnoughRows() {
            super(null, null, false, false);
        }
    }
}
