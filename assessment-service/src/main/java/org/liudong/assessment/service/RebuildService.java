package org.liudong.assessment.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.domain.RebuildJob;
import org.liudong.assessment.repository.MoveRepository;
import org.liudong.assessment.repository.PersonRepository;
import org.liudong.assessment.repository.RebuildJobRepository;
import org.liudong.platform.consumer.CloudEventReader;
import org.liudong.platform.consumer.PoisonEventException;
import org.liudong.platform.events.CloudEvent;
import org.liudong.platform.events.Topics;
import org.liudong.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Recomputes the projection from the start of {@code registry.events} and {@code migration.events} into fresh
 * tables (schema {@code projection_rebuild}), while the live consumers keep the current one up to date. Once
 * caught up it swaps the schemas in one transaction that holds the live consumers back, so no event is lost
 * or applied twice: events the rebuild saw are in its {@code processed_event} table and are skipped later.
 */
@ApplicationScoped
public class RebuildService {

    public static final String LIVE = "projection";
    public static final String FRESH = "projection_rebuild";
    private static final List<String> TABLES = List.of("processed_event", "person", "household", "move", "verification",
            "shared_pseudonym", "repeat_mover");
    private static final Logger LOG = Logger.getLogger(RebuildService.class);
    /** A job's progress is written at most this often: each write is a commit of its own. */
    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;
    /** The fields naming the projection row an event changes, most specific first ({@link #writerOf}). */
    private static final List<String> ROW_IDS = List.of("moveId", "verificationId", "personId", "householdId");

    private final RebuildJobRepository jobs;
    private final ProjectionService projection;
    private final PersonRepository persons;
    private final MoveRepository moves;
    private final CloudEventReader reader;
    private final EntityManager entityManager;
    /**
     * Runs the rebuild. A plain thread, not the managed executor: that would hand the rebuild the transaction of the
     * request that started it (an Idempotency-Key's), which commits while the rebuild goes on.
     */
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AssessmentConfig config;
    private final String bootstrapServers;

