package org.liudong.migration.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Period;

/** The service's own settings ({@code liudong.migration.*}). */
@ConfigMapping(prefix = "liudong.migration")
public interface MigrationConfig {

    /** Base URL of registry-service, asked once per departure for the person's basic data. */
    @WithDefault("http://127.0.0.1:8081")
    String registryUrl();

    /** How long an announced move waits for its arrival, counted from the departure date, before it lapses. */
    @WithDefault("P30D")
    Period lapseAfter();

    /** How long a residence registration stays valid after the arrival or a renewal. */
    @WithDefault("P12M")
    Period residenceValidity();

    Verification verification();

    /** How often the lapsing, reminder, overdue and expiry jobs run: a duration such as 1h, or off. */
    @WithDefault("1h")
    String jobInterval();

    interface Verification {

        /** Days an addressed county has to answer an urgent request. */
        @WithDefault("P15D")
        Period urgentDue();

        /** Days an addressed county has to answer a normal request. */
        @WithDefault("P30D")
        Period normalDue();

        /** A reminder goes to the addressed county this long before the due date. */
        @WithDefault("P3D")
        Period remindBefore();
    }
}
