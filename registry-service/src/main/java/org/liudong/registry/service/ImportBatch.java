package org.liudong.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.identity.ResidentIdNumber;
import org.liudong.platform.identity.Sex;
import org.liudong.platform.problem.FieldError;
import org.liudong.registry.domain.AuditEvent;
import org.liudong.registry.domain.AuditEvent.Action;
import org.liudong.registry.domain.Household;
import org.liudong.registry.domain.HouseholdStatus;
import org.liudong.registry.domain.Person;
import org.liudong.registry.domain.Relation;
import org.liudong.registry.messaging.ImportEvents;
import org.liudong.registry.messaging.RegistryEvents;
import org.liudong.registry.repository.ImportStore;
import org.liudong.registry.repository.ImportStore.HouseholdRef;
import org.liudong.registry.repository.PersonRepository;
import org.liudong.registry.rest.PersonInput;
import org.liudong.platform.time.RegisterCalendar;

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
import java.util.regex.Pattern;

/**
 * One batch of CSV rows (whole households only), in two steps. {@link #prepare} checks the rows and computes
 * what needs no database (blind indexes, encrypted ID numbers), so the import can prepare the next batch while
 * {@link #apply} stores this one in one transaction: one query for the persons already registered under the
 * batch's blind indexes, one for its household numbers, then {@code COPY} of households, persons, outbox rows
 * and audit entries, the row errors and the job's progress ({@link ImportStore}). Re-importing is safe: a person
 * already in the household the row names is skipped, a household number already taken in the county is joined
 * instead of created.
 */
@ApplicationScoped
public class ImportBatch {

    private static final Pattern HOUSEHOLD_NUMBER = Pattern.compile("[0-9A-Za-z-]{1,32}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{0,30}");

    /** The job a batch belongs to: its county and who submitted it. */
    public record Job(UUID id, String county, AuditTrail.Actor actor) {
    }

    /** Why one row was not imported; {@code line} is the file's line number (the header is line 1). */
    record RowError(int line, String householdNumber, String field, String reason) {
    }

    /** A row that passed the checks, with its ID number's blind index and ciphertext. */
    record Valid(ImportRow row, PersonInput person, String index, byte[] encrypted, String township, String address) {
    }

    /** A batch checked and ready to store: its rows, their errors, and the valid rows by household number. */
    record Prepared(List<ImportRow> rows, List<RowError> errors, Map<String, List<Valid>> byHousehold) {

        /** The part of the batch that is this household's rows. */
        Prepared household(String number, List<ImportRow> rows) {
            List<Valid> valid = byHousehold.get(number);
            return new Prepared(rows, errors.stream().filter(e -> e.householdNumber().equals(number)).toList(),
                    valid == null ? Map.of() : Map.of(number, valid));
        }
    }

    private final ImportStore store;
    private final PersonRepository persons;
    private final IdNumbers idNumbers;
    private final Divisions divisions;
    private final RegistryEvents events;
    private final AuditTrail audit;
    private final RegisterCalendar calendar;

