package org.liudong.migration.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.liudong.platform.time.RegisterCalendar;

import java.time.LocalDate;
import java.util.function.IntSupplier;

/**
 * Lapsing, reminders, overdue requests and residence expiry. Every batch locks its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so several instances may run these at once without doing anything twice.
 */
@ApplicationScoped
public class ScheduledJobs {

    private static final Logger LOG = Logger.getLogger(ScheduledJobs.class);
    private static final int BATCH = 200;

    private final MoveService moves;
    private final VerificationService verifications;
    private final RegisterCalendar calendar;

    public ScheduledJobs(MoveService moves, VerificationService verifications, RegisterCalendar calendar) {
        this.moves = moves;
        this.verifications = verifications;
        this.calendar = calendar;
    }

    @Scheduled(every = "${liudong.migration.job-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() {
        LocalDate today = calendar.today();
        int lapsed = drain(() -> moves.lapseOverdue(today, BATCH));
        int expired = drain(() -> moves.expireResidences(today, BATCH));
        int reminded = drain(() -> verifications.remindDue(today, BATCH));
        int overdue = drain(() -> verifications.markOverdue(today, BATCH));
        if (lapsed + expired + reminded + overdue > 0) {
            LOG.infof("Lapsed %d moves, expired %d residences, reminded %d and marked %d verifications overdue",
                    lapsed, expired, reminded, overdue);
        }
    }

    private static int drain(IntSupplier batch) {
        int total = 0;
        for (int done = batch.getAsInt(); done > 0; done = done == BATCH ? batch.getAsInt() : 0) {
            total += done;
        }
        return total;
    }
}
