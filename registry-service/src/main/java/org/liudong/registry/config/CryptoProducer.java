package org.liudong.registry.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.liudong.platform.identity.IdNumberCipher;

public class CryptoProducer {

    @Produces
    @Singleton
    IdNumberCipher idNumberCipher(CryptoConfig config) {
        return new IdNumberCipher(config.idNumberKey(), config.idIndexKey());
    }
}
