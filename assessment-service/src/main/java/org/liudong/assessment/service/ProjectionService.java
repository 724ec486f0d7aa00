package org.liudong.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.liudong.assessment.domain.DirtyCounty;
import org.liudong.assessment.domain.StreamEvent;
import org.liudong.assessment.messaging.EventData;
import org.liudong.assessment.repository.DirtyCountyRepository;
import org.liudong.assessment.repository.MoveRepository;
import org.liudong.assessment.repository.PersonRepository;
import org.liudong.assessment.repository.StreamEventRepository;
import org.liudong.platform.consumer.PoisonEventException;
import org.liudong.platform.consumer.ProcessedEvents;
import org.liudong.platform.events.CloudEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applies consumed events to the projection, each exactly once: the batch's event ids enter
 * {@code processed_event} in the same transaction as the change, so a redelivered event changes nothing.
 */
@ApplicationScoped
public class ProjectionService {

    /** Live batches take it shared; a rebuild takes it exclusively for the moment it swaps the tables. */
    static final long SWAP_LOCK = 0x61737365737331L;

    private static final String REGISTRY = "liudong.registry.";
    private static final String MIGRATION = "liudong.migration.";

    private final ProcessedEvents processed;
    private final PersonRepository persons;
    private final MoveRepository moves;
    private final Prefetch prefetch;
    private final RegistryProjection registry;
    private final MigrationProjection migration;
    private final DirtyCountyRepository dirty;
    private final StreamEventRepository stream;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public ProjectionService(ProcessedEvents processed, PersonRepository persons, MoveRepository moves,
                             Prefetch prefetch,
                             RegistryProjection registry, MigrationProjection migration,
                             DirtyCountyRepository dirty, StreamEventRepository stream, EntityManager entityManager,
                             ObjectMapper json) {
        this.processed = processed;
        this.persons = persons;
        this.moves = moves;
        this.prefetch = prefetch;
        this.registry = registry;
        this.migration = migration;
        this.dirty = dirty;
        this.stream = stream;
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Applies live events and records what changed for the watcher and the dashboard feed. */
    @Transactional
    public void apply(List<CloudEvent> events) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock_shared(?1)").setParameter(1, SWAP_LOCK)
                .getSingleResult();
        Changes changes = project(events);
        dirty.mark(changes.touched().stream().map(t -> new DirtyCounty.Key(t.county(), t.period().toString())).toList());
        stream.append(changes.activities().stream().map(this::entry).toList());
    }

    /**
     * Applies replayed events to the copy of the projection in {@code schema}, with no side effects: a rebuild
     * must not repeat the live feed or the published events. Events the live consumer dead-lettered are
     * skipped here too (their checks run before anything is changed).
     *
     * @param bulk the rebuild is loading its tables, which have no index but their keys yet
     * @return how many events were skipped as poison
     */
    @Transactional(dontRollbackOn = PoisonEventException.class)
    public int replay(List<CloudEvent> events, String schema, boolean bulk) {
        // a rebuild that dies is started again from scratch, so its batches need not wait for the disk
        entityManager.createNativeQuery("select set_config('search_path', ?1, true),"
                + " set_config('synchronous_commit', 'off', true)").setParameter(1, schema + ", public").getSingleResult();
        Set<UUID> fresh = processed.firstDeliveries(events);
        BatchRows rows = prefetch.load(events);
        int skipped = 0;
        for (CloudEvent event : events) {
            try {
                if (fresh.remove(event.uuid())) {
                    project(event, new Changes(), rows);
                }
            } catch (PoisonEventException e) {
                skipped++;
            }
        }
        write(rows, !bulk);
        return skipped;
    }

    /** Applies each event seen for the first time; a repeated one (redelivered, or twice in the batch) is skipped. */
    private Changes project(List<CloudEvent> events) {
        Changes changes = new Changes();
        Set<UUID> fresh = processed.firstDeliveries(events);
        BatchRows rows = prefetch.load(events);
        for (CloudEvent event : events) {
            if (fresh.remove(event.uuid())) {
                project(event, changes, rows);
            }
        }
        write(rows, true);
        return changes;
    }

    /**
     * Writes the batch's rows and, unless a rebuild loads its tables in bulk (it finds them for all rows at once
     * afterwards, {@link RebuildService}), the candidates the indicator reads check: pseudonyms that became shared
     * between counties and persons who now have more than one move.
     */
    private void write(BatchRows rows, boolean candidates) {
        Set<String> pseudonyms = candidates ? rows.changedPseudonyms() : Set.of();
        Set<UUID> movers = candidates ? rows.changedMovers() : Set.of();
        rows.write();
        persons.recordSharedPseudonyms(pseudonyms);
        moves.recordRepeatMovers(movers);
    }

    private void project(CloudEvent event, Changes changes, BatchRows rows) {
        if (event.type.startsWith(REGISTRY)) {
            registry.apply(new EventData(event), changes, rows);
        } else if (event.type.startsWith(MIGRATION)) {
            migration.apply(new EventData(event), changes, rows);
        }
    }

    private StreamEvent entry(Changes.Activity activity) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", StreamEvent.ACTIVITY);
        payload.put("event", activity.event());
        payload.put("originCounty", activity.originCounty());
        payload.put("destinationCounty", activity.destinationCounty());
        payload.put("reason", activity.reason());
        payload.put("time", activity.at().toString());
        StreamEvent entry = new StreamEvent();
        entry.kind = StreamEvent.ACTIVITY;
        entry.county = activity.originCounty();
        entry.otherCounty = activity.destinationCounty();
        entry.createdAt = Instant.now();
        try {
            entry.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return entry;
    }
}
