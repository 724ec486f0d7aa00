package org.liudong.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.domain.Indicator;
import org.liudong.assessment.domain.IndicatorArithmetic;
import org.liudong.assessment.domain.IndicatorArithmetic.Request;
import org.liudong.assessment.domain.Period;
import org.liudong.assessment.domain.Ratio;
import org.liudong.assessment.repository.HouseholdRepository;
import org.liudong.assessment.repository.MoveRepository;
import org.liudong.assessment.repository.MoveRepository.Tally;
import org.liudong.assessment.repository.PersonRepository;
import org.liudong.assessment.repository.VerificationRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/** Computes a county's indicators for a month from the projection. */
@ApplicationScoped
public class IndicatorService {

    private final PersonRepository persons;
    private final HouseholdRepository households;
    private final MoveRepository moves;
    private final VerificationRepository verifications;
    private final AssessmentConfig config;
    private final Clock clock;
    private final CoalescedComputations<Question, CountyIndicators> computations = new CoalescedComputations<>();

    private record Question(String county, Period period, boolean everything) {
    }

    public IndicatorService(PersonRepository persons, HouseholdRepository households, MoveRepository moves,
                            VerificationRepository verifications, AssessmentConfig config) {
        this.persons = persons;
        this.households = households;
        this.moves = moves;
        this.verifications = verifications;
        this.config = config;
        this.clock = Clock.system(config.zone());
    }

    public Period currentPeriod() {
        return Period.current(clock);
    }

    public Period rollingPeriod() {
        return Period.rolling(clock);
    }

    /** Every figure of a county month: the scored indicators, the other counts and the breakdowns. */
    public CountyIndicators compute(String county, Period period) {
        return shared(county, period, true);
    }

    /**
     * Only the figures a scorecard judges, with their ratios: about half the queries of {@link #compute}, which
     * matters to the watcher re-scoring every changed county month while the consumers run.
     */
    public CountyIndicators scored(String county, Period period) {
        return shared(county, period, false);
    }

    /**
     * Computing a county month reads all of its rows, so concurrent requests for the same figures share one
     * computation that began after they asked (see {@link CoalescedComputations}).
     */
    private CountyIndicators shared(String county, Period period, boolean everything) {
        return computations.get(new Question(county, period, everything),
                () -> QuarkusTransaction.joiningExisting().call(() -> compute(county, period, everything)));
    }

    private CountyIndicators compute(String county, Period period, boolean everything) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = period.start();
        LocalDate end = period.end();
        Instant endInstant = period.endInstant(config.zone());
        int year = period.year();

        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, CountyIndicators.RatioView> ratios = new LinkedHashMap<>();
        Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
        List<String> noData = new ArrayList<>();

        List<PersonRepository.Cohort> cohorts = persons.registeredCohorts(county, endInstant, year);
        long registered = cohorts.stream().mapToLong(PersonRepository.Cohort::all).sum();
        long good = cohorts.stream().mapToLong(PersonRepository.Cohort::good).sum();
        long registeredElsewhere = cohorts.stream().mapToLong(PersonRepository.Cohort::registeredElsewhere).sum();
        MoveRepository.MoveCounts moveCounts = moves.counts(county, start, end);
        if (everything) {
            figures.put("registeredPersons", registered);
            figures.put("registeredHouseholds", households.countRegistered(county, endInstant));
            figures.put("outflow", moveCounts.outflow());
            figures.put("inflow", moveCounts.inflow());
            figures.put("activeMigrantsOut", moveCounts.activeOut());
            figures.put("activeMigrantsIn", moveCounts.activeIn());
        }

        Ratio timeliness = IndicatorArithmetic.notificationTimeliness(moves.departuresWithin(county, start, end),
                period, config.notificationDays());
        Ratio matchRate = IndicatorArithmetic.arrivalMatchRate(moves.announcedWithin(county, start, end),
                period, config.arrivalMatchDays(), today);
        List<Request> requests = verifications.addressedTo(county, start, end).stream()
                .map(v -> new Request(v.requestedOn, v.dueOn, v.answeredOn)).toList();
        Ratio replyTimeliness = IndicatorArithmetic.verificationReplyTimeliness(requests, period, today);
        Ratio quality = IndicatorArithmetic.recordQuality(good, registered);

        share(Indicator.NOTIFICATION_TIMELINESS, timeliness, figures, ratios, noData);
        share(Indicator.ARRIVAL_MATCH_RATE, matchRate, figures, ratios, noData);
        share(Indicator.VERIFICATION_REPLY_TIMELINESS, replyTimeliness, figures, ratios, noData);
        if (everything) {
            figures.put("openVerifications", IndicatorArithmetic.openRequests(requests, period, today));
        }
        figures.put(Indicator.OVERDUE_VERIFICATIONS.key(), IndicatorArithmetic.overdueRequests(requests, period, today));
        figures.put(Indicator.LAPSED_MOVES.key(), moveCounts.lapsed());
        figures.put(Indicator.DISPUTED_MOVES.key(), moveCounts.disputed());
        share(Indicator.RECORD_QUALITY, quality, figures, ratios, noData);
        figures.put(Indicator.SUSPECTED_DUPLICATES.key(), registeredElsewhere
                + moves.countPersonsWithTwoActiveMoves(county, end));
        if (!everything) {
            return new CountyIndicators(county, period.toString(), figures, noData, ratios, breakdowns);
        }

        breakdowns.put("registeredBySex", sum(cohorts, PersonRepository.Cohort::all, c -> String.valueOf(c.sex())));
        breakdowns.put("registeredByAgeBand",
                sum(cohorts, PersonRepository.Cohort::all, c -> IndicatorArithmetic.ageBand(c.birthYear(), year)));
        List<Tally> departures = moves.departureTallies(county, start, end);
        breakdowns.put("outflowByReason", sum(departures, Tally::count, t -> String.valueOf(t.reason())));
        breakdowns.put("outflowBySex", sum(departures, Tally::count, t -> String.valueOf(t.sex())));
        breakdowns.put("outflowByAgeBand",
                sum(departures, Tally::count, t -> IndicatorArithmetic.ageBand(t.birthYear(), year)));
        List<Tally> arrivals = moves.arrivalTallies(county, start, end);
        breakdowns.put("inflowByReason", sum(arrivals, Tally::count, t -> String.valueOf(t.reason())));
        breakdowns.put("inflowBySex", sum(arrivals, Tally::count, t -> String.valueOf(t.sex())));
        breakdowns.put("inflowByAgeBand",
                sum(arrivals, Tally::count, t -> IndicatorArithmetic.ageBand(t.birthYear(), year)));
        List<Tally> started = moves.startedTallies(county, start, end);
        breakdowns.put("movesByStatus", sum(started, Tally::count, t -> String.valueOf(t.status())));
        breakdowns.put("movesByReason", sum(started, Tally::count, t -> String.valueOf(t.reason())));

        return new CountyIndicators(county, period.toString(), figures, noData, ratios, breakdowns);
    }

    private static void share(Indicator indicator, Ratio ratio, Map<String, Object> figures,
                              Map<String, CountyIndicators.RatioView> ratios, List<String> noData) {
        figures.put(indicator.key(), ratio.value());
        ratios.put(indicator.key(), CountyIndicators.RatioView.of(ratio));
        if (ratio.noData()) {
            noData.add(indicator.key());
        }
    }

    /** How many of the rows fall under each key, the rows each counting {@code weight}. */
    private static <T> Map<String, Long> sum(List<T> rows, ToLongFunction<T> weight, Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.summingLong(weight)));
    }
}
