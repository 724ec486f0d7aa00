package org.liudong.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a file, shared by the threads of this JVM and by other processes (test JVMs of several
 * modules, the stack command). Re-entrant for the thread that holds it.
 */
public final class InterProcessLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();
    private static final Map<Path, FileLock> FILE_LOCKS = new ConcurrentHashMap<>();

    private final Path file;
    private final ReentrantLock threadLock;

    private InterProcessLock(Path file, ReentrantLock threadLock) {
        this.file = file;
        this.threadLock = threadLock;
    }

    public static InterProcessLock acquire(Path file) {
        return tryAcquire(file, null).orElseThrow();
    }

    /** Gives up after {@code timeout} (null: wait as long as it takes). */
    public static Optional<InterProcessLock> tryAcquire(Path file, Duration timeout) {
        Path key = file.toAbsolutePath().normalize();
        Instant deadline = timeout == null ? null : Instant.now().plus(timeout);
        ReentrantLock threadLock = THREAD_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        try {
            if (deadline == null) {
                threadLock.lockInterruptibly();
            } else if (!threadLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.empty();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + key, e);
        }
        if (threadLock.getHoldCount() == 1) {
            try {
                Optional<FileLock> lock = lockFile(key, deadline);
                if (lock.isEmpty()) {
                    threadLock.unlock();
                    return Optional.empty();
                }
                FILE_LOCKS.put(key, lock.get());
            } catch (RuntimeException e) {
                threadLock.unlock();
                throw e;
            }
        }
        return Optional.of(new InterProcessLock(key, threadLock));
    }

    private static Optional<FileLock> lockFile(Path file, Instant deadline) {
        while (true) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = deadline == null ? channel.lock() : channel.tryLock();
                if (lock != null) {
                    return Optional.of(lock);
                }
                closeQuietly(channel);
            } catch (OverlappingFileLockException heldByThisJvm) {
                // another class loader of this JVM (Quarkus loads test resources more than once) holds it: wait
                closeQuietly(channel);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("Cannot lock " + file, e);
            }
            if (deadline != null && Instant.now().isAfter(deadline)) {
                return Optional.empty();
            }
            ProcessControl.pause();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock was never taken; nothing to release
            }
        }
    }

    @Override
    public void close() {
        try {
            if (threadLock.getHoldCount() == 1) {
                FileLock lock = FILE_LOCKS.remove(file);
                if (lock != null) {
                    lock.channel().close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            threadLock.unlock();
        }
    }
}