    public ImportBatch(ImportStore store, PersonRepository persons, IdNumbers idNumbers, Divisions divisions,
                       RegistryEvents events, AuditTrail audit, RegisterCalendar calendar) {
        this.store = store;
        this.persons = persons;
        this.idNumbers = idNumbers;
        this.divisions = divisions;
        this.events = events;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Checks the rows and encrypts the valid ones' ID numbers; reads only the retired division codes. */
    public Prepared prepare(Job job, List<ImportRow> rows) {
        Divisions.Checks codes = divisions.snapshot();
        List<RowError> errors = new ArrayList<>();
        Map<String, List<Valid>> byHousehold = new LinkedHashMap<>();
        for (ImportRow row : rows) {
            validate(job, codes, row, errors).ifPresent(valid ->
                    byHousehold.computeIfAbsent(row.householdNumber(), n -> new ArrayList<>()).add(valid));
        }
        return new Prepared(rows, errors, byHousehold);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apply(Job job, Prepared batch) {
        OffsetDateTime now = OffsetDateTime.now();
        List<RowError> errors = new ArrayList<>(batch.errors());
        Map<String, UUID> known = persons.householdsByIdIndex(batch.byHousehold().values().stream().flatMap(List::stream)
                .map(Valid::index).toList());
        Map<String, HouseholdRef> existing = store.lockHouseholds(job.county(), batch.byHousehold().keySet());
        Writer writer = new Writer(job, now);
        Map<String, Integer> lineOfIndex = new HashMap<>();
        int skipped = 0;
        for (Map.Entry<String, List<Valid>> group : batch.byHousehold().entrySet()) {
            HouseholdRef household = existing.get(group.getKey());
            List<Valid> joining = new ArrayList<>();
            for (Valid valid : group.getValue()) {
                if (known.containsKey(valid.index())) {
                    if (household != null && household.id().equals(known.get(valid.index()))) {
                        skipped++;
                    } else {
                        errors.add(error(valid.row(), "id_number", "is already registered in another household"));
                    }
                } else if (lineOfIndex.putIfAbsent(valid.index(), valid.row().line()) != null) {
                    errors.add(error(valid.row(), "id_number",
                            "repeats the ID number of line " + lineOfIndex.get(valid.index())));
                } else {
                    joining.add(valid);
                }
            }
            writer.join(group.getKey(), household, joining, errors);
        }
        errors.forEach(e -> writer.rows.error(job.id(), e.line(), e.field(), e.reason()));
        store.write(writer.rows, job.id(), batch.rows().size(), writer.imported, skipped,
                (int) errors.stream().mapToInt(RowError::line).distinct().count(), now);
    }

    /** Records rows that could not be stored at all (the batch failed as a whole). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void fail(Job job, List<ImportRow> rows, String reason) {
        Writer writer = new Writer(job, OffsetDateTime.now());
        rows.forEach(row -> writer.rows.error(job.id(), row.line(), null, reason));
        store.write(writer.rows, job.id(), rows.size(), 0, 0, rows.size(), writer.now);
    }

    /** What one batch writes: households and persons, their events in publication order, audit entries. */
    private final class Writer {

        private final Job job;
        private final OffsetDateTime now;
        private final ImportEvents batchEvents;
        private final AuditEvent auditTemplate;
        private final ImportStore.Rows rows = new ImportStore.Rows();
        private int imported;

        Writer(Job job, OffsetDateTime now) {
            this.job = job;
            this.now = now;
            this.batchEvents = events.forImport(job.county(), now);
            this.auditTemplate = audit.template(job.actor(), Action.IMPORT, PersonService.PERSON, job.county());
        }

        void join(String number, HouseholdRef existing, List<Valid> joining, List<RowError> errors) {
            if (joining.isEmpty()) {
                return;
            }
            Household household;
            boolean created = existing == null;
            if (created) {
                List<Valid> heads = joining.stream().filter(v -> v.person().relation() == Relation.HEAD).toList();
                if (heads.size() != 1) {
                    joining.forEach(v -> errors.add(error(v.row(), "relation", "household " + number
                            + " needs exactly one valid HEAD row, has " + heads.size())));
                    return;
                }
                Valid head = heads.get(0);
                household = new Household();
                household.id = UUID.randomUUID();
                household.householdNumber = number;
                household.county = job.county();
                household.township = head.township();
                household.addressDetail = head.address().isEmpty() ? null : head.address();
                household.status = HouseholdStatus.ACTIVE;
                household.createdAt = now;
                household.updatedAt = now;
            } else if (!existing.active()) {
                joining.forEach(v -> errors.add(error(v.row(), "household_number", "names a dissolved household")));
                return;
            } else {
                household = new Household();
                household.id = existing.id();
                household.county = job.county();
            }
            List<Person> added = new ArrayList<>();
            for (Valid valid : joining) {
                if (!created && valid.person().relation() == Relation.HEAD) {
                    errors.add(error(valid.row(), "relation", "household " + number + " already has a head"));
                    continue;
                }
                Person person = Persons.create(valid.person(), household, now);
                person.idNumberEncrypted = valid.encrypted();
                person.idIndex = valid.index();
                added.add(person);
                rows.audit(auditTemplate, person.id, "import job " + job.id() + ", line " + valid.row().line());
                if (person.relation == Relation.HEAD) {
                    household.headPersonId = person.id;
                }
            }
            if (added.isEmpty()) {
                return;
            }
            if (created) {
                rows.household(household);
                UUID eventId = UUID.randomUUID();
                rows.event(eventId, household.id.toString(), batchEvents.householdRegistered(eventId, household.id,
                        number, household.township, added.size()), now);
            } else {
                rows.joined(household.id);
            }
            for (Person person : added) {
                rows.person(person);
                event(RegistryEvents.PERSON_REGISTERED, person);
                if (!created) {
                    event(RegistryEvents.MEMBER_ADDED, person);
                }
            }
            imported += added.size();
        }

        private void event(String event, Person person) {
            UUID eventId = UUID.randomUUID();
            rows.event(eventId, person.id.toString(), batchEvents.person(event, eventId, person.id, person.householdId,
                    person.sex, person.birthDate.getYear(), person.idIndex, person.relation), now);
        }
    }

    private Optional<Valid> validate(Job job, Divisions.Checks codes, ImportRow row, List<RowError> errors) {
        if (row.fields().size() != ImportRow.COLUMNS.size()) {
            errors.add(error(row, null, "has " + row.fields().size() + " columns, expected " + ImportRow.COLUMNS.size()));
            return Optional.empty();
        }
        int before = errors.size();
        if (!HOUSEHOLD_NUMBER.matcher(row.householdNumber()).matches()) {
            errors.add(error(row, "household_number", "must be 1 to 32 letters, digits or -"));
        }
        String county = row.get("county");
        if (!job.county().equals(county)) {
            errors.add(error(row, "county", "is not the county of this import (" + job.county() + ")"));
        } else {
            codes.countyProblem("county", county).ifPresent(e -> errors.add(error(row, e)));
            codes.townshipProblem("township", row.get("township"), county).ifPresent(e -> errors.add(error(row, e)));
        }
        if (row.get("address").length() > 300) {
            errors.add(error(row, "address", "is longer than 300 characters"));
        }
        String name = row.get("name");
        if (name.isEmpty() || name.length() > 100) {
            errors.add(error(row, "name", "must have 1 to 100 characters"));
        }
        Sex sex = parse(() -> Sex.valueOf(row.get("sex")), row, "sex", "must be M or F", errors);
        LocalDate birthDate = parse(() -> LocalDate.parse(row.get("birth_date")), row, "birth_date",
                "must be a date like 1990-03-07", errors);
        if (birthDate != null && birthDate.isAfter(calendar.today())) {
            errors.add(error(row, "birth_date", "is in the future"));
        }
        Relation relation = parse(() -> Relation.valueOf(row.get("relation")), row, "relation",
                "must be one of HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, SIBLING, OTHER", errors);
        String phone = row.get("phone");
        if (!PHONE.matcher(phone).matches()) {
            errors.add(error(row, "phone", "may hold up to 30 digits, spaces, + and -"));
        }
        List<FieldError> idErrors = new ArrayList<>();
        Optional<ResidentIdNumber> number = idNumbers.check("id_number", row.get("id_number"), birthDate, sex, idErrors, true);
        idErrors.forEach(e -> errors.add(error(row, e)));
        if (errors.size() > before || number.isEmpty()) {
            return Optional.empty();
        }
        PersonInput person = new PersonInput(number.get().value(), name, sex, birthDate, phone.isEmpty() ? null : phone,
                relation);
        return Optional.of(new Valid(row, person, idNumbers.index(number.get()), idNumbers.encrypt(number.get()),
                row.get("township"), row.get("address")));
    }

    private static <T> T parse(java.util.function.Supplier<T> parser, ImportRow row, String field, String reason,
                               List<RowError> errors) {
        try {
            return parser.get();
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(error(row, field, reason));
            return null;
        }
    }

    private static RowError error(ImportRow row, FieldError error) {
        return error(row, error.field(), error.reason());
    }

    private static RowError error(ImportRow row, String field, String reason) {
        return new RowError(row.line(), row.householdNumber(), field, reason);
    }
}
