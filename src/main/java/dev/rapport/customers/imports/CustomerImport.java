package dev.rapport.customers.imports;

import dev.rapport.agents.SignedInAgent;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * One CSV file of customers on its way in: uploaded, mapped column by column, then imported in chunks whose progress
 * is kept with them, so an import interrupted by a restart carries on where it stopped.
 */
public class CustomerImport {

    public enum Status {
        MAPPING, RUNNING, DONE, FAILED
    }

    private static final String HEADING_SEPARATOR = "\u001F";

    private final @Id UUID id;
    private final String fileName;
    private final UUID uploadedBy;
    private final String uploadedByName;
    private final Instant createdAt;
    private Status status;
    private String encoding;
    private final String delimiter;
    private String headings;
    private String mapping;
    private int totalRows;
    private int processed;
    private int imported;
    private int rejected;
    private String problem;
    private Instant finishedAt;
    private @Version Long version;

    @PersistenceCreator
    CustomerImport(UUID id, String fileName, UUID uploadedBy, String uploadedByName, Instant createdAt, Status status,
                   String encoding, String delimiter, String headings, String mapping, int totalRows, int processed,
                   int imported, int rejected, String problem, Instant finishedAt, Long version) {
        this.id = id;
        this.fileName = fileName;
        this.uploadedBy = uploadedBy;
        this.uploadedByName = uploadedByName;
        this.createdAt = createdAt;
        this.status = status;
        this.encoding = encoding;
        this.delimiter = delimiter;
        this.headings = headings;
        this.mapping = mapping;
        this.totalRows = totalRows;
        this.processed = processed;
        this.imported = imported;
        this.rejected = rejected;
        this.problem = problem;
        this.finishedAt = finishedAt;
        this.version = version;
    }

    static CustomerImport uploaded(String fileName, CsvFile file, int rows, ImportMapping guess, SignedInAgent by,
                                   Instant now) {
        String name = fileName == null || fileName.isBlank() ? "customers.csv" : fileName.strip();
        return new CustomerImport(UUID.randomUUID(), name.length() > 255 ? name.substring(0, 255) : name,
                by.id().value(), by.name(), now, Status.MAPPING, file.encoding(),
                String.valueOf(file.delimiter()), String.join(HEADING_SEPARATOR, file.headings()),
                guess.serialise(), rows, 0, 0, 0, null, null, null);
    }

    void reread(CsvFile file, int rows, ImportMapping guess) {
        requireStatus(Status.MAPPING);
        this.encoding = file.encoding();
        this.headings = String.join(HEADING_SEPARATOR, file.headings());
        this.mapping = guess.serialise();
        this.totalRows = rows;
    }

    void start(ImportMapping mapping) {
        requireStatus(Status.MAPPING);
        this.mapping = mapping.serialise();
        this.status = Status.RUNNING;
    }

    void progress(int rows, int importedRows, int rejectedRows) {
        this.processed += rows;
        this.imported += importedRows;
        this.rejected += rejectedRows;
    }

    void finish(Instant now) {
        this.status = Status.DONE;
        this.finishedAt = now;
    }

    void fail(String reason, Instant now) {
        this.status = Status.FAILED;
        this.problem = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        this.finishedAt = now;
    }

    private void requireStatus(Status wanted) {
        if (status != wanted) {
            throw new IllegalStateException("This import has already started.");
        }
    }

    public UUID id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }

    public UUID uploadedBy() {
        return uploadedBy;
    }

    public String uploadedByName() {
        return uploadedByName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Status status() {
        return status;
    }

    public boolean mapping() {
        return status == Status.MAPPING;
    }

    public boolean running() {
        return status == Status.RUNNING;
    }

    public boolean finished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    public String encoding() {
        return encoding;
    }

    public char delimiter() {
        return delimiter.charAt(0);
    }

    public List<String> headings() {
        return Arrays.asList(headings.split(HEADING_SEPARATOR, -1));
    }

    public ImportMapping columnMapping() {
        return ImportMapping.parse(mapping);
    }

    public int totalRows() {
        return totalRows;
    }

    public int processed() {
        return processed;
    }

    public int imported() {
        return imported;
    }

    public int rejected() {
        return rejected;
    }

    /** How far along, 0 to 100. */
    public int percent() {
        return totalRows == 0 ? 100 : (int) Math.min(100, processed * 100L / totalRows);
    }

    public String problem() {
        return problem;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
