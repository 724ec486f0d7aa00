package org.liudong.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "liudong.registry")
public interface RegistryConfig {

    /** Default and largest page sizes of list answers. */
    @WithDefault("20")
    int pageSize();

    @WithDefault("200")
    int maxPageSize();

    /** Rows of a bulk import committed per transaction (batches end between households, so may hold a few more). */
    @WithDefault("5000")
    int importBatchSize();
}
