package org.liudong.migration.messaging;

import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that says nothing about the event — the database unreachable, restarting, or unable to commit
 * this transaction now — from one that would recur on every retry. Only the former is worth waiting out.
 */
final class TransientFailures {

    /** 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now, 40001 serialization, 40P01 deadlock. */
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "40001", "40P01");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
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
