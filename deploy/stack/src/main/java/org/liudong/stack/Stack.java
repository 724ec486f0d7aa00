package org.liudong.stack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.liudong.stack.ProcessControl.Owner;
import org.liudong.stack.ProcessControl.Recorded;

/**
 * The local Liudong stack: PostgreSQL, Kafka and Keycloak (and, on top of them, the services), started once and
 * reused by tests and by {@code deploy/up}.
 *
 * <pre>
 * java org.liudong.stack.Stack infra    # start (or reuse) PostgreSQL, Kafka with the topics, Keycloak with the realm
 * java org.liudong.stack.Stack up       # infra, then the four packaged services, then the demo data
 * java org.liudong.stack.Stack seed     # the demo data again (changes nothing when it is there)
 * java org.liudong.stack.Stack status   # what runs, and who started it
 * java org.liudong.stack.Stack down     # stop everything recorded in deploy/.local/pids
 * java org.liudong.stack.Stack down registry gateway   # stop only these
 * </pre>
 */
public final class Stack {

    /** The services that own a database; each gets the role {@code liudong_<service>} and a database of that name. */
    public static final List<String> SERVICES_WITH_DATABASE = List.of("registry", "migration", "assessment");
    public static final List<String> INFRASTRUCTURE = List.of(Postgres.COMPONENT, Kafka.COMPONENT, Keycloak.COMPONENT);

    private final StackSettings settings;
    private final StackPaths paths;
    private final LocalSecrets secrets;
    private final ProcessControl processes;
    private final Postgres postgres;
    private final Kafka kafka;
    private final Keycloak keycloak;
    private final Services services;

    public Stack(StackSettings settings, StackPaths paths) {
        this.settings = settings;
        this.paths = paths;
        this.secrets = LocalSecrets.of(paths);
        this.processes = new ProcessControl(paths);
        this.postgres = new Postgres(settings, paths);
        this.kafka = new Kafka(settings, paths);
        this.keycloak = new Keycloak(settings, paths, secrets);
        this.services = new Services(settings, paths, secrets, postgres);
    }

    /** The stack of the repository around the working directory, configured from system properties and env. */
    public static Stack locate() {
        return new Stack(StackSettings.fromEnvironment(), StackPaths.locate());
    }

