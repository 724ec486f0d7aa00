package org.liudong.stack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.liudong.stack.InterProcessLock;
import org.liudong.stack.ProcessControl.Owner;
import org.liudong.stack.Stack;

/**
 * Test JVMs (one per module, possibly several at once) share the infrastructure. Each JVM holds a lease file
 * named after its pid while it runs; the last one to exit stops what test runs started.
 */
final class TestRunLeases {

    private static final Duration SHUTDOWN_LOCK_TIMEOUT = Duration.ofSeconds(20);
    /** A system property, because Quarkus may load this class in several class loaders of one JVM. */
    private static final String JOINED = "liudong.stack.test-run-lease";

    private TestRunLeases() {
    }

    /** Called with the stack lock held. */
    static void join(Stack stack) {
        if (System.getProperty(JOINED) != null) {
            return;
        }
        try {
            Files.writeString(leaseOf(stack, ProcessHandle.current().pid()), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> leave(stack), "liudong-stack-shutdown"));
        System.setProperty(JOINED, "true");
    }

    private static void leave(Stack stack) {
        Optional<InterProcessLock> lock = InterProcessLock.tryAcquire(stack.paths().lockFile(), SHUTDOWN_LOCK_TIMEOUT);
        if (lock.isEmpty()) {
            // e.g. interrupted in the middle of a start: whatever runs is reused or stopped by the next test run
            System.err.println("The stack is busy: leaving the test infrastructure running");
            return;
        }
        try (InterProcessLock held = lock.get()) {
            Files.deleteIfExists(leaseOf(stack, ProcessHandle.current().pid()));
            if (otherLiveLeases(stack).isEmpty() && !stack.settings().keepRunning()) {
                stack.stopStartedBy(Owner.TESTS);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not stop the test infrastructure: " + e.getMessage());
        }
    }

    private static List<Path> otherLiveLeases(Stack stack) throws IOException {
        try (Stream<Path> leases = Files.list(stack.paths().leases())) {
            return leases.filter(lease -> {
                boolean alive = ProcessHandle.of(Long.parseLong(lease.getFileName().toString()))
                        .map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    lease.toFile().delete();
                }
                return alive;
            }).toList();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    private static Path leaseOf(Stack stack, long pid) {
        return stack.paths().leases().resolve(Long.toString(pid));
    }
}
