package org.liudong.migration.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.migration.config.MigrationConfig;
import org.liudong.migration.domain.InboxItem;
import org.liudong.migration.domain.Move;
import org.liudong.migration.domain.MoveStatus;
import org.liudong.migration.domain.Person;
import org.liudong.migration.domain.Verification;
import org.liudong.migration.messaging.MigrationEvents;
import org.liudong.migration.repository.MoveRepository;
import org.liudong.migration.repository.PersonRepository;
import org.liudong.migration.repository.VerificationRepository;
import org.liudong.migration.security.MoveAccess;
import org.liudong.platform.divisions.DivisionCatalog;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.time.RegisterCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Verification requests (协查): opening, answering, reminders and overdue marking. */
@ApplicationScoped
@Transactional
public class VerificationService {

    private final VerificationRepository verifications;
    private final MoveRepository moves;
    private final PersonRepository persons;
    private final MoveSteps steps;
    private final MigrationEvents events;
    private final Inbox inbox;
    private final MoveAccess access;
    private final MigrationConfig config;
    private final RegisterCalendar calendar;

    public VerificationService(VerificationRepository verifications, MoveRepository moves, PersonRepository persons,
                               MoveSteps steps, MigrationEvents events, Inbox inbox, MoveAccess access,
                               MigrationConfig config, RegisterCalendar calendar) {
        this.verifications = verifications;
        this.moves = moves;
        this.persons = persons;
        this.steps = steps;
        this.events = events;
        this.inbox = inbox;
        this.access = access;
        this.config = config;
        this.calendar = calendar;
    }

    /** A request by a county party to the move, or holding the person, to a county that also holds them. */
    public Verification request(VerificationRequest request) {
        String from = access.actingCounty();
        if ((request.moveId() == null) == (request.personId() == null)) {
            throw ProblemException.badRequest("Name either moveId or personId",
                    new FieldError("moveId", "exactly one of moveId and personId"));
        }
        if (request.toCounty().equals(from) || !DivisionCatalog.bundled().isCounty(request.toCounty())) {
            throw ProblemException.badRequest("toCounty must be another county",
                    new FieldError("toCounty", "must be a county code other than yours"));
        }
        if (request.moveId() != null) {
            Move move = access.readable(moves.findById(request.moveId()));
            if (!move.involves(from) || !move.involves(request.toCounty())) {
                throw ProblemException.unprocessable("not-a-party",
                        "A request about a move goes from one of its counties to the other");
            }
            return open(from, request.toCounty(), move, request.question(), request.urgent(),
                    access.actor());
        }
        Person person = persons.findByIdOptional(request.personId())
                .filter(p -> holds(from, p))
                .orElseThrow(() -> ProblemException.notFound("The person"));
        if (!holds(request.toCounty(), person)) {
            throw ProblemException.unprocessable("not-a-party",
                    "County " + request.toCounty() + " neither registers the person nor is party to a move");
        }
        Verification verification = newRequest(from, request.toCounty(), request.question(), request.urgent(),
                access.actor());
        verification.personId = person.id;
        verification.idIndex = person.idIndex;
        return publish(verification);
    }

    /** Opens a request about a move (also used when an unannounced arrival asks the origin to confirm). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Verification open(String from, String to, Move move, Verification.Question question, boolean urgent,
                             String actor) {
        Verification verification = newRequest(from, to, question, urgent, actor);
        verification.moveId = move.id;
        verification.personId = move.personId;
        verification.idIndex = move.idIndex;
        return publish(verification);
    }

    public Verification read(UUID id) {
        return access.readable(verifications.findById(id));
    }

    public List<Verification> ofMove(UUID moveId) {
        return verifications.ofMove(moveId);
    }

    /** Only the addressed county answers; a confirmation settles an unverified move, a denial disputes it. */
    public Verification answer(UUID id, AnswerRequest answer, Integer expectedVersion) {
        Verification verification = access.readable(verifications.findForUpdate(id).orElse(null));
        String county = access.actingCounty();
        if (!county.equals(verification.toCounty)) {
            throw ProblemException.forbidden("Only county " + verification.toCounty + " answers this request");
        }
        Versions.check(expectedVersion, verification.version);
        if (!verification.isAnswerable()) {
            throw ProblemException.conflict("already-answered", "The request was answered already");
        }
        verification.status = Verification.Status.ANSWERED;
        verification.outcome = answer.outcome();
        verification.note = answer.note();
        verification.answeredBy = access.actor();
        verification.answeredAt = OffsetDateTime.now();
        events.verification(MigrationEvents.VERIFICATION_ANSWERED, verification,
                data -> data.put("outcome", answer.outcome().name()));
        inbox.post(verification.fromCounty, InboxItem.Kind.VERIFICATION_ANSWER, county, verification.moveId,
                verification.id);
        if (verification.moveId != null) {
            moves.findForUpdate(verification.moveId)
                    .filter(move -> move.originCounty.equals(county))
                    .ifPresent(move -> applyToMove(move, verification));
        }
        verifications.flush();
        return verification;
    }

