package org.liudong.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path dir;

    @Test
    void secretsAreGeneratedOnceAndReusedFromAFileOnlyTheOwnerCanRead() throws Exception {
        Path file = dir.resolve("secrets.properties");
        LocalSecrets first = new LocalSecrets(file);
        String password = first.databasePassword("liudong_registry");
        String key = first.idNumberKey();

        LocalSecrets later = new LocalSecrets(file);
        assertThat(later.databasePassword("liudong_registry")).isEqualTo(password);
        assertThat(later.idNumberKey()).isEqualTo(key);
        assertThat(later.databasePassword("liudong_migration")).isNotEqualTo(password);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void cryptoKeysAreThirtyTwoRandomBytesAndPasswordsAreSafeInSql() {
        LocalSecrets secrets = new LocalSecrets(dir.resolve("secrets.properties"));

        assertThat(Base64.getDecoder().decode(secrets.idNumberKey())).hasSize(32);
        assertThat(Base64.getDecoder().decode(secrets.idIndexKey())).hasSize(32);
        assertThat(secrets.idIndexKey()).isNotEqualTo(secrets.idNumberKey());
        assertThat(secrets.databasePassword("liudong_registry")).matches("[A-Za-z0-9]{32,}");
    }

    @Test
    void keysFingerprintNamesTheKeysOfOneSecretsFileWithoutRevealingThem() {
        LocalSecrets secrets = new LocalSecrets(dir.resolve("secrets.properties"));
        LocalSecrets sameFile = new LocalSecrets(dir.resolve("secrets.properties"));
        LocalSecrets otherCheckout = new LocalSecrets(dir.resolve("other.properties"));

        assertThat(secrets.idKeysFingerprint()).matches("[0-9a-f]{16}")
                .isEqualTo(sameFile.idKeysFingerprint())
                .isNotEqualTo(otherCheckout.idKeysFingerprint());
        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(secrets.idNumberKey())))
                .doesNotContain(secrets.idKeysFingerprint());
        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(secrets.idIndexKey())))
                .doesNotContain(secrets.idKeysFingerprint());
    }
}
