package org.liudong.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.platform.divisions.Division;
import org.liudong.platform.divisions.DivisionCatalog;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;
import org.liudong.registry.domain.DivisionValidity;
import org.liudong.registry.repository.DivisionValidityRepository;
import org.liudong.registry.rest.DivisionView;
import org.liudong.registry.rest.RetirementRequest;
import org.liudong.platform.time.RegisterCalendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Division reference data: the bundled GB/T 2260 catalogue of codes in force, and the register's own record of
 * codes that were retired (valid until a date, with a successor). New registrations need a code in force on the
 * day; a retired code is refused with the reason and its successor.
 */
@ApplicationScoped
@Transactional
public class Divisions {

    private final DivisionCatalog catalog = DivisionCatalog.bundled();
    private final DivisionValidityRepository validity;
    private final RegisterCalendar calendar;

    public Divisions(DivisionValidityRepository validity, RegisterCalendar calendar) {
        this.validity = validity;
        this.calendar = calendar;
    }

    public Optional<FieldError> countyProblem(String field, String county) {
        return countyProblem(field, county, validity::findByIdOptional);
    }

    public Optional<FieldError> townshipProblem(String field, String township, String county) {
        return townshipProblem(field, township, county, validity::findByIdOptional);
    }

    /**
     * The same checks against the retirements as they are now, read once: a bulk import checks two codes per row
     * and would otherwise ask the database twice per row for codes that are almost never retired.
     */
    public Checks snapshot() {
        Map<String, DivisionValidity> retired = validity.listAll().stream()
                .collect(Collectors.toMap(r -> r.code, Function.identity()));
        return new Checks(retired);
    }

    public final class Checks {

        private final Map<String, DivisionValidity> retired;

        private Checks(Map<String, DivisionValidity> retired) {
            this.retired = retired;
        }

        public Optional<FieldError> countyProblem(String field, String county) {
            return Divisions.this.countyProblem(field, county, code -> Optional.ofNullable(retired.get(code)));
        }

        public Optional<FieldError> townshipProblem(String field, String township, String county) {
            return Divisions.this.townshipProblem(field, township, county, code -> Optional.ofNullable(retired.get(code)));
        }
    }

    private Optional<FieldError> countyProblem(String field, String county,
                                               Function<String, Optional<DivisionValidity>> retirements) {
        Optional<FieldError> retired = retiredProblem(field, county, retirements);
        if (retired.isPresent()) {
            return retired;
        }
        if (!catalog.isCounty(county)) {
            return Optional.of(new FieldError(field, "is not a county-level division code"));
        }
        return Optional.empty();
    }

    private Optional<FieldError> townshipProblem(String field, String township, String county,
                                                 Function<String, Optional<DivisionValidity>> retirements) {
        Optional<FieldError> retired = retiredProblem(field, township, retirements);
        if (retired.isPresent()) {
            return retired;
        }
        if (catalog.find(township).isEmpty()) {
            return Optional.of(new FieldError(field, "is not a known township code"));
        }
        if (!catalog.isTownshipOf(township, county)) {
            return Optional.of(new FieldError(field, "is not a township of county " + county));
        }
        return Optional.empty();
    }

    public Optional<DivisionView> describe(String code) {
        Optional<DivisionValidity> retired = validity.findByIdOptional(code);
        Optional<Division> current = catalog.find(code);
        if (retired.isEmpty() && current.isEmpty()) {
            return Optional.empty();
        }
        DivisionValidity r = retired.orElse(null);
        return Optional.of(new DivisionView(code,
                current.map(Division::name).orElseGet(() -> r.name),
                current.map(d -> d.level().name()).orElse(levelOf(code)),
                current.map(Division::parentCode).orElse(null),
                r == null ? null : r.validFrom,
                r == null ? null : r.validTo,
                r == null ? null : r.successorCode,
                r == null ? null : r.reason,
                r == null || r.validTo.isAfter(calendar.today())));
    }

    /** Records that a code stops being valid after {@code validTo}; the successor must be a code in force. */
    public DivisionView retire(String code, RetirementRequest request) {
        Optional<Division> current = catalog.find(code);
        Optional<DivisionValidity> known = validity.findByIdOptional(code);
        if (current.isEmpty() && known.isEmpty()) {
            throw ProblemException.notFound("Division " + code);
        }
        if (request.successorCode() != null && catalog.find(request.successorCode()).isEmpty()) {
            throw ProblemException.badRequest("The successor is not a division code in force",
                    new FieldError("successorCode", "is not a division code in force"));
        }
        DivisionValidity entry = known.orElseGet(DivisionValidity::new);
        entry.code = code;
        entry.name = current.map(Division::name).orElse(entry.name);
        entry.validTo = request.validTo();
        entry.successorCode = request.successorCode();
        entry.reason = request.reason();
        if (known.isEmpty()) {
            validity.persist(entry);
        }
        return describe(code).orElseThrow();
    }

    private Optional<FieldError> retiredProblem(String field, String code,
                                                Function<String, Optional<DivisionValidity>> retirements) {
        return retirements.apply(code)
                .filter(r -> !r.validTo.isAfter(calendar.today()))
                .map(r -> new FieldError(field, "was retired on " + r.validTo + " (" + r.reason + ")"
                        + (r.successorCode == null ? "" : "; use " + r.successorCode + " instead")));
    }

    private static String levelOf(String code) {
        return switch (code.length()) {
            case 2 -> "PROVINCE";
            case 4 -> "PREFECTURE";
            case 6 -> "COUNTY";
            default -> "TOWNSHIP";
        };
    }
}
