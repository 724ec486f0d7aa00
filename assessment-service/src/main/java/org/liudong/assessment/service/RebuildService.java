package org.liudong.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
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
import java.util.concurrent.CompletableFuture;
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
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers, "enable.auto.commit", "false", "max.poll.records", "5000"),
                new StringDeserializer(), new StringDeserializer())) {
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
            ExecutorService writer = Executors.newSingleThreadExecutor(r -> new Thread(r, "rebuild-writer"));
            try {
                consumed = replayUntil(consumer, end, 0, jobId, total, writer);
            } finally {
                writer.shutdownNow();
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
     * Replays records until every partition reached {@code end}, a transaction per batch. With a {@code writer},
     * a batch is applied there while the next one is read and parsed; without, in the caller's transaction.
     */
    private long replayUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, long consumed,
                             UUID jobId, long total, ExecutorService writer) {
        List<CloudEvent> batch = new ArrayList<>();
        Future<?> applying = CompletableFuture.completedFuture(null);
        while (!reached(consumer, end)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                consumed++;
                read(record).ifPresent(batch::add);
                if (batch.size() >= config.rebuildBatchSize()) {
                    Futures.await(applying, "a rebuild batch");
                    applying = apply(batch, writer);
                    batch = new ArrayList<>();
                    if (jobId != null) {
                        progress(jobId, total, consumed);
                    }
                }
            }
        }
        Futures.await(applying, "a rebuild batch");
        if (!batch.isEmpty()) {
            Futures.await(apply(batch, writer), "a rebuild batch");
        }
        if (jobId != null) {
            progress(jobId, total, consumed);
        }
        return consumed;
    }

    private Future<?> apply(List<CloudEvent> batch, ExecutorService writer) {
        if (writer == null) {
            projection.replay(batch, FRESH, false);
            return CompletableFuture.completedFuture(null);
        }
        return writer.submit(() -> projection.replay(batch, FRESH, true));
    }

    /**
     * Holds the live consumers back (they take the lock shared for every batch), replays what arrived since,
     * and swaps the schemas. Live batches waiting on the lock then run against the new tables.
     */
    private void swap(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, long consumed) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, ProjectionService.SWAP_LOCK)
                .getSingleResult();
        replayUntil(consumer, consumer.endOffsets(partitions), consumed, null, 0, null);
        entityManager.createNativeQuery("select set_config('search_path', ?1, true)")
                .setParameter(1, LIVE + ", public").getSingleResult();
        entityManager.createNativeQuery("alter schema " + LIVE + " rename to " + LIVE + "_old").executeUpdate();
        entityManager.createNativeQuery("alter schema " + FRESH + " rename to " + LIVE).executeUpdate();
        entityManager.createNativeQuery("drop schema " + LIVE + "_old cascade").executeUpdate();
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private Optional<CloudEvent> read(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(reader.read(record.value()));
        } catch (PoisonEventException e) {
            return Optional.empty(); // the live consumer dead-lettered it
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
