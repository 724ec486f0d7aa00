package org.liudong.assessment.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.repository.ProjectionRows;
import org.liudong.platform.events.CloudEvent;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the rows a batch of events will touch with one query per table, so the projections find them, or learn
 * that they are new, without asking the database once per event.
 */
@ApplicationScoped
public class Prefetch {

    private final ProjectionRows store;

    public Prefetch(ProjectionRows store) {
        this.store = store;
    }

    /** The rows the events name, and which of those ids are new. */
    public BatchRows load(List<CloudEvent> events) {
        BatchRows rows = new BatchRows(store);
        rows.persons.load(ids(events, "personId", "liudong.registry."));
        rows.households.load(ids(events, "householdId", "liudong.registry."));
        rows.moves.load(ids(events, "moveId", "liudong.migration."));
        rows.verifications.load(ids(events, "verificationId", "liudong.migration."));
        return rows;
    }

    private static Set<UUID> ids(List<CloudEvent> events, String field, String typePrefix) {
        Set<UUID> ids = new HashSet<>();
        for (CloudEvent event : events) {
            JsonNode value = event.type.startsWith(typePrefix) && event.data != null ? event.data.get(field) : null;
            if (value != null && value.isTextual()) {
                try {
                    ids.add(UUID.fromString(value.asText()));
                } catch (IllegalArgumentException e) {
                    // a malformed id is reported when the event itself is applied
                }
            }
        }
        return ids;
    }
}
