package org.liudong.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.identity.ResidentIdNumber;
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
import org.liudong.registry.rest.AddressInput;
import org.liudong.registry.rest.HeadChangeRequest;
import org.liudong.registry.rest.HouseholdRequest;
import org.liudong.registry.rest.HouseholdView;
import org.liudong.registry.rest.MemberRequest;
import org.liudong.registry.rest.PersonInput;
import org.liudong.registry.rest.SplitRequest;
import org.liudong.registry.security.RegisterAccess;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Households and their membership: register, read, add or move a member, change the head, split, dissolve. */
@ApplicationScoped
@Transactional
public class HouseholdService {

    static final String HOUSEHOLD = "HOUSEHOLD";

    private final HouseholdRepository households;
    private final PersonRepository persons;
    private final IdNumbers idNumbers;
    private final Divisions divisions;
    private final RegistryEvents events;
    private final RegisterAccess access;
    private final AuditTrail audit;
    private final Views views;

    public HouseholdService(HouseholdRepository households, PersonRepository persons, IdNumbers idNumbers,
                            Divisions divisions, RegistryEvents events, RegisterAccess access, AuditTrail audit,
                            Views views) {
        this.households = households;
        this.persons = persons;
        this.idNumbers = idNumbers;
        this.divisions = divisions;
        this.events = events;
        this.access = access;
        this.audit = audit;
        this.views = views;
    }

    public HouseholdView register(HouseholdRequest request) {
        access.requireWrite(request.county());
        List<FieldError> errors = new ArrayList<>();
        divisions.countyProblem("county", request.county()).ifPresent(errors::add);
        divisions.townshipProblem("address.township", request.address().township(), request.county()).ifPresent(errors::add);
        long heads = request.members().stream().filter(m -> m.relation() == Relation.HEAD).count();
        if (heads != 1) {
            errors.add(new FieldError("members", "must have exactly one member with relation HEAD, has " + heads));
        }
        List<ResidentIdNumber> numbers = new ArrayList<>();
        Map<String, String> fieldByIndex = new HashMap<>();
        for (int i = 0; i < request.members().size(); i++) {
            PersonInput member = request.members().get(i);
            String field = "members[" + i + "].idNumber";
            Optional<ResidentIdNumber> number = idNumbers.check(field, member.idNumber(), member.birthDate(), member.sex(), errors);
            if (number.isPresent()) {
                String index = idNumbers.index(number.get());
                if (fieldByIndex.putIfAbsent(index, field) != null) {
                    errors.add(new FieldError(field, "repeats the ID number of " + fieldByIndex.get(index)));
                }
            }
            numbers.add(number.orElse(null));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.badRequest("The household cannot be registered", errors.toArray(FieldError[]::new));
        }
        Set<String> taken = persons.householdsByIdIndex(fieldByIndex.keySet()).keySet();
        if (!taken.isEmpty()) {
            throw Uniqueness.duplicateIdNumber(fieldByIndex.get(taken.iterator().next()));
        }
        Household household = newHousehold(request.county(), request.householdNumber(), request.address());
        List<Person> members = new ArrayList<>();
        for (int i = 0; i < request.members().size(); i++) {
            Person person = Persons.create(request.members().get(i), household, household.createdAt);
            idNumbers.store(person, numbers.get(i));
            persons.persist(person);
            members.add(person);
            if (person.relation == Relation.HEAD) {
                household.headPersonId = person.id;
            }
        }
        Uniqueness.flush(persons::flush, "members", household.county);

        events.householdRegistered(household, members.size());
        for (Person person : members) {
            events.person(RegistryEvents.PERSON_REGISTERED, person);
            audit.success(Action.CREATE, PersonService.PERSON, person.id, person.registryCounty, "household registered");
        }
        return views.household(household, members);
    }

    public Optional<HouseholdView> find(UUID id) {
        return households.findByIdOptional(id).map(household -> {
            audit.requireRead(Action.READ, HOUSEHOLD, household.id, household.county, null);
            List<Person> members = persons.members(household.id);
            members.forEach(p -> audit.success(Action.READ, PersonService.PERSON, p.id, p.registryCounty, "household read"));
            return views.household(household, members);
        });
    }

