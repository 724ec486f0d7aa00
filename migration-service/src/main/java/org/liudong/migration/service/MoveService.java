package org.liudong.migration.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.migration.config.MigrationConfig;
import org.liudong.migration.domain.InboxItem;
import org.liudong.migration.domain.Move;
import org.liudong.migration.domain.MoveHistory;
import org.liudong.migration.domain.MoveReason;
import org.liudong.migration.domain.MoveStatus;
import org.liudong.migration.domain.Names;
import org.liudong.migration.domain.Person;
import org.liudong.migration.domain.PersonData;
import org.liudong.migration.domain.Verification;
import org.liudong.migration.messaging.MigrationEvents;
import org.liudong.migration.repository.MoveHistoryRepository;
import org.liudong.migration.repository.MoveRepository;
import org.liudong.migration.repository.PersonRepository;
import org.liudong.migration.security.MoveAccess;
import org.liudong.platform.divisions.DivisionCatalog;
import org.liudong.platform.identity.ResidentIdNumber;
import org.liudong.platform.persistence.Listing;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.time.RegisterCalendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Departures, arrivals and every later step of a move; each change with its history line, inbox item and event. */
@ApplicationScoped
@Transactional
public class MoveService {

    private static final int MAX_DAYS_AHEAD = 90;

    private final MoveRepository moves;
    private final MoveHistoryRepository history;
    private final PersonRepository persons;
    private final RegistryLookup registry;
    private final PersonDataVault vault;
    private final VerificationService verifications;
    private final MoveSteps steps;
    private final MigrationEvents events;
    private final Inbox inbox;
    private final Audit audit;
    private final MoveAccess access;
    private final MigrationConfig config;
    private final RegisterCalendar calendar;

    public MoveService(MoveRepository moves, MoveHistoryRepository history, PersonRepository persons,
                       RegistryLookup registry, PersonDataVault vault, VerificationService verifications,
                       MoveSteps steps, MigrationEvents events, Inbox inbox, Audit audit, MoveAccess access,
                       MigrationConfig config, RegisterCalendar calendar) {
        this.moves = moves;
        this.history = history;
        this.persons = persons;
        this.registry = registry;
        this.vault = vault;
        this.verifications = verifications;
        this.steps = steps;
        this.events = events;
        this.inbox = inbox;
        this.audit = audit;
        this.access = access;
        this.config = config;
        this.calendar = calendar;
    }

    /**
     * The origin announces that one of its active residents (or someone settled there, moving on) leaves for
     * the destination. The registry is asked once for the basic data the destination will need.
     */
    public Move depart(DepartureRequest request) {
        access.requireActsFor(request.originCounty());
        requireOtherCounty(request.originCounty(), request.destinationCounty());
        if (request.departedOn().isAfter(calendar.today().plusDays(MAX_DAYS_AHEAD))) {
            throw ProblemException.badRequest("departedOn is too far ahead",
                    new FieldError("departedOn", "at most " + MAX_DAYS_AHEAD + " days from today"));
        }
        Person person = resolve(request);
        moves.lockPerson(person.idIndex);
        Move previous = null;
        if (!person.isActive()) {
            throw notResident(request.originCounty());
        }
        if (!person.county.equals(request.originCounty())) {
            previous = moves.findSettledIn(person.id, request.originCounty())
                    .orElseThrow(() -> notResident(request.originCounty()));
        }
        moves.findOpenFor(person.idIndex).ifPresent(open -> {
            throw ProblemException.conflict("open-move", "The person already has an open move " + open.id
                    + " (" + open.status + ")");
        });
        PersonData data = previous != null ? vault.open(previous.personData) : fetchBasicData(person);

        Move move = newMove(person.id, person.idIndex, data, request.originCounty(), request.destinationCounty(),
                request.reason());
        move.status = MoveStatus.ANNOUNCED;
        move.departedOn = request.departedOn();
        move.destinationAddress = request.destinationAddress();
        move.previousMoveId = previous == null ? null : previous.id;
        moves.persist(move);
        steps.record(move, "DEPARTURE_REGISTERED", move.originCounty, access.actor(), null);
        inbox.post(move.destinationCounty, InboxItem.Kind.DEPARTURE_NOTICE, move.originCounty, move.id, null);
        events.move(MigrationEvents.DEPARTURE_REGISTERED, move, event -> event
                .put("departedOn", move.departedOn.toString())
                .put("registeredOn", move.registeredOn.toString()));
        return move;
    }

