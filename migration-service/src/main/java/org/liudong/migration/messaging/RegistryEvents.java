package org.liudong.migration.messaging;

import org.liudong.platform.events.EventTypes;

import java.util.Set;

/** The registry's event types this service reads. Household-only events change no person and are skipped. */
public final class RegistryEvents {

    public static final String PERSON_REGISTERED = registry("person-registered");
    public static final String MEMBER_ADDED = registry("member-added");
    public static final String MEMBER_MOVED = registry("member-moved");
    public static final String HEAD_CHANGED = registry("head-changed");
    public static final String PERSON_CORRECTED = registry("person-corrected");
    public static final String BIRTH_REGISTERED = registry("birth-registered");
    public static final String DEATH_REGISTERED = registry("death-registered");
    public static final String PERSON_CANCELLED = registry("person-cancelled");

    /** Every event that carries a person's current state (common fields + householdId, relation, status). */
    public static final Set<String> PERSON_LEVEL = Set.of(PERSON_REGISTERED, MEMBER_ADDED, MEMBER_MOVED,
            HEAD_CHANGED, PERSON_CORRECTED, BIRTH_REGISTERED, DEATH_REGISTERED, PERSON_CANCELLED);

    private RegistryEvents() {
    }

    private static String registry(String event) {
        return EventTypes.type("registry", event, 1);
    }
}
