package org.liudong.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the stack keeps its files. The repository root is the nearest directory, from the working directory up,
 * that holds {@code deploy/keycloak/liudong-realm.json} (or the {@code liudong.stack.root} setting).
 */
public record StackPaths(Path root) {

    static final String REALM_FILE = "deploy/keycloak/liudong-realm.json";

    public static StackPaths locate() {
        Optional<String> configured = StackSettings.string("liudong.stack.root");
        if (configured.isPresent()) {
            Path root = Path.of(configured.get()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(root.resolve(REALM_FILE))) {
                throw new IllegalStateException("liudong.stack.root=" + root + " does not hold " + REALM_FILE);
            }
            return new StackPaths(root);
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(REALM_FILE))) {
                return new StackPaths(dir);
            }
        }
        throw new IllegalStateException("No Liudong repository (a directory holding " + REALM_FILE
                + ") at or above " + start + "; run from inside the repository or set liudong.stack.root");
    }

    /** Generated secrets, pid files, logs and data: never committed. */
    public Path local() {
        return createDirectories(root.resolve("deploy/.local"));
    }

    public Path logs() {
        return createDirectories(local().resolve("logs"));
    }

    public Path pids() {
        return createDirectories(local().resolve("pids"));
    }

    public Path leases() {
        return createDirectories(local().resolve("leases"));
    }

    public Path secretsFile() {
        return local().resolve("secrets.properties");
    }

    public Path lockFile() {
        return local().resolve("stack.lock");
    }

    public Path kafkaHome() {
        return createDirectories(local().resolve("kafka"));
    }

    public Path postgresCluster() {
        return local().resolve("postgres");
    }

    public Path realmFile() {
        return root.resolve(REALM_FILE);
    }

    public Path stackBuild() {
        return root.resolve("deploy/stack/target");
    }

    public Path kafkaLibs() {
        Path libs = stackBuild().resolve("kafka/libs");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka broker jars are missing in " + libs
                    + "; build them with ./mvnw -pl deploy/stack install -DskipTests");
        }
        return libs;
    }

    public Path keycloakHome() {
        try (Stream<Path> entries = Files.list(stackBuild())) {
            return entries.filter(dir -> dir.getFileName().toString().startsWith("keycloak-"))
                    .filter(dir -> Files.isRegularFile(dir.resolve("bin/kc.sh")))
                    .findFirst()
                    .orElseThrow(StackPaths::keycloakMissing);
        } catch (IOException e) {
            throw keycloakMissing();
        }
    }

    private static IllegalStateException keycloakMissing() {
        return new IllegalStateException("The Keycloak distribution is missing under deploy/stack/target;"
                + " unpack it with ./mvnw -pl deploy/stack install -DskipTests");
    }

    static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