    /**
     * The destination registers who arrived. A move announced for that ID number to this county settles; any
     * other arrival is UNVERIFIED and asks the origin to confirm the departure.
     */
    public Move arrive(ArrivalRequest request) {
        access.requireActsFor(request.destinationCounty());
        requireOtherCounty(request.originCounty(), request.destinationCounty());
        ResidentIdNumber idNumber = consistentIdNumber(request);
        if (request.arrivedOn().isAfter(calendar.today())) {
            throw ProblemException.badRequest("arrivedOn lies in the future",
                    new FieldError("arrivedOn", "must not be after today"));
        }
        String idIndex = vault.index(idNumber.value());
        moves.lockPerson(idIndex);
        Optional<Move> announced = moves.findAnnouncedTo(idIndex, request.destinationCounty());
        if (announced.isPresent()) {
            return settleAnnounced(announced.get(), request);
        }
        if (moves.livesIn(idIndex, request.destinationCounty())) {
            throw ProblemException.conflict("already-settled", "The person is already settled in this county");
        }
        moves.findOpenFor(idIndex).ifPresent(open -> {
            throw ProblemException.conflict("open-move", "The person already has an open move " + open.id
                    + " (" + open.status + ")");
        });
        PersonData data = new PersonData(idNumber.value(), request.name().strip(), request.sex(),
                request.birthDate());
        UUID personId = persons.findByIdIndex(idIndex).map(p -> p.id).orElse(null);
        Move move = newMove(personId, idIndex, data, request.originCounty(), request.destinationCounty(),
                request.reason() == null ? MoveReason.OTHER : request.reason());
        move.status = MoveStatus.UNVERIFIED;
        recordArrival(move, request);
        moves.persist(move);
        steps.record(move, "ARRIVAL_REGISTERED", move.destinationCounty, access.actor(), "no announced departure");
        Verification verification = verifications.open(move.destinationCounty, move.originCounty, move,
                Verification.Question.CONFIRM_DEPARTURE, false, access.actor());
        events.move(MigrationEvents.ARRIVAL_REGISTERED, move, event -> event
                .put("arrivedOn", move.arrivedOn.toString())
                .put("matched", false)
                .put("verificationId", verification.id.toString()));
        return move;
    }

    public Move reject(UUID id, String reason, Integer expectedVersion) {
        Move move = access.asDestination(moves.findForUpdate(id).orElse(null));
        Versions.check(expectedVersion, move.version);
        change(move, MoveStatus.REJECTED);
        move.rejectionReason = reason;
        steps.record(move, "REJECTED", move.destinationCounty, access.actor(), reason);
        inbox.post(move.originCounty, InboxItem.Kind.MOVE_REJECTED, move.destinationCounty, move.id, null);
        events.move(MigrationEvents.MOVE_REJECTED, move, event -> event.put("rejectionReason", reason));
        return flushed(move);
    }

    public Move revoke(UUID id, String reason, Integer expectedVersion) {
        Move move = access.asOrigin(moves.findForUpdate(id).orElse(null));
        Versions.check(expectedVersion, move.version);
        change(move, MoveStatus.REVOKED);
        steps.record(move, "REVOKED", move.originCounty, access.actor(), reason);
        inbox.post(move.destinationCounty, InboxItem.Kind.MOVE_REVOKED, move.originCounty, move.id, null);
        events.move(MigrationEvents.MOVE_REVOKED, move, event -> { });
        return flushed(move);
    }

    /** The person came back to the origin; the origin records it. */
    public Move returnHome(UUID id, LocalDate returnedOn, Integer expectedVersion) {
        Move move = access.asOrigin(moves.findForUpdate(id).orElse(null));
        Versions.check(expectedVersion, move.version);
        LocalDate today = calendar.today();
        LocalDate on = returnedOn == null ? today : returnedOn;
        if (on.isAfter(today) || move.arrivedOn != null && on.isBefore(move.arrivedOn)) {
            throw ProblemException.badRequest("returnedOn must lie between the arrival and today",
                    new FieldError("returnedOn", "between arrivedOn and today"));
        }
        change(move, MoveStatus.RETURNED);
        move.returnedOn = on;
        steps.record(move, "RETURNED", move.originCounty, access.actor(), null);
        inbox.post(move.destinationCounty, InboxItem.Kind.MOVE_RETURNED, move.originCounty, move.id, null);
        events.move(MigrationEvents.MOVE_RETURNED, move, event -> event.put("returnedOn", on.toString()));
        return flushed(move);
    }

