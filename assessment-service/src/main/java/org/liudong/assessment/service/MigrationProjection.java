package org.liudong.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.domain.MoveRecord;
import org.liudong.assessment.domain.Period;
import org.liudong.assessment.domain.VerificationRecord;
import org.liudong.assessment.messaging.EventData;
import org.liudong.platform.events.EventTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Keeps the move and verification projection in step with {@code migration.events}. Runs in the caller's transaction. */
@ApplicationScoped
public class MigrationProjection {

    private final AssessmentConfig config;

    public MigrationProjection(AssessmentConfig config) {
        this.config = config;
    }

    public void apply(EventData event, Changes changes, BatchRows rows) {
        String name = EventTypes.eventName(event.type());
        Instant at = event.occurredAt();
        if (name.startsWith("verification-")) {
            verificationChanged(name, event, at, changes, rows);
        } else if (event.optionalText("moveId") != null) {
            moveChanged(name, event, at, changes, rows);
        }
    }

    private void moveChanged(String name, EventData event, Instant at, Changes changes, BatchRows rows) {
        LocalDate day = LocalDate.ofInstant(at, config.zone());
        UUID id = event.uuid("moveId");
        UUID personId = event.optionalUuid("personId");
        String origin = event.county("originCounty");
        String destination = event.county("destinationCounty");
        if (name.equals("departure-registered")) {
            event.date("departedOn");
        } else if (name.equals("arrival-registered")) {
            event.date("arrivedOn");
        }
        MoveRecord move = rows.moves.find(id).orElseGet(MoveRecord::new);
        if (move.moveId == null) {
            move.moveId = id;
            move.lastEventAt = at;
        }
        move.personId = personId != null ? personId : move.personId;
        move.idIndex = orElse(event.optionalText("idIndex"), move.idIndex);
        move.originCounty = origin;
        move.destinationCounty = destination;
        move.reason = orElse(event.optionalText("reason"), move.reason);
        move.sex = orElse(event.optionalText("sex"), move.sex);
        move.birthYear = orElse(event.optionalInt("birthYear"), move.birthYear);
        move.status = orElse(event.optionalText("status"), move.status == null ? "ANNOUNCED" : move.status);
        if (event.optionalDate("departedOn") != null) {
            move.departed(event.optionalDate("departedOn"));
        }
        if (event.optionalDate("arrivedOn") != null) {
            move.arrived(event.optionalDate("arrivedOn"));
        }
        switch (name) {
            case "departure-registered" -> {
                move.announced = true;
                move.departed(event.date("departedOn"));
                move.departureRegisteredOn = orElse(event.optionalDate("registeredOn"), day);
            }
            case "arrival-registered" -> {
                move.arrived(event.date("arrivedOn"));
                if (event.flag("matched") || "SETTLED".equals(move.status)) {
                    move.settledOn = day;
                }
            }
            case "move-settled" -> move.settledOn = move.settledOn != null ? move.settledOn : day;
            case "move-rejected" -> {
                move.rejectedOn = day;
                move.disputedOn = move.disputedOn != null ? move.disputedOn : day;
                move.endOn(day);
            }
            case "move-revoked" -> {
                move.revokedOn = day;
                move.endOn(day);
            }
            case "move-returned" -> {
                move.returnedOn = orElse(event.optionalDate("returnedOn"), day);
                move.endOn(move.returnedOn);
            }
            case "move-lapsed" -> {
                move.lapsedOn = day;
                move.endOn(day);
            }
            case "move-moved-on" -> move.endOn(day);
            default -> {
                // residence-expired, residence-renewed and later additions: the status is all we keep
            }
        }
        if ("DISPUTED".equals(move.status) && move.disputedOn == null) {
            move.disputedOn = day;
        }
        if (at.isAfter(move.lastEventAt)) {
            move.lastEventAt = at;
        }
        if (move.startedOn == null) {
            move.startedOn = day;
        }
        rows.moves.changed(id, move);
        touch(changes, move, Period.of(day));
        if (move.startedOn != null) {
            touch(changes, move, Period.of(move.startedOn));
        }
        changes.activity(new Changes.Activity(name, move.originCounty, move.destinationCounty, move.reason, at));
    }

    private void verificationChanged(String name, EventData event, Instant at, Changes changes,
                                     BatchRows rows) {
        LocalDate day = LocalDate.ofInstant(at, config.zone());
        UUID id = event.uuid("verificationId");
        String from = event.county("fromCounty");
        String to = event.county("toCounty");
        VerificationRecord request = rows.verifications.find(id)
                .orElseGet(VerificationRecord::new);
        if (request.verificationId == null) {
            request.verificationId = id;
            request.requestedOn = day;
        }
        request.fromCounty = from;
        request.toCounty = to;
        request.moveId = orElse(event.optionalUuid("moveId"), request.moveId);
        request.urgent = event.flag("urgent") || request.urgent;
        request.dueOn = orElse(event.optionalDate("dueOn"), request.dueOn);
        switch (name) {
            case "verification-requested" -> request.requestedOn = day;
            case "verification-answered" -> {
                request.answeredOn = day;
                request.outcome = event.optionalText("outcome");
                if ("DENIED".equals(request.outcome) && request.moveId != null) {
                    rows.moves.find(request.moveId).filter(m -> m.disputedOn == null).ifPresent(m -> {
                        m.disputedOn = day;
                        rows.moves.changed(m.moveId, m);
                        touch(changes, m, Period.of(day));
                    });
                }
            }
            case "verification-overdue" -> request.overdueOn = day;
            default -> {
            }
        }
        rows.verifications.changed(id, request);
        changes.touched(request.toCounty, Period.of(day));
        if (request.dueOn != null) {
            changes.touched(request.toCounty, Period.of(request.dueOn));
        }
    }

    private static void touch(Changes changes, MoveRecord move, Period period) {
        changes.touched(move.originCounty, period);
        changes.touched(move.destinationCounty, period);
    }

    private static <T> T orElse(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