    /** Requests due within the reminder period get one reminder; returns how many. */
    public int remindDue(LocalDate today, int batch) {
        List<UUID> due = verifications.lockUnremindedDueBy(today.plus(config.verification().remindBefore()), batch);
        for (UUID id : due) {
            Verification verification = verifications.findById(id);
            verification.remindedAt = OffsetDateTime.now();
            events.verification(MigrationEvents.VERIFICATION_REMINDED, verification, data -> { });
            inbox.post(verification.toCounty, InboxItem.Kind.VERIFICATION_REMINDER, verification.fromCounty,
                    verification.moveId, verification.id);
        }
        return due.size();
    }

    /** Open requests past their due date become OVERDUE; both counties hear of it. Returns how many. */
    public int markOverdue(LocalDate today, int batch) {
        List<UUID> due = verifications.lockOpenDueBefore(today, batch);
        for (UUID id : due) {
            Verification verification = verifications.findById(id);
            verification.status = Verification.Status.OVERDUE;
            events.verification(MigrationEvents.VERIFICATION_OVERDUE, verification, data -> { });
            inbox.post(verification.toCounty, InboxItem.Kind.VERIFICATION_OVERDUE, verification.fromCounty,
                    verification.moveId, verification.id);
            inbox.post(verification.fromCounty, InboxItem.Kind.VERIFICATION_OVERDUE, verification.toCounty,
                    verification.moveId, verification.id);
        }
        return due.size();
    }

    private void applyToMove(Move move, Verification verification) {
        String county = verification.toCounty;
        if (verification.outcome == Verification.Outcome.CONFIRMED && move.status.canBecome(MoveStatus.SETTLED)
                && move.status != MoveStatus.ANNOUNCED) {
            steps.settle(move, county, verification.answeredBy, "origin confirmed the departure");
        } else if (verification.outcome == Verification.Outcome.DENIED
                && move.status.canBecome(MoveStatus.DISPUTED)) {
            move.become(MoveStatus.DISPUTED);
            move.disputeNote = verification.note;
            steps.record(move, "DISPUTED", county, verification.answeredBy, verification.note);
        }
    }

    private boolean holds(String county, Person person) {
        return person.county.equals(county) || moves.anyLinking(person.id, person.idIndex, county);
    }

    private Verification newRequest(String from, String to, Verification.Question question, boolean urgent,
                                    String actor) {
        Verification verification = new Verification();
        verification.id = UUID.randomUUID();
        verification.fromCounty = from;
        verification.toCounty = to;
        verification.question = question;
        verification.urgent = urgent;
        verification.dueOn = calendar.today().plus(urgent ? config.verification().urgentDue()
                : config.verification().normalDue());
        verification.status = Verification.Status.OPEN;
        verification.requestedBy = actor;
        verification.createdAt = OffsetDateTime.now();
        return verification;
    }

    private Verification publish(Verification verification) {
        verifications.persist(verification);
        events.verification(MigrationEvents.VERIFICATION_REQUESTED, verification, data -> { });
        inbox.post(verification.toCounty, InboxItem.Kind.VERIFICATION_REQUEST, verification.fromCounty,
                verification.moveId, verification.id);
        return verification;
    }
}
