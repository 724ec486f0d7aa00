package org.liudong.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.domain.RebuildJob;
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
    private static final List<String> TABLES = List.of("processed_event", "person", "household", "move", "verification");
    private static final Logger LOG = Logger.getLogger(RebuildService.class);

    private final RebuildJobRepository jobs;
    private final ProjectionService projection;
    private final CloudEventReader reader;
    private final EntityManager entityManager;
    private final ManagedExecutor executor;
    private final AssessmentConfig config;
    private final String bootstrapServers;

    public RebuildService(RebuildJobRepository jobs, ProjectionService projection, CloudEventReader reader,
                          EntityManager entityManager, ManagedExecutor executor, AssessmentConfig config,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.jobs = jobs;
        this.projection = projection;
        this.reader = reader;
        this.entityManager = entityManager;
        this.executor = executor;
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
        executor.runAsync(() -> run(job.id));
        return job;
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
            long consumed = replayUntil(consumer, end, 0, jobId, total);
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

    private void createFreshTables() {
        entityManager.createNativeQuery("drop schema if exists " + FRESH + " cascade").executeUpdate();
        entityManager.createNativeQuery("create schema " + FRESH).executeUpdate();
        for (String table : TABLES) {
            entityManager.createNativeQuery("create table " + FRESH + "." + table + " (like " + LIVE + "." + table
                    + " including all)").executeUpdate();
        }
    }

    /** Replays records until every partition reached {@code end}, a transaction per batch. */
    private long replayUntil(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end, long consumed,
                             UUID jobId, long total) {
        List<CloudEvent> batch = new ArrayList<>();
        while (!reached(consumer, end)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                consumed++;
                read(record).ifPresent(batch::add);
                if (batch.size() >= config.rebuildBatchSize()) {
                    projection.replay(batch, FRESH);
                    batch.clear();
                    if (jobId != null) {
                        progress(jobId, total, consumed);
                    }
                }
            }
        }
        if (!batch.isEmpty()) {
            projection.replay(batch, FRESH);
        }
        if (jobId != null) {
            progress(jobId, total, consumed);
        }
        return consumed;
    }

    /**
     * Holds the live consumers back (they take the lock shared for every batch), replays what arrived since,
     * and swaps the schemas. Live batches waiting on the lock then run against the new tables.
     */
    private void swap(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions, long consumed) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, ProjectionService.SWAP_LOCK)
                .getSingleResult();
        replayUntil(consumer, consumer.endOffsets(partitions), consumed, null, 0);
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
