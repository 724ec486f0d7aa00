package org.liudong.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "liudong.registry")
public interface RegistryConfig {

    /** Default and largest page sizes of list answers. */
    @WithDefault("20")
    int pageSize();

    @WithDefault("200")
    int maxPageSize();

    /** How long an Idempotency-Key is remembered. */
    @WithDefault("P1D")
    Duration idempotencyRetention();

    /** Rows of a bulk import committed per transaction (batches end between households, so may hold a few more). */
    @WithDefault("5000")
    int importBatchSize();
}