    /** Adds a registered person of the same county; a member of another household moves from there. */
    public HouseholdView addMember(UUID householdId, MemberRequest request, String ifMatch) {
        Household household = writableHousehold(householdId, ifMatch, "add a member");
        Person person = persons.findByIdOptional(request.personId())
                .orElseThrow(() -> ProblemException.notFound("Person " + request.personId()));
        if (!person.registryCounty.equals(household.county)) {
            throw ProblemException.conflict("other-county", "The person is registered in another county; moves between "
                    + "counties are registered as departures and arrivals");
        }
        if (person.status != PersonStatus.ACTIVE) {
            throw ProblemException.conflict("not-active", "Only active persons can join a household; this one is " + person.status);
        }
        if (household.id.equals(person.householdId)) {
            throw ProblemException.conflict("already-member", "The person is already a member of this household");
        }
        if (request.relation() == Relation.HEAD) {
            throw ProblemException.badRequest("A household has one head",
                    new FieldError("relation", "add the person with another relation, then change the head"));
        }
        UUID from = person.householdId;
        leave(person);
        join(person, household, request.relation());
        announceJoin(person, from);
        return views.household(household, persons.members(household.id));
    }

    public HouseholdView changeHead(UUID householdId, HeadChangeRequest request, String ifMatch) {
        Household household = writableHousehold(householdId, ifMatch, "change the head");
        Person newHead = activeMember(household, request.personId(), "personId");
        if (newHead.id.equals(household.headPersonId)) {
            throw ProblemException.conflict("already-head", "The person already heads this household");
        }
        Relation formerRelation = request.formerHeadRelation() == null ? Relation.OTHER : request.formerHeadRelation();
        if (formerRelation == Relation.HEAD) {
            throw ProblemException.badRequest("The former head needs another relation",
                    new FieldError("formerHeadRelation", "must not be HEAD"));
        }
        OffsetDateTime now = OffsetDateTime.now();
        UUID previousHead = household.headPersonId;
        Optional<Person> formerHead = previousHead == null ? Optional.empty() : persons.findByIdOptional(previousHead)
                .filter(p -> household.id.equals(p.householdId));
        formerHead.ifPresent(former -> {
            former.relation = formerRelation;
            former.updatedAt = now;
        });
        newHead.relation = Relation.HEAD;
        newHead.updatedAt = now;
        household.headPersonId = newHead.id;
        household.updatedAt = now;
        persons.flush();
        events.person(RegistryEvents.HEAD_CHANGED, newHead, data -> {
            if (previousHead != null) {
                data.put("previousHeadPersonId", previousHead.toString());
            }
        });
        formerHead.ifPresent(former -> events.person(RegistryEvents.HEAD_CHANGED, former));
        audit.success(Action.UPDATE, PersonService.PERSON, newHead.id, household.county, "became head of household");
        formerHead.ifPresent(former -> audit.success(Action.UPDATE, PersonService.PERSON, former.id, household.county,
                "relation to head now " + formerRelation));
        return views.household(household, persons.members(household.id));
    }

    /** 分户: the listed members leave for a new household of the same county; the old head stays. */
    public HouseholdView split(UUID householdId, SplitRequest request, String ifMatch) {
        Household household = writableHousehold(householdId, ifMatch, "split");
        long heads = request.members().stream().filter(m -> m.relation() == Relation.HEAD).count();
        if (heads != 1) {
            throw ProblemException.badRequest("The new household needs exactly one head",
                    new FieldError("members", "must have exactly one member with relation HEAD, has " + heads));
        }
        Set<UUID> seen = new HashSet<>();
        List<Person> leaving = new ArrayList<>();
        for (int i = 0; i < request.members().size(); i++) {
            SplitRequest.Member member = request.members().get(i);
            Person person = activeMember(household, member.personId(), "members[" + i + "].personId");
            if (!seen.add(person.id)) {
                throw ProblemException.badRequest("A member is listed twice",
                        new FieldError("members[" + i + "].personId", "is listed twice"));
            }
            if (person.id.equals(household.headPersonId)) {
                throw ProblemException.conflict("head-cannot-leave", "The head stays with the household; change the head "
                        + "first to split the head off");
            }
            leaving.add(person);
        }
        AddressInput address = request.address() != null ? request.address()
                : new AddressInput(household.township, household.addressDetail);
        divisions.townshipProblem("address.township", address.township(), household.county).ifPresent(error -> {
            throw ProblemException.badRequest("The address of the new household is not valid", error);
        });
        Household created = newHousehold(household.county, request.householdNumber(), address);
        for (int i = 0; i < leaving.size(); i++) {
            Person person = leaving.get(i);
            join(person, created, request.members().get(i).relation());
            if (person.relation == Relation.HEAD) {
                created.headPersonId = person.id;
            }
        }
        household.updatedAt = created.createdAt;
        Uniqueness.flush(households::flush, "members", household.county);
        events.householdRegistered(created, leaving.size());
        leaving.forEach(person -> announceJoin(person, household.id));
        return views.household(created, leaving);
    }

