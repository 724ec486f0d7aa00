package org.liudong.stack;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Starts processes with a log file and a pid file under {@code deploy/.local}, waits for them to become ready,
 * and stops them by process id: SIGTERM, a grace period, then SIGKILL.
 */
public final class ProcessControl {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private final StackPaths paths;

    public ProcessControl(StackPaths paths) {
        this.paths = paths;
    }

    /** Who started a component: a test run stops only what a test run started; the stack command owns the rest. */
    public enum Owner { TESTS, STACK }

    /** What a pid file records about a running component. */
    public record Recorded(String component, long pid, Instant started, Owner owner) {

        public Optional<ProcessHandle> process() {
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(handle -> handle.info().startInstant().map(started::equals).orElse(true));
        }

        public boolean isAlive() {
            return process().isPresent();
        }
    }

    /**
     * Starts {@code command} in {@code workingDirectory} with its output appended to {@code logs/<component>.log}
     * and records it in {@code pids/<component>.pid}.
     */
    public Recorded start(String component, List<String> command, Path workingDirectory, Map<String, String> environment,
            Owner owner) {
        Path log = logFile(component);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        try {
            Files.writeString(log, "---- " + Instant.now() + " starting " + String.join(" ", command) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process process = builder.start();
            Recorded recorded = new Recorded(component, process.pid(),
                    process.info().startInstant().orElse(Instant.EPOCH), owner);
            record(recorded);
            return recorded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + component + ": " + String.join(" ", command), e);
        }
    }

    /** Records a process this class did not start itself (e.g. a PostgreSQL server started by pg_ctl). */
    public void record(Recorded recorded) {
        Properties properties = new Properties();
        properties.setProperty("pid", Long.toString(recorded.pid()));
        properties.setProperty("started", recorded.started().toString());
        properties.setProperty("owner", recorded.owner().name());
        try (Writer writer = Files.newBufferedWriter(pidFile(recorded.component()), StandardCharsets.UTF_8)) {
            properties.store(writer, recorded.component());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The recorded process of a component, if its pid file names a process that is still alive. */
    public Optional<Recorded> running(String component) {
        return recorded(component).filter(Recorded::isAlive);
    }

    public Optional<Recorded> recorded(String component) {
        Path file = pidFile(component);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
            return Optional.of(new Recorded(component, Long.parseLong(properties.getProperty("pid")),
                    Instant.parse(properties.getProperty("started")), Owner.valueOf(properties.getProperty("owner"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The components that have a pid file, alive or not. */
    public List<Recorded> allRecorded() {
        List<Recorded> all = new ArrayList<>();
        try (var files = Files.list(paths.pids())) {
            files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".pid"))
                    .sorted()
                    .forEach(name -> recorded(name.substring(0, name.length() - ".pid".length())).ifPresent(all::add));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    public void changeOwner(String component, Owner owner) {
        running(component).ifPresent(recorded ->
                record(new Recorded(component, recorded.pid(), recorded.started(), owner)));
    }

    public void forget(String component) {
        try {
            Files.deleteIfExists(pidFile(component));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stops a recorded component and its child processes: SIGTERM, up to {@code grace} to exit, then SIGKILL.
     * Returns false when nothing recorded was running.
     */
    public boolean stop(String component, Duration grace) {
        Optional<ProcessHandle> process = running(component).flatMap(Recorded::process);
        process.ifPresent(handle -> terminate(handle, grace));
        forget(component);
        return process.isPresent();
    }

    static void terminate(ProcessHandle process, Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timedOut) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : descendants) {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception timedOut) {
                    child.destroyForcibly();
                }
            }
        }
    }

    /**
     * Waits until {@code ready} holds. Fails early, with the end of the log, when the recorded process has exited.
     */
    public void awaitReady(String component, String what, BooleanSupplier ready, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            Optional<Recorded> recorded = recorded(component);
            if (recorded.isPresent() && !recorded.get().isAlive()) {
                throw new IllegalStateException(component + " exited before " + what + "; end of "
                        + logFile(component) + ":\n" + tail(logFile(component), 40));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(component + ": no " + what + " after " + timeout.toSeconds()
                        + " s; end of " + logFile(component) + ":\n" + tail(logFile(component), 40));
            }
            pause();
        }
    }

    public Path logFile(String component) {
        return paths.logs().resolve(component + ".log");
    }

    private Path pidFile(String component) {
        return paths.pids().resolve(component + ".pid");
    }

    public static boolean isPortOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isHttpOk(URI uri) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while probing " + uri, e);
        }
    }

    /** Runs a short command to completion and returns its output; fails with the output when it exits non-zero. */
    public static String run(List<String> command, Map<String, String> environment, Duration timeout) {
        Path output = null;
        try {
            // a file, not a pipe: a daemon the command leaves behind may hold its output open
            output = Files.createTempFile("liudong-stack-", ".out");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(new File("/"))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(environment);
            Process process = builder.start();
            boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (!finished) {
                throw new IllegalStateException("Timed out: " + String.join(" ", command) + "\n" + printed.strip());
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ":\n" + printed.strip());
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + String.join(" ", command), e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
