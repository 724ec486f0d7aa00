package org.liudong.registry.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.identity.ResidentIdNumber;
import org.liudong.platform.persistence.Listing;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;
import org.liudong.platform.versions.Versions;
import org.liudong.registry.domain.AuditEvent.Action;
import org.liudong.registry.domain.Household;
import org.liudong.registry.domain.HouseholdStatus;
import org.liudong.registry.domain.Person;
import org.liudong.registry.domain.PersonStatus;
import org.liudong.registry.domain.Relation;
import org.liudong.registry.messaging.RegistryEvents;
import org.liudong.registry.repository.HouseholdRepository;
import org.liudong.registry.repository.PersonRepository;
import org.liudong.registry.rest.CancellationRequest;
import org.liudong.registry.rest.CorrectionRequest;
import org.liudong.registry.rest.DeathRequest;
import org.liudong.registry.rest.Page;
import org.liudong.registry.rest.PersonInput;
import org.liudong.registry.rest.PersonSummary;
import org.liudong.registry.rest.PersonView;
import org.liudong.registry.security.RegisterAccess;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

@ApplicationScoped
@Transactional
public class PersonService {

    static final String PERSON = "PERSON";

    private final PersonRepository persons;
    private final HouseholdRepository households;
    private final IdNumbers idNumbers;
    private final RegistryEvents events;
    private final RegisterAccess access;
    private final AuditTrail audit;
    private final Views views;

    public PersonService(PersonRepository persons, HouseholdRepository households, IdNumbers idNumbers,
                         RegistryEvents events, RegisterAccess access, AuditTrail audit, Views views) {
        this.persons = persons;
        this.households = households;
        this.idNumbers = idNumbers;
        this.events = events;
        this.access = access;
        this.audit = audit;
        this.views = views;
    }

    public Optional<PersonView> find(UUID id) {
        return persons.findByIdOptional(id).map(person -> {
            audit.requireRead(Action.READ, PERSON, person.id, person.registryCounty, null);
            audit.success(Action.READ, PERSON, person.id, person.registryCounty, null);
            return views.person(person);
        });
    }

    /**
     * A new person joins an existing household: person-registered (the register has one more person) and
     * member-added (the household has one more member). For a newborn, register a birth instead.
     */
    public PersonView register(UUID householdId, PersonInput input) {
        Household household = activeHousehold(householdId);
        audit.requireWrite(Action.CREATE, HouseholdService.HOUSEHOLD, household.id, household.county, "add a person");
        Person person = newMember(household, input, "");
        events.person(RegistryEvents.PERSON_REGISTERED, person);
        events.person(RegistryEvents.MEMBER_ADDED, person);
        audit.success(Action.CREATE, PERSON, person.id, person.registryCounty, null);
        return views.person(person);
    }

    /** A birth: the child joins the household and both person-registered and birth-registered are published. */
    public PersonView registerBirth(UUID householdId, PersonInput child) {
        Household household = activeHousehold(householdId);
        audit.requireWrite(Action.BIRTH, HouseholdService.HOUSEHOLD, household.id, household.county,
                "register a birth");
        Person person = newMember(household, child, "");
        events.person(RegistryEvents.PERSON_REGISTERED, person);
        events.person(RegistryEvents.BIRTH_REGISTERED, person, data -> data.put("birthDate", person.birthDate.toString()));
        audit.success(Action.BIRTH, PERSON, person.id, person.registryCounty, null);
        return views.person(person);
    }

    public PersonView registerDeath(UUID id, DeathRequest request, String ifMatch) {
        Person person = endable(id, ifMatch, Action.DEATH, request.diedOn(), "diedOn");
        person.status = PersonStatus.DECEASED;
        person.diedOn = request.diedOn();
        return ended(person, RegistryEvents.DEATH_REGISTERED, data -> data.put("diedOn", person.diedOn.toString()),
                Action.DEATH, null);
    }

    /**
     * Cancels (注销) a registration other than by death: the person is no longer a resident of the county and, like a
     * deceased one, cannot depart or be changed; person-cancelled tells the other services.
     */
    public PersonView cancel(UUID id, CancellationRequest request, String ifMatch) {
        Person person = endable(id, ifMatch, Action.CANCEL, request.cancelledOn(), "cancelledOn");
        person.status = PersonStatus.CANCELLED;
        person.cancelledOn = request.cancelledOn();
        person.cancellationReason = request.reason();
        return ended(person, RegistryEvents.PERSON_CANCELLED, data -> data
                .put("cancelledOn", person.cancelledOn.toString())
                .put("reason", person.cancellationReason.name()), Action.CANCEL, person.cancellationReason.name());
    }

    /** An active registration the caller may end on {@code endsOn} (a death or a cancellation). */
    private Person endable(UUID id, String ifMatch, Action action, LocalDate endsOn, String dateField) {
        Person person = writable(id, action);
        Versions.check(ifMatch, person.version, "person");
        if (person.status != PersonStatus.ACTIVE) {
            throw ProblemException.conflict("not-active", "Only an active registration can end; this one is "
                    + person.status);
        }
        if (endsOn.isBefore(person.birthDate)) {
            throw ProblemException.badRequest("The date is before the birth date",
                    new FieldError(dateField, "is before the birth date"));
        }
        return person;
    }

