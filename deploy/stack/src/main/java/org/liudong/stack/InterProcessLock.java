package org.liudong.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
        Path key = file.toAbsolutePath().normalize();
        ReentrantLock threadLock = THREAD_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        threadLock.lock();
        if (threadLock.getHoldCount() == 1) {
            try {
                FILE_LOCKS.put(key, lockFile(key));
            } catch (RuntimeException e) {
                threadLock.unlock();
                throw e;
            }
        }
        return new InterProcessLock(key, threadLock);
    }

    private static FileLock lockFile(Path file) {
        while (true) {
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                return channel.lock();
            } catch (OverlappingFileLockException heldByThisJvm) {
                // another class loader of this JVM (Quarkus loads test resources more than once) holds it: wait
                closeQuietly(channel);
                ProcessControl.pause();
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UncheckedIOException("Cannot lock " + file, e);
            }
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
