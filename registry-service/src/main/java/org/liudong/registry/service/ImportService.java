package org.liudong.registry.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.security.Caller;
import org.liudong.registry.config.RegistryConfig;
import org.liudong.registry.domain.ImportJob;
import org.liudong.registry.repository.ImportJobRepository;
import org.liudong.registry.rest.ImportJobView;
import org.liudong.registry.security.RegisterAccess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Bulk CSV imports. The upload is spooled to a temporary file while its hash and rows are counted (never held in
 * memory), a job is created, and one background worker reads the file line by line and checks whole households
 * in batches, which a second thread commits ({@link ImportBatch}). Jobs run one at a time so an import never
 * starves interactive requests.
 */
@ApplicationScoped
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class);
    private static final int MAX_LISTED_ERRORS = 1000;

    private final ImportJobRepository jobs;
    private final ImportBatch batches;
    private final RegisterAccess access;
    private final AuditTrail audit;
    private final RegistryConfig config;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "registry-import"));
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "registry-import-writer"));

    public ImportService(ImportJobRepository jobs, ImportBatch batches, RegisterAccess access, AuditTrail audit,
                         RegistryConfig config) {
        this.jobs = jobs;
        this.batches = batches;
        this.access = access;
        this.audit = audit;
        this.config = config;
    }

    /** Spools the upload; refuses a file whose header is not the DESIGN's. */
    public ImportUpload receive(InputStream body) {
        try {
            Path file = Files.createTempFile("registry-import-", ".csv");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            UploadScan scan = new UploadScan();
            try (InputStream in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    out.write(buffer, 0, read);
                    scan.scan(buffer, read);
                }
            }
            scan.finish();
            ImportUpload upload = new ImportUpload(file, HexFormat.of().formatHex(digest.digest()), scan.rows());
            scan.firstLineNotUtf8().ifPresent(line -> {
                upload.discard();
                throw ProblemException.badRequest("Line " + line + " of the file is not UTF-8 text: save the file"
                                + " as CSV in UTF-8 (a spreadsheet's \"CSV UTF-8\") and upload it again",
                        new FieldError("file", "line " + line + " is not UTF-8"));
            });
            checkHeader(upload);
            return upload;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public ImportJobView create(ImportUpload upload) {
        String county = access.ownCounty().filter(access::mayWrite).orElseThrow(() ->
                ProblemException.forbidden("Only a clerk or integrator bound to one county may import"));
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.county = county;
        job.submittedBy = access.caller().name();
        job.status = ImportJob.Status.QUEUED;
        job.rowsTotal = upload.rows();
        job.contentHash = upload.hash();
        job.createdAt = OffsetDateTime.now();
        job.updatedAt = job.createdAt;
        jobs.persist(job);
        return view(job);
    }

    /** Starts the job after its creation committed; the worker deletes the file when done. */
    public void start(UUID jobId, ImportUpload upload) {
        AuditTrail.Actor actor = audit.currentActor();
        worker.submit(() -> run(jobId, upload, actor));
    }

    @Transactional
    public Optional<ImportJobView> find(UUID id) {
        return jobs.findByIdOptional(id).map(job -> {
            access.requireRead(job.county);
            return view(job);
        });
    }

    /**
     * Reads and checks one batch while the writer stores the one before: the checks and the encryption run on this
     * thread, the database writes on the writer's. At most one batch waits for the writer, so memory stays bounded
     * and batches are committed in file order.
     */
    void run(UUID jobId, ImportUpload upload, AuditTrail.Actor actor) {
        Future<?> writing = CompletableFuture.completedFuture(null);
        try (BufferedReader reader = Files.newBufferedReader(upload.file(), StandardCharsets.UTF_8)) {
            ImportBatch.Job job = new ImportBatch.Job(jobId, setStatus(jobId, ImportJob.Status.RUNNING, null), actor);
            reader.readLine();
            List<ImportRow> batch = new ArrayList<>();
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (CsvLine.isBlank(text)) {
                    continue;
                }
                ImportRow row = new ImportRow(line, CsvLine.split(text));
                // cut batches only between households, so a household is created with all its rows at once
                if (batch.size() >= config.importBatchSize()
                        && !batch.get(batch.size() - 1).householdNumber().equals(row.householdNumber())) {
                    writing = handOver(job, batch, writing);
                    batch = new ArrayList<>();
                }
                batch.add(row);
            }
            writing = handOver(job, batch, writing);
            writing.get();
            setStatus(jobId, ImportJob.Status.DONE, null);
        } catch (IOException | RuntimeException | ExecutionException e) {
            LOG.errorf(e, "Import job %s failed", jobId);
            writing.cancel(false);
            setStatus(jobId, ImportJob.Status.FAILED, "The import stopped unexpectedly; rows already imported stay, "
                    + "and importing the same file again skips them");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            upload.discard();
        }
    }

    /** Prepares {@code rows}, waits for the writer to finish the batch before, and gives it this one. */
    private Future<?> handOver(ImportBatch.Job job, List<ImportRow> rows, Future<?> previous)
            throws ExecutionException, InterruptedException {
        if (rows.isEmpty()) {
            return previous;
        }
        ImportBatch.Prepared prepared = batches.prepare(job, rows);
        previous.get();
        return writer.submit(() -> applySafely(job, prepared));
    }

    /** A batch that fails as a whole (a concurrent registration won a unique key) is retried household by household. */
    private void applySafely(ImportBatch.Job job, ImportBatch.Prepared batch) {
        try {
            batches.apply(job, batch);
        } catch (RuntimeException e) {
            List<ImportRow> rows = batch.rows();
            LOG.warnf("Import job %s: batch ending at line %d failed (%s); retrying household by household", job.id(),
                    rows.get(rows.size() - 1).line(), e.getMessage());
            List<ImportRow> household = new ArrayList<>();
            for (ImportRow row : rows) {
                if (!household.isEmpty() && !household.get(0).householdNumber().equals(row.householdNumber())) {
                    applyOne(job, batch, household);
                    household = new ArrayList<>();
                }
                household.add(row);
            }
            applyOne(job, batch, household);
        }
    }

    private void applyOne(ImportBatch.Job job, ImportBatch.Prepared batch, List<ImportRow> household) {
        try {
            batches.apply(job, batch.household(household.get(0).householdNumber(), household));
        } catch (RuntimeException e) {
            batches.fail(job, household, "could not be stored (a concurrent change conflicted); import the file again");
        }
    }

    /** @return the job's county */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    String setStatus(UUID jobId, ImportJob.Status status, String failure) {
        ImportJob job = jobs.findById(jobId);
        job.status = status;
        job.failure = failure;
        job.updatedAt = OffsetDateTime.now();
        return job.county;
    }
    /** A restart interrupts running imports; re-importing the file is safe, so they are reported as failed. */
    @Transactional
    void recoverInterrupted(@Observes StartupEvent startup) {
        for (ImportJob job : jobs.unfinished()) {
            job.status = ImportJob.Status.FAILED;
            job.failure = "Interrupted by a restart of the service; import the same file again (imported rows are skipped)";
            job.updatedAt = OffsetDateTime.now();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
        writer.shutdownNow();
    }

    private void checkHeader(ImportUpload upload) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(upload.file(), StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header == null || !CsvLine.split(header).equals(ImportRow.COLUMNS)) {
                upload.discard();
                throw ProblemException.badRequest("The first line must be the header " + String.join(",", ImportRow.COLUMNS),
                        new FieldError("header", "must be " + String.join(",", ImportRow.COLUMNS)));
            }
        }
    }

    private ImportJobView view(ImportJob job) {
        List<ImportJobView.RowError> errors = jobs.errors(job.id, MAX_LISTED_ERRORS).stream()
                .map(e -> new ImportJobView.RowError(e.rowNumber, e.field, e.reason)).toList();
        return new ImportJobView(job.id.toString(), job.county, job.status.name(), job.rowsTotal, job.rowsDone,
                job.rowsImported, job.rowsSkipped, job.rowsFailed, job.failure, job.createdAt, job.updatedAt, errors);
    }
}
