package org.liudong.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.liudong.stack.ProcessControl.Owner;

/**
 * Keycloak from the {@code keycloak-quarkus-dist} distribution unpacked under {@code deploy/stack/target}, started in
 * development mode on the loopback interface with the realm of {@code deploy/keycloak/liudong-realm.json}.
 */
public final class Keycloak {

    public static final String COMPONENT = "keycloak";

    private static final System.Logger LOG = System.getLogger(Keycloak.class.getName());
    private static final String IMPORTED_REALM = "liudong-realm.json";

    private final StackSettings settings;
    private final StackPaths paths;
    private final LocalSecrets secrets;
    private final ProcessControl processes;

    public Keycloak(StackSettings settings, StackPaths paths, LocalSecrets secrets) {
        this.settings = settings;
        this.paths = paths;
        this.secrets = secrets;
        this.processes = new ProcessControl(paths);
    }

    /** Reuses a Keycloak already serving the realm on the configured port, or starts one recorded as {@code owner}. */
    public void ensureRunning(Owner owner) {
        if (ProcessControl.isPortOpen(settings.host(), settings.keycloakPort())) {
            processes.awaitReady(COMPONENT, "realm " + StackSettings.REALM + " at " + discoveryUri(),
                    this::servesRealm, Duration.ofSeconds(60));
            return;
        }
        Path home = paths.keycloakHome();
        importRealm(home);
        LOG.log(System.Logger.Level.INFO, "Starting Keycloak on " + settings.keycloakUrl());
        processes.start(COMPONENT, List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + settings.host(), "--http-port=" + settings.keycloakPort(), "--import-realm"),
                home, Map.of(
                        "KC_BOOTSTRAP_ADMIN_USERNAME", secrets.keycloakAdminUsername(),
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.keycloakAdminPassword(),
                        "JAVA_HOME", System.getProperty("java.home")),
                owner);
        processes.awaitReady(COMPONENT, "realm " + StackSettings.REALM + " at " + discoveryUri(), this::servesRealm,
                settings.startTimeout());
    }

    public boolean stop() {
        return processes.stop(COMPONENT, Duration.ofSeconds(30));
    }

    public URI discoveryUri() {
        return URI.create(settings.authServerUrl() + "/.well-known/openid-configuration");
    }

    private boolean servesRealm() {
        return ProcessControl.isHttpOk(discoveryUri());
    }

    /**
     * Places the realm file where {@code --import-realm} reads it. Keycloak never re-imports a realm it already
     * has, so when the realm file changed since the last import the development database is dropped and the
     * realm is imported afresh.
     */
    private void importRealm(Path home) {
        Path imports = home.resolve("data/import");
        Path imported = imports.resolve(IMPORTED_REALM);
        try {
            Files.createDirectories(imports);
            if (Files.exists(imported) && Files.mismatch(imported, paths.realmFile()) != -1) {
                LOG.log(System.Logger.Level.INFO, "The realm file changed: Keycloak imports it into a fresh database");
                deleteRecursively(home.resolve("data/h2"));
            }
            Files.copy(paths.realmFile(), imported, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(dir)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
