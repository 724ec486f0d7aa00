package org.liudong.platform.identity;

import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdNumberCipherTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String KEY_B = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final IdNumberCipher cipher = new IdNumberCipher(KEY_A, KEY_B);

    @Test
    void encryptionRoundTripsAndNeverRepeatsCiphertext() {
        byte[] first = cipher.encrypt("620821199003071245");
        byte[] second = cipher.encrypt("620821199003071245");

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo("620821199003071245");
    }

    @Test
    void tamperedCiphertextIsRefused() {
        byte[] sealed = cipher.encrypt("620821199003071245");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRefusedValueLeavesTheCipherUsable() {
        byte[] sealed = cipher.encrypt("620821199003071245");
        byte[] tampered = sealed.clone();
        tampered[tampered.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.decrypt(sealed)).isEqualTo("620821199003071245");
    }

    @Test
    void manyThreadsAtOnceEachGetTheirOwnRoundTripsAndIndexes() throws Exception {
        String expectedIndex = cipher.index("620821199003071245");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> work = IntStream.range(0, 8).<Callable<Boolean>>mapToObj(t -> () -> {
                for (int i = 0; i < 2_000; i++) {
                    String idNumber = "62082119900307" + String.format("%04d", (t * 2_000 + i) % 10_000);
                    if (!cipher.decrypt(cipher.encrypt(idNumber)).equals(idNumber)
                            || !cipher.index("620821199003071245").equals(expectedIndex)) {
                        return false;
                    }
                }
                return true;
            }).toList();
            for (Future<Boolean> result : threads.invokeAll(work)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void blindIndexIsStableAndDependsOnTheKey() {
        IdNumberCipher otherKey = new IdNumberCipher(KEY_A, KEY_A);

        assertThat(cipher.index("620821199003071245")).isEqualTo(cipher.index("620821199003071245"))
                .hasSize(64).isNotEqualTo(otherKey.index("620821199003071245"));
    }

    @Test
    void shortKeysAreRefused() {
        assertThatThrownBy(() -> new IdNumberCipher("AAAA", KEY_B)).hasMessageContaining("32 bytes");
    }
}