    /** A household with no active members left is closed; its deceased members stay linked to it. */
    public HouseholdView dissolve(UUID householdId, String ifMatch) {
        Household household = writableHousehold(householdId, ifMatch, "dissolve");
        List<Person> members = persons.members(household.id);
        long active = members.stream().filter(p -> p.status == PersonStatus.ACTIVE).count();
        if (active > 0) {
            throw ProblemException.conflict("household-not-empty", "The household still has " + active
                    + " active member(s); move them to other households first");
        }
        household.status = HouseholdStatus.DISSOLVED;
        household.headPersonId = null;
        household.updatedAt = OffsetDateTime.now();
        households.flush();
        events.householdDissolved(household);
        return views.household(household, members);
    }

    /** Corrects the address; each active member's record changes with it. */
    public HouseholdView correctAddress(UUID householdId, AddressInput address, String ifMatch) {
        Household household = households.findByIdOptional(householdId)
                .orElseThrow(() -> ProblemException.notFound("Household " + householdId));
        audit.requireWrite(Action.UPDATE, HOUSEHOLD, household.id, household.county, "correct the address");
        Versions.require(ifMatch, household.version, "household");
        divisions.townshipProblem("address.township", address.township(), household.county).ifPresent(error -> {
            throw ProblemException.badRequest("The address is not valid", error);
        });
        household.township = address.township();
        household.addressDetail = address.detail();
        household.updatedAt = OffsetDateTime.now();
        households.flush();
        List<Person> members = persons.members(household.id);
        members.stream().filter(p -> p.status == PersonStatus.ACTIVE).forEach(person -> {
            events.person(RegistryEvents.PERSON_CORRECTED, person, data -> data.putArray("fields").add("address"));
            audit.success(Action.UPDATE, PersonService.PERSON, person.id, person.registryCounty, "corrected address");
        });
        return views.household(household, members);
    }

    private Household newHousehold(String county, String number, AddressInput address) {
        if (number != null && households.numberTaken(county, number)) {
            throw Uniqueness.duplicateHouseholdNumber(county);
        }
        OffsetDateTime now = OffsetDateTime.now();
        Household household = new Household();
        household.id = UUID.randomUUID();
        household.householdNumber = number != null ? number : households.nextNumber(county);
        household.county = county;
        household.township = address.township();
        household.addressDetail = address.detail();
        household.status = HouseholdStatus.ACTIVE;
        household.createdAt = now;
        household.updatedAt = now;
        households.persist(household);
        return household;
    }

    /** @param change what the caller is about to do, for the audit entry of a refusal */
    private Household writableHousehold(UUID householdId, String ifMatch, String change) {
        Household household = households.findByIdOptional(householdId)
                .orElseThrow(() -> ProblemException.notFound("Household " + householdId));
        audit.requireWrite(Action.UPDATE, HOUSEHOLD, household.id, household.county, change);
        Versions.check(ifMatch, household.version, "household");
        if (household.status != HouseholdStatus.ACTIVE) {
            throw ProblemException.conflict("household-dissolved", "Household " + householdId + " is dissolved");
        }
        return household;
    }

    private Person activeMember(Household household, UUID personId, String field) {
        return persons.findByIdOptional(personId)
                .filter(p -> household.id.equals(p.householdId) && p.status == PersonStatus.ACTIVE)
                .orElseThrow(() -> ProblemException.badRequest("Not an active member of this household",
                        new FieldError(field, "is not an active member of this household")));
    }

    /** The head may leave only a household that has no other active member. */
    private void leave(Person person) {
        if (person.householdId == null) {
            return;
        }
        households.findByIdOptional(person.householdId).ifPresent(old -> {
            if (person.id.equals(old.headPersonId)) {
                boolean othersRemain = persons.members(old.id).stream()
                        .anyMatch(p -> !p.id.equals(person.id) && p.status == PersonStatus.ACTIVE);
                if (othersRemain) {
                    throw ProblemException.conflict("head-cannot-leave", "The person heads household " + old.householdNumber
                            + ", which has other members; change its head first");
                }
                old.headPersonId = null;
            }
            old.updatedAt = OffsetDateTime.now();
        });
    }

    private void join(Person person, Household household, Relation relation) {
        OffsetDateTime now = OffsetDateTime.now();
        person.householdId = household.id;
        person.relation = relation;
        person.updatedAt = now;
        household.updatedAt = now;
    }

    private void announceJoin(Person person, UUID from) {
        persons.flush();
        if (from == null) {
            events.person(RegistryEvents.MEMBER_ADDED, person);
        } else {
            events.person(RegistryEvents.MEMBER_MOVED, person, data -> data.put("fromHouseholdId", from.toString()));
        }
        audit.success(Action.MOVE, PersonService.PERSON, person.id, person.registryCounty,
                from == null ? "added to household " + person.householdId
                        : "moved from household " + from + " to " + person.householdId);
    }


}
