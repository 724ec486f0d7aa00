package org.liudong.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Properties;
import java.util.function.Supplier;

/**
 * Secrets of the local stack, generated on first use into {@code deploy/.local/secrets.properties} (mode 600,
 * git-ignored) and reused afterwards, so databases, Keycloak and the services always agree.
 */
public final class LocalSecrets {

    public static final String ID_NUMBER_KEY = "liudong.crypto.id-number-key";
    public static final String ID_INDEX_KEY = "liudong.crypto.id-index-key";
    static final String KEYCLOAK_ADMIN_USERNAME = "keycloak.bootstrap-admin.username";
    static final String KEYCLOAK_ADMIN_PASSWORD = "keycloak.bootstrap-admin.password";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;

    public LocalSecrets(Path file) {
        this.file = file;
    }

    public static LocalSecrets of(StackPaths paths) {
        return new LocalSecrets(paths.secretsFile());
    }

    /** The password of a PostgreSQL role, e.g. {@code liudong_registry}. */
    public String databasePassword(String role) {
        return getOrCreate("postgres." + role + ".password", LocalSecrets::password);
    }

    /** Base64 of 32 random bytes: the AES-256-GCM key that encrypts resident ID numbers. */
    public String idNumberKey() {
        return getOrCreate(ID_NUMBER_KEY, LocalSecrets::key);
    }

    /** Base64 of 32 random bytes: the HMAC-SHA256 key of the ID-number blind index. */
    public String idIndexKey() {
        return getOrCreate(ID_INDEX_KEY, LocalSecrets::key);
    }

    /**
     * Names the pair of ID-number keys without revealing them: the first 16 hex digits of the SHA-256 of both.
     * A database is marked with it, so a stack with other keys recognises records it could not read.
     */
    public String idKeysFingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((idNumberKey() + "\n" + idIndexKey()).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return file;
    }

    public String keycloakAdminUsername() {
        return getOrCreate(KEYCLOAK_ADMIN_USERNAME, () -> "stack-admin");
    }

    public String keycloakAdminPassword() {
        return getOrCreate(KEYCLOAK_ADMIN_PASSWORD, LocalSecrets::password);
    }

    public String getOrCreate(String name, Supplier<String> generator) {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (InterProcessLock lock = InterProcessLock.acquire(lockFile)) {
            Properties secrets = read();
            String value = secrets.getProperty(name);
            if (value == null) {
                value = generator.get();
                secrets.setProperty(name, value);
                write(secrets);
            }
            return value;
        }
    }

    /** Letters and digits only, so it is safe inside SQL literals, URLs and shell words. */
    static String password() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static String key() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private Properties read() {
        Properties secrets = new Properties();
        if (Files.exists(file)) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                secrets.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        return secrets;
    }

    private void write(Properties secrets) {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                secrets.store(writer, "Generated secrets of the local Liudong stack: never commit or share this file");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
