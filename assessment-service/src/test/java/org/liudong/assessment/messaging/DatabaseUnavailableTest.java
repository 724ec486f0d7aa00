package org.liudong.assessment.messaging;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.liudong.platform.consumer.DatabaseOutages;
import org.liudong.platform.consumer.PoisonEventException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures make the consumer wait for the database instead of dead-lettering the records. */
class DatabaseUnavailableTest {

    @Test
    void lostOrRefusedConnectionsAreWaitedFor() {
        assertThat(DatabaseOutages.isTransient(new IllegalStateException("commit failed",
                new SQLException("An I/O error occurred while sending to the backend", "08006")))).isTrue();
        assertThat(DatabaseOutages.isTransient(new RuntimeException(
                new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("refused"))))).isTrue();
        assertThat(DatabaseOutages.isTransient(new SQLException("terminating connection", "57P01"))).isTrue();
    }

    @Test
    void brokenEventsAndOtherSqlErrorsAreNot() {
        assertThat(DatabaseOutages.isTransient(new PoisonEventException("missing field county"))).isFalse();
        assertThat(DatabaseOutages.isTransient(new RuntimeException(
                new SQLException("value too long", "22001")))).isFalse();
    }
}
