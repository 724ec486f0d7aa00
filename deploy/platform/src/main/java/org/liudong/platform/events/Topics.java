package org.liudong.platform.events;

/** Kafka topics of the platform. Created explicitly by the stack; the broker never auto-creates them. */
public final class Topics {

    public static final String REGISTRY_EVENTS = "registry.events";
    public static final String MIGRATION_EVENTS = "migration.events";
    public static final String ASSESSMENT_EVENTS = "assessment.events";

    private Topics() {
    }
}
