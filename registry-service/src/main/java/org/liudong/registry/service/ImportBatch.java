package org.liudong.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.identity.ResidentIdNumber;
import org.liudong.platform.identity.Sex;
import org.liudong.platform.outbox.OutboxEntry;
import org.liudong.platform.problem.FieldError;
import org.liudong.registry.domain.AuditEvent;
import org.liudong.registry.domain.AuditEvent.Action;
import org.liudong.registry.domain.Household;
import org.liudong.registry.domain.HouseholdStatus;
import org.liudong.registry.domain.ImportJob;
import org.liudong.registry.domain.ImportRowError;
import org.liudong.registry.domain.Person;
import org.liudong.registry.domain.Relation;
import org.liudong.registry.messaging.RegistryEvents;
import org.liudong.registry.repository.BulkInserts;
import org.liudong.registry.repository.HouseholdRepository;
import org.liudong.registry.repository.ImportJobRepository;
import org.liudong.registry.repository.PersonRepository;
import org.liudong.registry.rest.AddressInput;
import org.liudong.registry.rest.PersonInput;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Imports a batch of CSV rows (whole households only) in one transaction, with the job's progress and row
 * errors. Re-importing is safe: a person already in the household the row names is skipped, a household
 * number already taken in the county is joined instead of created.
 * <p>
 * Per batch, not per row: one query for the persons already registered under the rows' blind indexes, one for
 * the households already numbered, one for the retired division codes; persons and households go out in Hibernate's
 * JDBC batches, outbox rows and audit entries in statement batches of their own ({@link BulkInserts}).
 */
@ApplicationScoped
public class ImportBatch {

    private static final Pattern HOUSEHOLD_NUMBER = Pattern.compile("[0-9A-Za-z-]{1,32}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{0,30}");

    /** A row that passed validation. */
    private record Valid(ImportRow row, PersonInput person, ResidentIdNumber number, String index, String township,
                         String address) {
    }

    private final ImportJobRepository jobs;
    private final HouseholdRepository households;
    private final PersonRepository persons;
    private final IdNumbers idNumbers;
    private final Divisions divisions;
    private final RegistryEvents events;
    private final AuditTrail audit;
    private final BulkInserts bulk;