    /** The destination renews a settled person's residence registration by another validity period. */
    public Move renewResidence(UUID id, Integer expectedVersion) {
        Move move = access.asDestination(moves.findForUpdate(id).orElse(null));
        Versions.check(expectedVersion, move.version);
        if (move.status != MoveStatus.SETTLED) {
            throw ProblemException.conflict("not-settled", "Only a settled move has a residence to renew");
        }
        LocalDate today = calendar.today();
        LocalDate base = move.residenceValidUntil == null || move.residenceValidUntil.isBefore(today)
                ? today : move.residenceValidUntil;
        move.residenceValidUntil = base.plus(config.residenceValidity());
        move.residenceExpired = false;
        move.updatedAt = OffsetDateTime.now();
        steps.record(move, "RESIDENCE_RENEWED", move.destinationCounty, access.actor(),
                "valid until " + move.residenceValidUntil);
        events.move(MigrationEvents.RESIDENCE_RENEWED, move,
                event -> event.put("validUntil", move.residenceValidUntil.toString()));
        return flushed(move);
    }

    /**
     * A move with its history; the person's basic data only for those entitled, and every such read audited, as is
     * every attempt by a county that is no party to the move (it is answered 404, as if there were no such move).
     */
    public MoveDetails read(UUID id) {
        Move found = moves.findById(id);
        if (found != null && !access.canRead(found)) {
            audit.refused(found, "READ_MOVE");
        }
        Move move = access.readable(found);
        PersonData person = null;
        // the register's county matters only once the move no longer links the counties: looked up then
        BooleanSupplier registeredInOrigin = () -> move.personId != null && persons.findByIdOptional(move.personId)
                .map(resident -> move.originCounty.equals(resident.county)).orElse(false);
        if (access.seesPersonData(move, registeredInOrigin)) {
            person = vault.open(move.personData);
            audit.personDataRead(move, "READ_MOVE_PERSON");
        }
        return new MoveDetails(move, person, history.of(move.id), verifications.ofMove(move.id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Move readPlain(UUID id) {
        return access.readable(moves.findById(id));
    }

    public Listing<Move> list(String county, MoveRepository.Direction direction, MoveStatus status,
                                   LocalDate from, LocalDate to) {
        access.requireInbox(county);
        return moves.search(county, direction, status, from, to);
    }

    /** The history of each listed move, read in one query for the whole page. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<UUID, List<MoveHistory>> historyOf(List<Move> listed) {
        return history.of(listed.stream().map(move -> move.id).toList());
    }

    /** Announced moves whose arrival did not come within the lapse period; returns how many lapsed. */
    public int lapseOverdue(LocalDate today, int batch) {
        List<UUID> due = moves.lockAnnouncedDepartedBefore(today.minus(config.lapseAfter()), batch);
        for (UUID id : due) {
            Move move = moves.findById(id);
            move.become(MoveStatus.LAPSED);
            steps.record(move, "LAPSED", null, MoveSteps.SYSTEM, "no arrival within " + config.lapseAfter());
            inbox.post(move.originCounty, InboxItem.Kind.MOVE_LAPSED, move.destinationCounty, move.id, null);
            inbox.post(move.destinationCounty, InboxItem.Kind.MOVE_LAPSED, move.originCounty, move.id, null);
            events.move(MigrationEvents.MOVE_LAPSED, move, event -> { });
        }
        return due.size();
    }

    /** Residence registrations that ran out; returns how many expired. */
    public int expireResidences(LocalDate today, int batch) {
        List<UUID> due = moves.lockResidencesExpiredBefore(today, batch);
        for (UUID id : due) {
            Move move = moves.findById(id);
            move.residenceExpired = true;
            move.updatedAt = OffsetDateTime.now();
            steps.record(move, "RESIDENCE_EXPIRED", null, MoveSteps.SYSTEM, "valid until " + move.residenceValidUntil);
            inbox.post(move.destinationCounty, InboxItem.Kind.RESIDENCE_EXPIRED, null, move.id, null);
            events.move(MigrationEvents.RESIDENCE_EXPIRED, move,
                    event -> event.put("validUntil", move.residenceValidUntil.toString()));
        }
        return due.size();
    }

    private Move settleAnnounced(Move move, ArrivalRequest request) {
        PersonData announced = vault.open(move.personData);
        if (!Names.same(announced.name(), request.name())) {
            throw ProblemException.unprocessable("name-mismatch",
                    "The name differs from the one the origin announced for this ID number",
                    new FieldError("name", "does not match the announced departure"));
        }
        recordArrival(move, request);
        steps.record(move, "ARRIVAL_REGISTERED", move.destinationCounty, access.actor(), "matched announced departure");
        inbox.post(move.originCounty, InboxItem.Kind.ARRIVAL_NOTICE, move.destinationCounty, move.id, null);
        events.move(MigrationEvents.ARRIVAL_REGISTERED, move, event -> event
                .put("arrivedOn", move.arrivedOn.toString())
                .put("matched", true)
                .put("status", MoveStatus.SETTLED.name()));
        steps.settle(move, move.destinationCounty, access.actor(), "arrival matched");
        return flushed(move);
    }

    private void recordArrival(Move move, ArrivalRequest request) {
        move.arrivedOn = request.arrivedOn();
        move.destinationAddress = request.address();
        move.residenceValidUntil = request.arrivedOn().plus(config.residenceValidity());
        move.updatedAt = OffsetDateTime.now();
    }

    private Person resolve(DepartureRequest request) {
        if ((request.personId() == null) == (request.idNumber() == null)) {
            throw ProblemException.badRequest("Name the person by personId or by idNumber",
                    new FieldError("personId", "exactly one of personId and idNumber"));
        }
        Optional<Person> person;
        if (request.personId() != null) {
            person = persons.findByIdOptional(request.personId());
        } else {
            person = persons.findByIdIndex(vault.index(parseIdNumber(request.idNumber(), "idNumber").value()));
        }
        return person.orElseThrow(() -> notResident(request.originCounty()));
    }

    private PersonData fetchBasicData(Person person) {
        RegistryPerson found = registry.person(person.id);
        if (found.idNumber() == null || !vault.index(found.idNumber()).equals(person.idIndex)) {
            throw ProblemException.conflict("registry-out-of-step",
                    "The registry's record of the person differs from the events received so far; try again shortly");
        }
        return new PersonData(found.idNumber(), found.name(), found.sex(), found.birthDate());
    }

    /** The ID number must be valid and agree with the birth date and sex the clerk entered. */
    private static ResidentIdNumber consistentIdNumber(ArrivalRequest request) {
        ResidentIdNumber idNumber = parseIdNumber(request.idNumber(), "idNumber");
        List<FieldError> errors = new ArrayList<>();
        if (!idNumber.birthDate().equals(request.birthDate())) {
            errors.add(new FieldError("birthDate", "contradicts the birth date in the ID number"));
        }
        if (!idNumber.sex().name().equals(request.sex())) {
            errors.add(new FieldError("sex", "contradicts the sex digit of the ID number"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The ID number contradicts the birth date or sex given",
                    errors.toArray(FieldError[]::new));
        }
        return idNumber;
    }

    private static ResidentIdNumber parseIdNumber(String value, String field) {
        try {
            return ResidentIdNumber.parseAnyForm(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The ID number is not valid: " + e.getMessage(),
                    new FieldError(field, e.getMessage()));
        }
    }

    private static void requireOtherCounty(String origin, String destination) {
        if (origin.equals(destination)) {
            throw ProblemException.badRequest("Origin and destination are the same county",
                    new FieldError("destinationCounty", "must differ from originCounty"));
        }
        for (String county : List.of(origin, destination)) {
            if (!DivisionCatalog.bundled().isCounty(county)) {
                throw ProblemException.badRequest("Unknown county " + county,
                        new FieldError(county.equals(origin) ? "originCounty" : "destinationCounty",
                                "is not a county-level division code"));
            }
        }
    }

    private static ProblemException notResident(String county) {
        return ProblemException.unprocessable("not-a-resident",
                "The person is not an active resident of county " + county);
    }

    /** Writes the change now, so the answer's version (and ETag) is the one the next If-Match must name. */
    private Move flushed(Move move) {
        moves.flush();
        return move;
    }

    private static void change(Move move, MoveStatus next) {
        if (!move.status.canBecome(next)) {
            throw ProblemException.conflict("invalid-transition",
                    "A move that is " + move.status + " cannot become " + next);
        }
        move.become(next);
    }

    private Move newMove(UUID personId, String idIndex, PersonData data, String origin, String destination,
                         MoveReason reason) {
        Move move = new Move();
        move.id = UUID.randomUUID();
        move.personId = personId;
        move.idIndex = idIndex;
        move.sex = data.sex();
        move.birthYear = data.birthDate().getYear();
        move.personData = vault.seal(data);
        move.originCounty = origin;
        move.destinationCounty = destination;
        move.reason = reason;
        move.registeredOn = calendar.today();
        move.createdAt = OffsetDateTime.now();
        move.updatedAt = move.createdAt;
        return move;
    }
}
