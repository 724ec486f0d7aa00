package org.liudong.migration.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.liudong.migration.domain.Move;
import org.liudong.migration.domain.MoveHistory;
import org.liudong.migration.domain.PersonData;
import org.liudong.migration.domain.Verification;
import org.liudong.migration.service.MoveDetails;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A move as the API shows it. {@code person} and {@code destinationAddress} (personal data) appear only in a
 * single read by an entitled reader; lists carry ids, counties, dates, status and history, answers to changes no
 * history.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MoveView(UUID id, UUID personId, String originCounty, String destinationCounty, String status,
                       String reason, LocalDate departedOn, LocalDate arrivedOn, LocalDate returnedOn,
                       LocalDate registeredOn, LocalDate residenceValidUntil, Boolean residenceExpired,
                       String rejectionReason, String disputeNote, UUID previousMoveId, UUID verificationId,
                       String sex, int birthYear, int version, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                       String destinationAddress, PersonView person, List<HistoryView> history,
                       List<VerificationView> verifications) {

    public record PersonView(String idNumber, String name, String sex, LocalDate birthDate) {

        static PersonView of(PersonData data) {
            return new PersonView(data.idNumber(), data.name(), data.sex(), data.birthDate());
        }
    }

    public record HistoryView(OffsetDateTime at, String action, String county, String actor, String detail) {

        static HistoryView of(MoveHistory line) {
            return new HistoryView(line.at, line.action, line.county, line.actor, line.detail);
        }
    }

    public static MoveView summary(Move move) {
        return of(move, null, null, null, null);
    }

    /** A move in a list: with its history, without personal data. */
    public static MoveView listed(Move move, List<MoveHistory> history) {
        return of(move, null, null, history.stream().map(HistoryView::of).toList(), null);
    }

    /** An answer to an arrival: names the verification request an unannounced arrival opened. */
    public static MoveView summary(Move move, List<Verification> verifications) {
        UUID verificationId = verifications.isEmpty() ? null : verifications.get(0).id;
        return of(move, verificationId, null, null, null);
    }

    public static MoveView full(MoveDetails details) {
        Move move = details.move();
        UUID verificationId = details.verifications().isEmpty() ? null : details.verifications().get(0).id;
        return of(move, verificationId, details.person(),
                details.history().stream().map(HistoryView::of).toList(),
                details.verifications().stream().map(VerificationView::of).toList());
    }

    private static MoveView of(Move move, UUID verificationId, PersonData person, List<HistoryView> history,
                               List<VerificationView> verifications) {
        return new MoveView(move.id, move.personId, move.originCounty, move.destinationCounty, move.status.name(),
                move.reason.name(), move.departedOn, move.arrivedOn, move.returnedOn, move.registeredOn,
                move.residenceValidUntil, move.residenceValidUntil == null ? null : move.residenceExpired,
                move.rejectionReason, move.disputeNote, move.previousMoveId, verificationId, move.sex,
                move.birthYear, move.version, move.createdAt, move.updatedAt,
                person == null ? null : move.destinationAddress,
                person == null ? null : PersonView.of(person), history, verifications);
    }
}
