package org.liudong.migration.messaging;

import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;
import org.liudong.platform.consumer.DatabaseOutages;
import org.liudong.platform.consumer.PoisonEventException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures make the registry consumer wait for the database instead of dead-lettering the record. */
class TransientFailuresTest {

    @Test
    void lostOrRefusedConnectionsAreWaitedFor() {
        assertThat(DatabaseOutages.isTransient(new IllegalStateException("commit failed",
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
        assertThat(DatabaseOutages.isTransient(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(DatabaseOutages.isTransient(new RuntimeException(new JDBCConnectionException(
                "Unable to acquire JDBC Connection", new SQLException("refused"))))).isTrue();
        assertThat(DatabaseOutages.isTransient(new RuntimeException(
                new ConnectException("Connection refused")))).isTrue();
        assertThat(DatabaseOutages.isTransient(new SQLTransientConnectionException("pool closed"))).isTrue();
    }

    @Test
    void aServerShuttingDownIsWaitedFor() {
        assertThat(DatabaseOutages.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(DatabaseOutages.isTransient(new SQLException("crash shutdown", "57P02"))).isTrue();
        assertThat(DatabaseOutages.isTransient(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void anAgroalAcquisitionTimeoutIsWaitedFor() {
        assertThat(DatabaseOutages.isTransient(new RuntimeException(
                new SQLException("Sorry, acquisition timeout!")))).isTrue();
    }

    @Test
    void aTransactionThatCouldNotCommitForConcurrencyIsRetried() {
        RollbackException rollback = new RollbackException("could not commit");
        rollback.initCause(new SQLException("could not serialize access", "40001"));
        assertThat(DatabaseOutages.isTransient(rollback)).isTrue();
        assertThat(DatabaseOutages.isTransient(new LockAcquisitionException("deadlock detected",
                new SQLException("deadlock detected", "40P01")))).isTrue();
    }

    @Test
    void brokenEventsAreNotWaitedFor() {
        assertThat(DatabaseOutages.isTransient(new PoisonEventException("data.county is missing"))).isFalse();
        assertThat(DatabaseOutages.isTransient(new ConstraintViolationException("invalid", Set.of()))).isFalse();
    }

    @Test
    void otherSqlErrorsAreNotWaitedFor() {
        assertThat(DatabaseOutages.isTransient(new RuntimeException(
                new SQLException("value too long", "22001")))).isFalse();
        assertThat(DatabaseOutages.isTransient(new org.hibernate.exception.ConstraintViolationException(
                "duplicate key", new SQLException("duplicate key", "23505"), "pk")))
                .isFalse();
        assertThat(DatabaseOutages.isTransient(new SQLException("no SQL state"))).isFalse();
        assertThat(DatabaseOutages.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void pausesDoubleFromHalfASecondUpToThirtySeconds() {
        Duration pause = RegistryEventsConsumer.FIRST_PAUSE;
        assertThat(pause).isEqualTo(Duration.ofMillis(500));
        for (int i = 0; i < 6; i++) {
            pause = DatabaseOutages.nextPause(pause);
        }
        assertThat(pause).isEqualTo(Duration.ofSeconds(30));
        assertThat(DatabaseOutages.nextPause(pause)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DatabaseOutages.nextPause(Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(2));
    }
}
