package org.liudong.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** Settings of the assessment service ({@code liudong.assessment.*}). */
@ConfigMapping(prefix = "liudong.assessment")
public interface AssessmentConfig {

    /**
     * Time zone that turns event instants into calendar days and months (the counties' local time): the
     * register's own ({@code liudong.zone}, platform {@code RegisterCalendar}) unless set apart.
     */
    @WithDefault("${liudong.zone:Asia/Shanghai}")
    ZoneId zone();

    /** A departure counts as timely when registered within this many days of the departure date. */
    @WithDefault("7")
    int notificationDays();

    /** An announced departure counts as matched when settled within this many days of the departure date. */
    @WithDefault("30")
    int arrivalMatchDays();

    /** How often counties whose figures changed are re-scored (feed, assessment events). */
    @WithDefault("1s")
    java.time.Duration watchInterval();

    /**
     * The share of each watch interval the re-scoring may work (0–1); what is left waits for the next interval.
     * It competes with the consumers for the same cores, so under a steady stream it must not take them all.
     */
    @WithDefault("0.25")
    double watchShare();

    /** How many events a rebuild's writer applies per transaction. */
    @WithDefault("5000")
    int rebuildBatchSize();

    /**
     * How many threads apply a rebuild's batches side by side, each to rows of its own in a transaction of its own;
     * one thread waits for PostgreSQL about half of the time.
     */
    @WithDefault("3")
    int rebuildWriters();

    /** How often a live stream looks for news. */
    @WithDefault("PT0.5S")
    java.time.Duration streamPollInterval();

    /** How long a live stream stays open; the client then reconnects with Last-Event-ID and misses nothing. */
    @WithDefault("PT10M")
    java.time.Duration streamMaxAge();

    /**
     * How long the live feed keeps its entries: a client reconnecting with an older Last-Event-ID resumes from the
     * oldest entry kept.
     */
    @WithDefault("P1D")
    java.time.Duration streamRetention();
}
