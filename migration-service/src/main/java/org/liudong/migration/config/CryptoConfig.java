package org.liudong.migration.config;

import io.smallrye.config.ConfigMapping;

/**
 * The ID-number keys ({@code liudong.crypto.*}): base64 of 32 random bytes each, from the environment. The
 * index key is the registry's, so both services compute the same {@code idIndex}.
 */
@ConfigMapping(prefix = "liudong.crypto")
public interface CryptoConfig {

    String idNumberKey();

    String idIndexKey();
}