    private PersonView ended(Person person, String event, Consumer<ObjectNode> details, Action action, String detail) {
        person.updatedAt = OffsetDateTime.now();
        persons.flush();
        events.person(event, person, details);
        audit.success(action, PERSON, person.id, person.registryCounty, detail);
        return views.person(person);
    }

    public PersonView correct(UUID id, CorrectionRequest request, String ifMatch) {
        Person person = writable(id, Action.UPDATE);
        Versions.require(ifMatch, person.version, "person");
        List<String> fields = new ArrayList<>();
        if (request.name() != null && !request.name().strip().equals(person.name)) {
            person.name = request.name().strip();
            fields.add("name");
        }
        if (request.phone() != null) {
            String phone = request.phone().isBlank() ? null : request.phone().strip();
            if (!java.util.Objects.equals(phone, person.phone)) {
                person.phone = phone;
                fields.add("phone");
            }
        }
        if (fields.isEmpty()) {
            return views.person(person);
        }
        person.updatedAt = OffsetDateTime.now();
        persons.flush();
        events.person(RegistryEvents.PERSON_CORRECTED, person, data -> data.putPOJO("fields", fields));
        audit.success(Action.UPDATE, PERSON, person.id, person.registryCounty, "corrected " + String.join(", ", fields));
        return views.person(person);
    }

    /** Exact lookup through the blind index; a person outside the caller's reach is simply not found. */
    public Page<PersonSummary> searchByIdNumber(String idNumber) {
        String index = idNumbers.indexOfSearch(idNumber).orElseThrow(() -> ProblemException.badRequest(
                "idNumber is not a resident ID number", new FieldError("idNumber", "is not a valid resident ID number")));
        Optional<Person> found = persons.readByIdIndex(index);
        if (found.isPresent() && !access.mayRead(found.get().registryCounty)) {
            audit.denied(Action.SEARCH, PERSON, found.get().id, found.get().registryCounty, "search by ID number");
            found = Optional.empty();
        }
        found.ifPresent(p -> audit.success(Action.SEARCH, PERSON, p.id, p.registryCounty, "search by ID number"));
        List<PersonSummary> items = found.map(p -> List.of(views.summary(p))).orElse(List.of());
        return new Page<>(items, 0, 1, items.size());
    }

    public Page<PersonSummary> searchByCounty(String county, String namePrefix, int page, int size) {
        access.requireRead(county);
        String detail = namePrefix == null ? "list of county " + county : "search by name";
        Listing<Person> query = namePrefix == null || namePrefix.isBlank()
                ? persons.byCounty(county)
                : persons.byCountyAndNamePrefix(county, namePrefix.strip());
        return page(query, page, size, detail);
    }

    public Page<PersonSummary> searchByHouseholdNumber(String county, String householdNumber, int page, int size) {
        access.requireRead(county);
        Optional<Household> household = households.findByNumber(county, householdNumber);
        if (household.isEmpty()) {
            return new Page<>(List.of(), page, size, 0);
        }
        return page(persons.inHousehold(household.get().id), page, size, "search by household number");
    }

    private Page<PersonSummary> page(Listing<Person> query, int page, int size, String detail) {
        List<Person> found = query.page(page, size);
        found.forEach(p -> audit.success(Action.SEARCH, PERSON, p.id, p.registryCounty, detail));
        return new Page<>(found.stream().map(views::summary).toList(), page, size, query.count());
    }

    Household activeHousehold(UUID householdId) {
        Household household = households.findByIdOptional(householdId)
                .orElseThrow(() -> ProblemException.notFound("Household " + householdId));
        if (household.status != HouseholdStatus.ACTIVE) {
            audit.requireWrite(Action.UPDATE, HouseholdService.HOUSEHOLD, household.id, household.county,
                    "change a dissolved household");
            throw ProblemException.conflict("household-dissolved", "Household " + householdId + " is dissolved");
        }
        return household;
    }

    /** Validates and stores a new member of {@code household}; {@code fieldPrefix} locates errors in the body. */
    Person newMember(Household household, PersonInput input, String fieldPrefix) {
        List<FieldError> errors = new ArrayList<>();
        if (input.relation() == Relation.HEAD) {
            errors.add(new FieldError(fieldPrefix + "relation",
                    "a household has one head; add the person with another relation and then change the head"));
        }
        Optional<ResidentIdNumber> number = idNumbers.check(fieldPrefix + "idNumber", input.idNumber(), input.birthDate(),
                input.sex(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The person cannot be registered", errors.toArray(FieldError[]::new));
        }
        if (persons.findByIdIndex(idNumbers.index(number.get())).isPresent()) {
            throw Uniqueness.duplicateIdNumber(fieldPrefix + "idNumber");
        }
        Person person = Persons.create(input, household, OffsetDateTime.now());
        idNumbers.store(person, number.get());
        persons.persist(person);
        household.updatedAt = OffsetDateTime.now();
        Uniqueness.flush(persons::flush, fieldPrefix + "idNumber", household.county);
        return person;
    }

    private Person writable(UUID id, Action action) {
        Person person = persons.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Person " + id));
        audit.requireWrite(action, PERSON, person.id, person.registryCounty, null);
        return person;
    }
}
