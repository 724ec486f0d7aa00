package org.liudong.migration.config;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import org.liudong.platform.identity.IdNumberCipher;

/** The cipher is final and stateless: a singleton without a client proxy. */
public class CryptoProducer {

    @Produces
    @Singleton
    IdNumberCipher idNumberCipher(CryptoConfig config) {
        return new IdNumberCipher(config.idNumberKey(), config.idIndexKey());
    }
}