    public RebuildService(RebuildJobRepository jobs, ProjectionService projection, PersonRepository persons,
                          MoveRepository moves, CloudEventReader reader,
                          EntityManager entityManager, AssessmentConfig config,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.jobs = jobs;
        this.projection = projection;
        this.persons = persons;
        this.moves = moves;
        this.reader = reader;
        this.entityManager = entityManager;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a rebuild in the background; one at a time. */
    public RebuildJob start(String requestedBy) {
        RebuildJob job = QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("lock table public.rebuild_job in exclusive mode").executeUpdate();
            if (jobs.anyRunning()) {
                throw ProblemException.conflict("rebuild-running", "A rebuild is already running");
            }
            RebuildJob created = new RebuildJob();
            created.id = UUID.randomUUID();
            created.status = RebuildJob.Status.RUNNING.name();
            created.requestedBy = requestedBy;
            created.startedAt = Instant.now();
            jobs.persist(created);
            return created;
        });
        runner.execute(() -> run(job.id));
        return job;
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }

    @Transactional
    public Optional<RebuildJob> find(UUID id) {
        return jobs.findByIdOptional(id);
    }

    void run(UUID jobId) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "enable.auto.commit", "false", "max.poll.records", "5000"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            QuarkusTransaction.requiringNew().run(this::createFreshTables);
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.REGISTRY_EVENTS, Topics.MIGRATION_EVENTS)) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long total = partitions.stream().mapToLong(p -> end.get(p) - start.get(p)).sum();
            progress(jobId, total, 0);

            long began = System.nanoTime();
            long consumed;
            List<ExecutorService> writers = new ArrayList<>();
            for (int i = 0; i < config.rebuildWriters(); i++) {
                String name = "rebuild-writer-" + i;
                writers.add(Executors.newSingleThreadExecutor(r -> new Thread(r, name)));
            }
            try {
                consumed = replayUntil(consumer, end, 0, jobId, total, writers);
            } finally {
                writers.forEach(ExecutorService::shutdownNow);
            }
            QuarkusTransaction.requiringNew().run(this::indexFreshTables);
            long caughtUp = consumed;
            QuarkusTransaction.requiringNew().run(() -> swap(consumer, partitions, caughtUp));
            finish(jobId, RebuildJob.Status.DONE, null);
            double seconds = Math.max(1e-3, (System.nanoTime() - began) / 1e9);
            LOG.infof("Rebuild %s done: %d events in %.1f s (%.0f events/s)", jobId, consumed, seconds,
                    consumed / seconds);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Rebuild %s failed", jobId);
            finish(jobId, RebuildJob.Status.FAILED, e.getMessage());
            QuarkusTransaction.requiringNew().run(() ->
                    entityManager.createNativeQuery("drop schema if exists " + FRESH + " cascade").executeUpdate());
        }
    }

    /**
     * Empty copies of the projection's tables with their primary keys (the upserts need them); the other indexes
     * are built once the rows are in, which is cheaper than keeping them up to date row by row.
     */
    private void createFreshTables() {
        entityManager.createNativeQuery("drop schema if exists " + FRESH + " cascade").executeUpdate();
        entityManager.createNativeQuery("create schema " + FRESH).executeUpdate();
        for (String table : TABLES) {
            entityManager.createNativeQuery("create table " + FRESH + "." + table + " (like " + LIVE + "." + table
                    + " including all excluding indexes)").executeUpdate();
        }
        for (String key : definitions("select 'alter table " + FRESH + ".' || c.relname || ' add constraint '"
                + " || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid) from pg_constraint k"
                + " join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace"
                + " where n.nspname = '" + LIVE + "' and k.contype = 'p'")) {
            entityManager.createNativeQuery(key).executeUpdate();
        }
    }

    /**
     * Builds the indexes the live tables have besides their primary keys, finds the shared pseudonyms and the repeat
     * movers among all rows (the bulk replay left them out), and gathers the planner's statistics.
     */
    private void indexFreshTables() {
        for (String index : definitions("select replace(pg_get_indexdef(i.indexrelid), ' ON " + LIVE + ".', ' ON "
                + FRESH + ".') from pg_index i join pg_class c on c.oid = i.indrelid"
                + " join pg_namespace n on n.oid = c.relnamespace where n.nspname = '" + LIVE + "' and not i.indisprimary")) {
            entityManager.createNativeQuery(index).executeUpdate();
        }
        entityManager.createNativeQuery("select set_config('search_path', ?1, true)")
                .setParameter(1, FRESH + ", public").getSingleResult();
        persons.recordAllSharedPseudonyms();
        moves.recordAllRepeatMovers();
        for (String table : TABLES) {
            entityManager.createNativeQuery("analyze " + FRESH + "." + table).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> definitions(String query) {
        return entityManager.createNativeQuery(query).getResultList();
    }

    /**
     * Replays records until every partition reached {@code end}. A batch is parsed on the common pool's threads
     * too, while the writers apply the batch before. With {@code writers}, each batch is shared out among them by
     * the row each event changes ({@link #writerOf}), each writer applying its part in a transaction of its own;
     * without, the batch is applied in the caller's transaction.
     */
    private long replayUntil(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end, long consumed,
                             UUID jobId, long total, List<ExecutorService> writers) {
        int batchSize = config.rebuildBatchSize() * Math.max(1, writers.size());
        List<byte[]> batch = new ArrayList<>();
        List<Future<?>> applying = List.of();
        long progressShown = System.nanoTime();
        while (!reached(consumer, end)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                consumed++;
                batch.add(record.value());
                if (batch.size() >= batchSize) {
                    List<CloudEvent> events = parse(batch);
                    Futures.awaitAll(applying, "a rebuild batch");
                    applying = apply(events, writers);
                    batch = new ArrayList<>();
                    if (jobId != null && System.nanoTime() - progressShown > PROGRESS_INTERVAL_NANOS) {
                        progress(jobId, total, consumed);
                        progressShown = System.nanoTime();
                    }
                }
            }
        }
        Futures.awaitAll(applying, "a rebuild batch");
        if (!batch.isEmpty()) {
            Futures.awaitAll(apply(parse(batch), writers), "a rebuild batch");
        }
        if (jobId != null) {
            progress(jobId, total, consumed);
        }
        return consumed;
    }

    /** The events of the records, in their order; unreadable ones are left out (the live consumer dead-lettered them). */
    private List<CloudEvent> parse(List<byte[]> values) {
        return values.parallelStream().map(this::read).flatMap(Optional::stream).toList();
    }

    private List<Future<?>> apply(List<CloudEvent> batch, List<ExecutorService> writers) {
        if (writers.isEmpty()) {
            projection.replay(batch, FRESH, false);
            return List.of();
        }
        List<List<CloudEvent>> parts = new ArrayList<>();
        writers.forEach(w -> parts.add(new ArrayList<>()));
        batch.forEach(event -> parts.get(writerOf(event, writers.size())).add(event));
        List<Future<?>> applying = new ArrayList<>();
        for (int i = 0; i < writers.size(); i++) {
            List<CloudEvent> part = parts.get(i);
            if (!part.isEmpty()) {
                applying.add(writers.get(i).submit(() -> projection.replay(part, FRESH, true)));
            }
        }
        return applying;
    }

    /**
     * The writer of an event: chosen by the id of the projection row it changes, so that every event of a row is
     * applied by one writer in the order read, and no two writers touch one row. A move's events and the answers of
     * verification requests about it (which may mark it disputed) go by the move; other verification events by the
     * request; the registry's by the person, or by the household for the household's own events. A repeated event
     * goes where its first delivery went.
     */
    static int writerOf(CloudEvent event, int writers) {
        for (String field : ROW_IDS) {
            JsonNode id = event.data == null ? null : event.data.get(field);
            if (id != null && id.isTextual()) {
                return Math.floorMod(id.asText().hashCode(), writers);
            }
        }
        return Math.floorMod(String.valueOf(event.id).hashCode(), writers);
    }

    /**
     * Holds the live consumers back (they take the lock shared for every batch), replays what arrived since,
     * and swaps the schemas. Live batches waiting on the lock then run against the new tables.
     */
    private void swap(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions, long consumed) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, ProjectionService.SWAP_LOCK)
                .getSingleResult();
        replayUntil(consumer, consumer.endOffsets(partitions), consumed, null, 0, List.of());
        entityManager.createNativeQuery("select set_config('search_path', ?1, true)")
                .setParameter(1, LIVE + ", public").getSingleResult();
        entityManager.createNativeQuery("alter schema " + LIVE + " rename to " + LIVE + "_old").executeUpdate();
        entityManager.createNativeQuery("alter schema " + FRESH + " rename to " + LIVE).executeUpdate();
        entityManager.createNativeQuery("drop schema " + LIVE + "_old cascade").executeUpdate();
    }

    private static boolean reached(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Optional<CloudEvent> read(byte[] value) {
        try {
            return Optional.of(reader.read(value));
        } catch (PoisonEventException e) {
            return Optional.empty();
        }
    }

    private void progress(UUID jobId, long total, long consumed) {
        QuarkusTransaction.requiringNew().run(() -> jobs.findByIdOptional(jobId).ifPresent(job -> {
            job.total = total;
            job.consumed = consumed;
        }));
    }

    private void finish(UUID jobId, RebuildJob.Status status, String error) {
        QuarkusTransaction.requiringNew().run(() -> jobs.findByIdOptional(jobId).ifPresent(job -> {
            job.status = status.name();
            job.finishedAt = Instant.now();
            job.error = error;
        }));
    }
}
