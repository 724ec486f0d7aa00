package org.liudong.platform.consumer;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a consumer does when the database, not the event, fails: it waits the outage out instead of dead-lettering
 * valid events. A failure that says nothing about the event — the database unreachable, restarting, or unable to
 * commit this transaction now — is retried with growing pauses; any other failure is the caller's to handle.
 */
public final class DatabaseOutages {

    public static final Duration MAX_PAUSE = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class);
    /** 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 40001 serialization, 40P01 deadlock. */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

    private DatabaseOutages() {
    }

    /**
     * Runs {@code work} until it succeeds or fails for a reason other than the database. There is no signal to
     * wait on for a database coming back, so each attempt is itself the check, after a pause that starts at
     * {@code firstPause} and doubles up to {@link #MAX_PAUSE}.
     */
    public static <T> T waitOut(Supplier<T> work, Duration firstPause, String what) {
        Duration pause = firstPause;
        while (true) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                LOG.warnf("Database unavailable while applying %s, retrying in %s: %s", what, pause, e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = nextPause(pause);
            }
        }
    }

    public static Duration nextPause(Duration pause) {
        Duration doubled = pause.multipliedBy(2);
        return doubled.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : doubled;
    }

    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof JDBCConnectionException || t instanceof LockAcquisitionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            // Agroal's pool gives up waiting for a connection with an SQLException that has no SQL state.
            if (t.getMessage() != null && (t.getMessage().contains("acquisition timeout")
                    || t.getMessage().contains("Unable to acquire JDBC Connection"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || TRANSIENT_STATES.contains(state));
    }
}
