package org.liudong.platform.identity;

import org.junit.jupiter.api.Test;

import java.util.Base64;

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
