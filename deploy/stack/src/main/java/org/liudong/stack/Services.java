package org.liudong.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.liudong.stack.ProcessControl.Owner;
import org.liudong.stack.ProcessControl.Recorded;

/**
 * The four packaged Quarkus services ({@code <module>/target/quarkus-app/quarkus-run.jar}), each started as its own
 * JVM (from a snapshot of that build) with the stack's database, Kafka, Keycloak and key settings in its environment. A service whose port already
 * answers {@code /q/health/ready} is reused, whoever started it.
 */
public final class Services {

    public static final String REGISTRY = "registry";
    public static final String MIGRATION = "migration";
    public static final String ASSESSMENT = "assessment";
    public static final String GATEWAY = "gateway";
    public static final List<String> NAMES = List.of(REGISTRY, MIGRATION, ASSESSMENT, GATEWAY);

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final String INITIAL_HEAP = "64m";
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20",
            "-XX:MaxHeapFreeRatio=40", "-XX:MetaspaceSize=64m");
    static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    /** A service: its name is also its component name (pid and log file), its module the directory of its build. */
    public record Service(String name, String module, int port) {

        public Path jar(StackPaths paths) {
            return paths.root().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    private final StackSettings settings;
    private final StackPaths paths;
    private final LocalSecrets secrets;
    private final Postgres postgres;
    private final ProcessControl processes;

    public Services(StackSettings settings, StackPaths paths, LocalSecrets secrets, Postgres postgres) {
        this.settings = settings;
        this.paths = paths;
        this.secrets = secrets;
        this.postgres = postgres;
        this.processes = new ProcessControl(paths);
    }

    /** In start order: the gateway last, its readiness includes the other three. */
    public List<Service> all() {
        return List.of(
                new Service(REGISTRY, "registry-service", settings.registryPort()),
                new Service(MIGRATION, "migration-service", settings.migrationPort()),
                new Service(ASSESSMENT, "assessment-service", settings.assessmentPort()),
                new Service(GATEWAY, "gateway", settings.gatewayPort()));
    }

    public Service service(String name) {
        return all().stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + name + "; one of " + NAMES));
    }

    /** The packaged services that are missing, as paths relative to the repository root. */
    public List<String> missingJars() {
        return all().stream().map(service -> service.jar(paths)).filter(jar -> !Files.isRegularFile(jar))
                .map(jar -> paths.root().relativize(jar).toString()).toList();
    }

    /**
     * Starts every service that does not answer yet, all at once, and waits until each is ready, reporting one line
     * per service. The infrastructure must be up. Answers the names of the services this call started; when one of
     * them does not become ready, stops them all again and throws.
     */
    public List<String> start(Owner owner, Consumer<String> progress) {
        List<String> missing = missingJars();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built: " + String.join(", ", missing)
                    + ". Build the services with ./mvnw -DskipTests install (deploy/up does that when something is missing)");
        }
        List<String> started = new ArrayList<>();
        List<Service> awaited = new ArrayList<>();
        long begin = System.nanoTime();
        for (Service service : all()) {
            if (isReady(service)) {
                progress.accept(line(service, "reused", begin));
                continue;
            }
            Optional<Recorded> starting = processes.running(service.name());
            if (starting.isEmpty()) {
                if (ProcessControl.isPortOpen(settings.host(), service.port())) {
                    throw new IllegalStateException("Port " + settings.host() + ":" + service.port() + " is taken by"
                            + " something that is not a ready " + service.module() + "; stop it or set "
                            + StackSettings.environmentName("liudong.stack." + service.name() + "-port"));
                }
                launch(service, owner);
                started.add(service.name());
            }
            awaited.add(service);
        }
        try {
            for (Service service : awaited) {
                processes.awaitReady(service.name(), "readiness at " + healthUri(service), () -> isReady(service),
                        settings.startTimeout());
                progress.accept(line(service, "ready ", begin));
            }
        } catch (RuntimeException e) {
            // half a platform helps nobody; the logs stay for the diagnosis
            started.forEach(this::stop);
            throw e;
        }
        return started;
    }

    /** Stops a service the stack recorded; false when it was not running. */
    public boolean stop(String name) {
        return processes.stop(name, STOP_GRACE);
    }

    public boolean isReady(Service service) {
        return ProcessControl.isHttpOk(healthUri(service));
    }

    public URI healthUri(Service service) {
        return URI.create(url(service) + "/q/health/ready");
    }

    public String url(Service service) {
        return "http://" + settings.host() + ":" + service.port();
    }

    /** What a service reads from its environment: standard Quarkus keys and the Liudong ones it declares. */
    public Map<String, String> environment(Service service) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("QUARKUS_HTTP_HOST", settings.host());
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", settings.authServerUrl());
        if (Stack.SERVICES_WITH_DATABASE.contains(service.name())) {
            String role = Stack.roleName(service.name());
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(Stack.databaseName(service.name())));
            environment.put("QUARKUS_DATASOURCE_USERNAME", role);
            environment.put("QUARKUS_DATASOURCE_PASSWORD", secrets.databasePassword(role));
            environment.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
        }
        if (service.name().equals(REGISTRY) || service.name().equals(MIGRATION)) {
            environment.put("LIUDONG_CRYPTO_ID_NUMBER_KEY", secrets.idNumberKey());
            environment.put("LIUDONG_CRYPTO_ID_INDEX_KEY", secrets.idIndexKey());
        }
        if (service.name().equals(MIGRATION)) {
            environment.put("LIUDONG_MIGRATION_REGISTRY_URL", url(service(REGISTRY)));
        }
        if (service.name().equals(GATEWAY)) {
            environment.put("LIUDONG_GATEWAY_REGISTRY_URL", url(service(REGISTRY)));
            environment.put("LIUDONG_GATEWAY_MIGRATION_URL", url(service(MIGRATION)));
            environment.put("LIUDONG_GATEWAY_ASSESSMENT_URL", url(service(ASSESSMENT)));
        }
        return environment;
    }

    /**
     * Memory and start-up, for four services beside PostgreSQL, Kafka and Keycloak on a small machine: the serial
     * collector; a heap that starts at 64 MB and grows only as far as the live data needs (without {@code -Xms} the JVM
     * commits 1/64 of the machine's memory up to {@code -Xmx} from the start, all of it touched under load) and
     * keeps 20–40 % of itself free after a collection instead of 40–70 %; no full collection before class metadata
     * reaches 64 MB (by default the first comes at 21 MB: one at every start and some under load, 60–520 ms each,
     * although the services need 20–25 MB of it with their class-data archive); at most two glibc malloc arenas
     * instead of eight per core, which hold memory the JVM no longer uses; and, in all but the gateway, only the C1
     * compiler. C2's code is faster once warm, but in a service with Hibernate and the Kafka clients its profiles, code
     * and compiler arenas cost 60–80 MB, and its compilations take a core for the first minutes, which slowed the
     * start by 1–3 s and the event delays (deploy/bench/README.md). The gateway keeps C2: it has neither, stays
     * under 210 MB with it (178–181 MB at 1,000 lookups/s), and every request through it runs header parsing and
     * copying that C1 compiles poorly (0.39–0.51 ms of CPU per lookup on C1, 0.26–0.35 ms on C2).
     */
    private void launch(Service service, Owner owner) {
        Path jar = snapshot(service);
        Map<String, String> environment = environment(service);
        environment.put("MALLOC_ARENA_MAX", "2");
        List<String> command = new ArrayList<>(List.of(Kafka.java()));
        command.addAll(jvmOptions(service));
        command.addAll(classDataSharing(service, jar.getParent(), command));
        command.addAll(List.of("-jar", jar.toString()));
        processes.start(service.name(), command, jar.getParent(), environment, owner);
    }

    List<String> jvmOptions(Service service) {
        List<String> options = new ArrayList<>(List.of("-Xms" + INITIAL_HEAP, "-Xmx" + settings.serviceHeap()));
        options.addAll(JVM_OPTIONS);
        if (!service.name().equals(GATEWAY)) {
            options.add(C1_ONLY);
        }
        return options;
    }

    /**
     * Application class data sharing: a JVM spends most of a service's start loading, verifying and linking some
     * 17,000 classes. The first start of a build records the classes it loaded into an archive when it stops
     * ({@code -XX:ArchiveClassesAtExit}); later starts of the same build map them from there, which cut the start
     * by a quarter (deploy/bench/README.md). An archive is made for one build (the names, sizes and times of its
     * files), one JVM and its options: the JVM silently ignores an archive that another JVM version or other heap
     * settings made, so a change of either must make a new one. Older archives of the service are deleted. A service
     * stopped with {@code kill -9} writes no archive.
     */
    List<String> classDataSharing(Service service, Path app, List<String> jvm) {
        Path archives = paths.local().resolve("cds");
        Path archive = archives.resolve(service.name() + "-" + fingerprint(app, jvm) + ".jsa");
        // the JVM's notes on classes it cannot archive would only clutter the service's log
        String quiet = "-Xlog:cds*=off";
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, quiet);
        }
        try {
            Files.createDirectories(archives);
            String thisService = service.name() + "-";
            try (Stream<Path> files = Files.list(archives)) {
                for (Path stale : files.filter(path -> path.getFileName().toString().startsWith(thisService)).toList()) {
                    Files.deleteIfExists(stale);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the class data archive in " + archives, e);
        }
        return List.of("-XX:ArchiveClassesAtExit=" + archive, quiet);
    }

    private static String fingerprint(Path app, List<String> jvm) {
        try (Stream<Path> tree = Files.walk(app)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String runtime = System.getProperty("java.vm.version") + " " + String.join(" ", jvm) + "\n";
            digest.update(runtime.getBytes(StandardCharsets.UTF_8));
            for (Path file : tree.filter(Files::isRegularFile).sorted().toList()) {
                String entry = app.relativize(file) + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis() + "\n";
                digest.update(entry.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + app, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A service runs from a copy of its {@code target/quarkus-app} in {@code deploy/.local/apps/<service>} (hard
     * links where the file system allows): a rebuild empties and refills {@code target/quarkus-app}, and a JVM still
     * loading classes from there fails on the jars that vanished. The next start takes the new build.
     */
    private Path snapshot(Service service) {
        Path source = service.jar(paths).getParent();
        Path target = paths.local().resolve("apps").resolve(service.name());
        try {
            deleteRecursively(target);
            try (Stream<Path> tree = Files.walk(source)) {
                for (Path from : tree.toList()) {
                    Path to = target.resolve(source.relativize(from).toString());
                    if (Files.isDirectory(from)) {
                        Files.createDirectories(to);
                    } else {
                        link(from, to);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target
                    + " (was the service being rebuilt? start it again)", e);
        }
        return target.resolve("quarkus-run.jar");
    }

    private static void link(Path from, Path to) throws IOException {
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException differentFileSystem) {
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
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

    private String line(Service service, String state, long begin) {
        return String.format(Locale.ROOT, "%-10s %s %-24s %5.1f s", service.name(), state,
                settings.host() + ":" + service.port(), (System.nanoTime() - begin) / 1e9);
    }
}