    public static void main(String[] args) {
        // the Kafka admin client logs through SLF4J; without a provider it only needs to stay quiet
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%5$s%n");
        }
        String command = args.length == 0 ? "status" : args[0];
        Stack stack = locate();
        PrintStream out = System.out;
        try {
            switch (command) {
                case "infra" -> stack.infra(out::println);
                case "up" -> {
                    // also when Ctrl-C or a failure ends the start half-way: deploy/up then stops what is listed
                    Map<String, Long> before = stack.runningNow();
                    Runtime.getRuntime().addShutdownHook(new Thread(
                            () -> stack.recordStartedByUp(stack.startedSince(before)), "record-started-by-up"));
                    stack.up(out::println);
                }
                case "services" -> stack.services(Owner.STACK, out::println);
                case "seed" -> out.println(new DemoSeed(stack.settings(), stack.paths()).run());
                case "down" -> stack.down(out::println, List.of(args).subList(1, args.length));
                case "status" -> stack.status().forEach(out::println);
                default -> {
                    System.err.println("Usage: Stack infra|up|services|seed|status|down [component...]");
                    System.exit(2);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("stack " + command + " failed: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Starts what is not running yet: PostgreSQL with a role and database per service, Kafka with the topics,
     * Keycloak with the realm. Everything it finds or starts belongs to the stack afterwards, so a test run
     * leaves it running.
     */
    public void infra(Consumer<String> progress) {
        try (InterProcessLock lock = lock()) {
            long start = System.nanoTime();
            // Keycloak needs neither PostgreSQL nor Kafka and is the slowest to start: it boots alongside them
            CompletableFuture<Void> keycloakReady = CompletableFuture.runAsync(() -> timed(progress, Keycloak.COMPONENT,
                    settings.keycloakUrl(), start, () -> keycloak.ensureRunning(Owner.STACK)));
            try {
                timed(progress, Postgres.COMPONENT, settings.host() + ":" + settings.postgresPort(), start, () -> {
                    postgres.ensureRunning(Owner.STACK);
                    SERVICES_WITH_DATABASE.forEach(service -> ensureServiceDatabase(service, databaseName(service)));
                });
                timed(progress, Kafka.COMPONENT, settings.kafkaBootstrapServers(), start, () -> {
                    kafka.ensureRunning(Owner.STACK);
                    kafka.ensureTopics();
                });
            } finally {
                awaitQuietly(keycloakReady);
            }
            keycloakReady.join();
            INFRASTRUCTURE.forEach(component -> processes.changeOwner(component, Owner.STACK));
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * The whole local platform: {@link #infra}, the four packaged services, and (unless {@code liudong.stack.seed} is
     * false) the demo data. Answers the components this call started; what was running before is only reused.
     */
    public List<String> up(Consumer<String> progress) {
        Map<String, Long> before = runningNow();
        infra(progress);
        services(Owner.STACK, progress);
        if (settings.seedDemo()) {
            long start = System.nanoTime();
            String result = new DemoSeed(settings, paths).run();
            progress.accept(String.format(Locale.ROOT, "%-10s %s (%.1f s)", "seed", result, (System.nanoTime() - start) / 1e9));
        }
        return startedSince(before);
    }

    /** The recorded components that run now, with their process ids. */
    public Map<String, Long> runningNow() {
        Map<String, Long> running = new HashMap<>();
        processes.allRecorded().stream().filter(Recorded::isAlive).forEach(r -> running.put(r.component(), r.pid()));
        return running;
    }

    /** The components running now that did not run (as the same process) at the time of {@code before}. */
    public List<String> startedSince(Map<String, Long> before) {
        return processes.allRecorded().stream().filter(Recorded::isAlive)
                .filter(r -> !Objects.equals(before.get(r.component()), r.pid()))
                .map(Recorded::component).toList();
    }

    /** Starts (or reuses) the four packaged services on top of the running infrastructure; answers those it started. */
    public List<String> services(Owner owner, Consumer<String> progress) {
        try (InterProcessLock lock = lock()) {
            return services.start(owner, progress);
        }
    }

    /** Stops everything recorded in {@code deploy/.local/pids}: the services first, then the infrastructure. */
    public void down(Consumer<String> progress) {
        down(progress, List.of());
    }

    /**
     * Stops the named components (all recorded ones when none are named): the services first, all at once (the first
     * stop of a build writes its class-data archive, some seconds of CPU each), then the infrastructure in turn.
     */
    public void down(Consumer<String> progress, Collection<String> only) {
        Predicate<String> named = component -> only.isEmpty() || only.contains(component);
        Consumer<String> stop = component -> {
            if (stopComponent(component)) {
                progress.accept(String.format(Locale.ROOT, "%-10s stopped", component));
            }
        };
        try (InterProcessLock lock = lock()) {
            List<String> services = processes.allRecorded().stream().map(Recorded::component)
                    .filter(component -> !INFRASTRUCTURE.contains(component)).filter(named).toList();
            if (!services.isEmpty()) {
                progress.accept("stopping " + String.join(", ", services)
                        + " (after a build's first start each writes its class-data archive first, 10-20 s)");
            }
            services.parallelStream().forEach(stop);
            Stream.of(Keycloak.COMPONENT, Kafka.COMPONENT, Postgres.COMPONENT).filter(named).forEach(stop);
        }
    }

    /** Stops the components a test run started (services first); what a developer started stays up. */
    public void stopStartedBy(Owner owner) {
        try (InterProcessLock lock = lock()) {
            processes.allRecorded().stream()
                    .filter(r -> !INFRASTRUCTURE.contains(r.component()) && r.owner() == owner && r.isAlive())
                    .toList().parallelStream()
                    .forEach(r -> stopComponent(r.component()));
            List<String> stopping = new ArrayList<>(INFRASTRUCTURE);
            Collections.reverse(stopping);
            stopping.stream()
                    .filter(component -> processes.running(component).map(r -> r.owner() == owner).orElse(false))
                    .toList()
                    .parallelStream()
                    .forEach(this::stopComponent);
        }
    }

    public List<String> status() {
        List<String> lines = new ArrayList<>();
        lines.add(statusLine(Postgres.COMPONENT, settings.host() + ":" + settings.postgresPort(),
                ProcessControl.isPortOpen(settings.host(), settings.postgresPort())));
        lines.add(statusLine(Kafka.COMPONENT, settings.kafkaBootstrapServers(),
                ProcessControl.isPortOpen(settings.host(), settings.kafkaPort())));
        lines.add(statusLine(Keycloak.COMPONENT, settings.keycloakUrl(),
                ProcessControl.isHttpOk(keycloak.discoveryUri())));
        processes.allRecorded().stream().filter(r -> !INFRASTRUCTURE.contains(r.component()))
                .forEach(r -> lines.add(statusLine(r.component(), "", r.isAlive())));
        return lines;
    }

    /**
     * Creates (or updates the password of) the service's role and creates its database, marked with this stack's
     * ID-number keys; refuses a database another stack's keys wrote.
     */
    public void ensureServiceDatabase(String service, String database) {
        String role = roleName(service);
        postgres.ensureDatabase(role, secrets.databasePassword(role), database, secrets.idKeysFingerprint(),
                secrets.file());
    }

    public static String roleName(String service) {
        return "liudong_" + service;
    }

    public static String databaseName(String service) {
        return "liudong_" + service;
    }

    public InterProcessLock lock() {
        return InterProcessLock.acquire(paths.lockFile());
    }

    public StackSettings settings() {
        return settings;
    }

    public StackPaths paths() {
        return paths;
    }

    public LocalSecrets secrets() {
        return secrets;
    }

    public ProcessControl processes() {
        return processes;
    }

    public Postgres postgres() {
        return postgres;
    }

    public Kafka kafka() {
        return kafka;
    }

    public Keycloak keycloak() {
        return keycloak;
    }

    public Services services() {
        return services;
    }

    /** Where {@code deploy/up} finds what {@code Stack up} started, to stop just that on Ctrl-C. */
    public Path startedByUpFile() {
        return paths.local().resolve("started-by-up");
    }

    private void recordStartedByUp(List<String> started) {
        try {
            Files.writeString(startedByUpFile(), String.join(" ", started) + System.lineSeparator(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean stopComponent(String component) {
        return switch (component) {
            case Postgres.COMPONENT -> postgres.stop();
            case Kafka.COMPONENT -> kafka.stop();
            case Keycloak.COMPONENT -> keycloak.stop();
            default -> processes.stop(component, Duration.ofSeconds(30));
        };
    }

    private String statusLine(String component, String address, boolean up) {
        Optional<Recorded> recorded = processes.running(component);
        String who = recorded.map(r -> "pid " + r.pid() + ", started by " + r.owner().name().toLowerCase(Locale.ROOT))
                .orElse(up ? "not started by the stack" : "");
        return String.format(Locale.ROOT, "%-10s %-5s %-24s %s", component, up ? "up" : "down", address, who).stripTrailing();
    }

    /** Never leaves a start running unobserved; its failure is reported by the join that follows. */
    private static void awaitQuietly(CompletableFuture<Void> step) {
        try {
            step.join();
        } catch (CompletionException reportedLater) {
            // rethrown by the caller's join, unless an earlier failure is already on its way
        }
    }

    private static void timed(Consumer<String> progress, String component, String address, long start, Runnable step) {
        step.run();
        progress.accept(String.format(Locale.ROOT, "%-10s ready  %-24s %5.1f s", component, address,
                (System.nanoTime() - start) / 1e9));
    }
}