    public ImportBatch(ImportJobRepository jobs, HouseholdRepository households, PersonRepository persons,
                       IdNumbers idNumbers, Divisions divisions, RegistryEvents events, AuditTrail audit,
                       BulkInserts bulk) {
        this.jobs = jobs;
        this.households = households;
        this.persons = persons;
        this.idNumbers = idNumbers;
        this.divisions = divisions;
        this.events = events;
        this.audit = audit;
        this.bulk = bulk;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apply(UUID jobId, AuditTrail.Actor actor, List<ImportRow> rows) {
        ImportJob job = jobs.findById(jobId);
        List<ImportRowError> errors = new ArrayList<>();
        Map<String, List<Valid>> byHousehold = new LinkedHashMap<>();
        Divisions.Checks codes = divisions.snapshot();
        for (ImportRow row : rows) {
            validate(job, codes, row, errors).ifPresent(valid ->
                    byHousehold.computeIfAbsent(row.householdNumber(), n -> new ArrayList<>()).add(valid));
        }
        Map<String, Person> known = byHousehold.isEmpty() ? new HashMap<>() : persons.list("idIndex in ?1",
                        byHousehold.values().stream().flatMap(List::stream).map(Valid::index).toList()).stream()
                .collect(Collectors.toMap(p -> p.idIndex, Function.identity(), (a, b) -> a, HashMap::new));
        Map<String, Household> existing = byHousehold.isEmpty() ? Map.of() : households
                .list("county = ?1 and householdNumber in ?2", job.county, List.copyOf(byHousehold.keySet())).stream()
                .collect(Collectors.toMap(h -> h.householdNumber, Function.identity()));
        Map<String, Integer> lineOfIndex = new HashMap<>();
        List<OutboxEntry> outbox = new ArrayList<>();
        Map<UUID, String> auditDetails = new LinkedHashMap<>();
        List<Household> newHouseholds = new ArrayList<>();
        List<Person> newPersons = new ArrayList<>();
        int imported = 0;
        int skipped = 0;
        for (Map.Entry<String, List<Valid>> group : byHousehold.entrySet()) {
            Household household = existing.get(group.getKey());
            List<Valid> joining = new ArrayList<>();
            for (Valid valid : group.getValue()) {
                Person person = known.get(valid.index());
                if (person != null) {
                    if (household != null && household.id.equals(person.householdId)) {
                        skipped++;
                    } else {
                        errors.add(error(job, valid.row(), "id_number", "is already registered in another household"));
                    }
                } else if (lineOfIndex.putIfAbsent(valid.index(), valid.row().line()) != null) {
                    errors.add(error(job, valid.row(), "id_number",
                            "repeats the ID number of line " + lineOfIndex.get(valid.index())));
                } else {
                    joining.add(valid);
                }
            }
            imported += join(job, group.getKey(), household, joining, known, errors, outbox, auditDetails,
                    newHouseholds, newPersons);
        }
        // all households, then all persons: one insert statement after the other fills whole JDBC batches
        households.persist(newHouseholds.stream());
        persons.persist(newPersons.stream());
        persons.flush();
        bulk.outbox(outbox);
        bulk.audit(audit.successEntries(actor, Action.IMPORT, PersonService.PERSON, job.county, auditDetails));
        jobs.addErrors(errors);
        job.rowsDone += rows.size();
        job.rowsImported += imported;
        job.rowsSkipped += skipped;
        job.rowsFailed += (int) errors.stream().map(e -> e.rowNumber).distinct().count();
        job.updatedAt = OffsetDateTime.now();
    }

    /** Records rows that could not be stored at all (the batch failed as a whole). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(UUID jobId, List<ImportRow> rows, String reason) {
        ImportJob job = jobs.findById(jobId);
        jobs.addErrors(rows.stream().map(row -> error(job, row, null, reason)).toList());
        job.rowsDone += rows.size();
        job.rowsFailed += rows.size();
        job.updatedAt = OffsetDateTime.now();
    }

    /** @return how many persons were registered */
    private int join(ImportJob job, String number, Household household, List<Valid> joining, Map<String, Person> known,
                     List<ImportRowError> errors, List<OutboxEntry> outbox, Map<UUID, String> auditDetails,
                     List<Household> newHouseholds, List<Person> newPersons) {
        if (joining.isEmpty()) {
            return 0;
        }
        List<Valid> heads = joining.stream().filter(v -> v.person().relation() == Relation.HEAD).toList();
        boolean created = household == null;
        OffsetDateTime now = OffsetDateTime.now();
        if (created) {
            if (heads.size() != 1) {
                joining.forEach(v -> errors.add(error(job, v.row(), "relation", "household " + number
                        + " needs exactly one valid HEAD row, has " + heads.size())));
                return 0;
            }
            Valid head = heads.get(0);
            household = new Household();
            household.id = UUID.randomUUID();
            household.householdNumber = number;
            household.county = job.county;
            household.township = head.township();
            household.addressDetail = head.address().isEmpty() ? null : head.address();
            household.status = HouseholdStatus.ACTIVE;
            household.createdAt = now;
        } else if (household.status != HouseholdStatus.ACTIVE) {
            joining.forEach(v -> errors.add(error(job, v.row(), "household_number", "names a dissolved household")));
            return 0;
        }
        household.updatedAt = now;
        List<Person> added = new ArrayList<>();
        for (Valid valid : joining) {
            if (!created && valid.person().relation() == Relation.HEAD) {
                errors.add(error(job, valid.row(), "relation", "household " + number + " already has a head"));
                continue;
            }
            Person person = Persons.create(valid.person(), household, now);
            idNumbers.store(person, valid.number(), valid.index());
            known.put(person.idIndex, person);
            added.add(person);
            auditDetails.put(person.id, "import job " + job.id + ", line " + valid.row().line());
            if (person.relation == Relation.HEAD) {
                household.headPersonId = person.id;
            }
        }
        if (created) {
            // persisted complete (head included), so the flush inserts it without a follow-up update
            newHouseholds.add(household);
            events.householdRegistered(household, added.size(), outbox);
        }
        newPersons.addAll(added);
        for (Person person : added) {
            events.person(RegistryEvents.PERSON_REGISTERED, person, outbox);
            if (!created) {
                events.person(RegistryEvents.MEMBER_ADDED, person, outbox);
            }
        }
        return added.size();
    }

    private Optional<Valid> validate(ImportJob job, Divisions.Checks codes, ImportRow row, List<ImportRowError> errors) {
        if (row.fields().size() != ImportRow.COLUMNS.size()) {
            errors.add(error(job, row, null, "has " + row.fields().size() + " columns, expected " + ImportRow.COLUMNS.size()));
            return Optional.empty();
        }
        int before = errors.size();
        if (!HOUSEHOLD_NUMBER.matcher(row.householdNumber()).matches()) {
            errors.add(error(job, row, "household_number", "must be 1 to 32 letters, digits or -"));
        }
        String county = row.get("county");
        if (!job.county.equals(county)) {
            errors.add(error(job, row, "county", "is not the county of this import (" + job.county + ")"));
        } else {
            codes.countyProblem("county", county).ifPresent(e -> errors.add(error(job, row, e)));
            codes.townshipProblem("township", row.get("township"), county).ifPresent(e -> errors.add(error(job, row, e)));
        }
        if (row.get("address").length() > 300) {
            errors.add(error(job, row, "address", "is longer than 300 characters"));
        }
        String name = row.get("name");
        if (name.isEmpty() || name.length() > 100) {
            errors.add(error(job, row, "name", "must have 1 to 100 characters"));
        }
        Sex sex = parse(() -> Sex.valueOf(row.get("sex")), job, row, "sex", "must be M or F", errors);
        LocalDate birthDate = parse(() -> LocalDate.parse(row.get("birth_date")), job, row, "birth_date",
                "must be a date like 1990-03-07", errors);
        if (birthDate != null && birthDate.isAfter(LocalDate.now())) {
            errors.add(error(job, row, "birth_date", "is in the future"));
        }
        Relation relation = parse(() -> Relation.valueOf(row.get("relation")), job, row, "relation",
                "must be one of HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER", errors);
        String phone = row.get("phone");
        if (!PHONE.matcher(phone).matches()) {
            errors.add(error(job, row, "phone", "may hold up to 30 digits, spaces, + and -"));
        }
        List<FieldError> idErrors = new ArrayList<>();
        Optional<ResidentIdNumber> number = idNumbers.check("id_number", row.get("id_number"), birthDate, sex, idErrors, true);
        idErrors.forEach(e -> errors.add(error(job, row, e)));
        if (errors.size() > before || number.isEmpty()) {
            return Optional.empty();
        }
        PersonInput person = new PersonInput(number.get().value(), name, sex, birthDate, phone.isEmpty() ? null : phone,
                relation);
        return Optional.of(new Valid(row, person, number.get(), idNumbers.index(number.get()), row.get("township"),
                row.get("address")));
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, ImportJob job, ImportRow row, String field,
                               String reason, List<ImportRowError> errors) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(error(job, row, field, reason));
            return null;
        }
    }

    private static ImportRowError error(ImportJob job, ImportRow row, FieldError error) {
        return error(job, row, error.field(), error.reason());
    }

    private static ImportRowError error(ImportJob job, ImportRow row, String field, String reason) {
        return ImportRowError.of(job.id, row.line(), field, reason);
    }
}
