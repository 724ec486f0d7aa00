package org.liudong.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.domain.Indicator;
import org.liudong.assessment.domain.IndicatorArithmetic;
import org.liudong.assessment.domain.IndicatorArithmetic.AnnouncedMove;
import org.liudong.assessment.domain.IndicatorArithmetic.Departure;
import org.liudong.assessment.domain.IndicatorArithmetic.Request;
import org.liudong.assessment.domain.Period;
import org.liudong.assessment.domain.Ratio;
import org.liudong.assessment.repository.HouseholdRepository;
import org.liudong.assessment.repository.MoveRepository;
import org.liudong.assessment.repository.MoveRepository.MoveCounts;
import org.liudong.assessment.repository.MoveRepository.Tally;
import org.liudong.assessment.repository.PersonRepository;
import org.liudong.assessment.repository.PersonRepository.Cohort;
import org.liudong.assessment.repository.VerificationRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    /**
     * The queries of the county months being computed, at most three at a time: enough to keep both cores of a
     * small machine busy, few enough to leave the pool's connections to the consumers and to other requests.
     */
    private final ExecutorService queries = Executors.newFixedThreadPool(3, runnable -> {
        Thread thread = new Thread(runnable, "indicator-query");
        thread.setDaemon(true);
        return thread;
    });

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

    @PreDestroy
    void stop() {
        queries.shutdown();
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
                () -> compute(county, period, everything));
    }

    private CountyIndicators compute(String county, Period period, boolean everything) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = period.start();
        LocalDate end = period.end();
        Instant endInstant = period.endInstant(config.zone());
        int year = period.year();

        // every query on its way before the first answer is awaited; the longest first
        Future<List<Cohort>> cohorts = query(() -> persons.registeredCohorts(county, endInstant, year));
        Future<Long> twoActiveMoves = query(() -> moves.countPersonsWithTwoActiveMoves(county, end));
        Future<MoveCounts> moveCounts = query(() -> moves.counts(county, start, end));
        Future<List<Departure>> departuresByDay = query(() -> moves.departuresWithin(county, start, end));
        Future<List<AnnouncedMove>> announcedByDay = query(() -> moves.announcedWithin(county, start, end));
        Future<List<Request>> addressed = query(() -> verifications.addressedTo(county, start, end).stream()
                .map(v -> new Request(v.requestedOn, v.dueOn, v.answeredOn)).toList());
        Future<List<Tally>> departures = everything ? query(() -> moves.departureTallies(county, start, end)) : null;
        Future<List<Tally>> arrivals = everything ? query(() -> moves.arrivalTallies(county, start, end)) : null;
        Future<List<Tally>> started = everything ? query(() -> moves.startedTallies(county, start, end)) : null;
        Future<Long> registeredHouseholds = everything
                ? query(() -> households.countRegistered(county, endInstant)) : null;

        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, CountyIndicators.RatioView> ratios = new LinkedHashMap<>();
        Map<String, Map<String, Long>> breakdowns = new LinkedHashMap<>();
        List<String> noData = new ArrayList<>();

        List<Cohort> registeredCohorts = answer(cohorts);
        long registered = registeredCohorts.stream().mapToLong(Cohort::all).sum();
        long good = registeredCohorts.stream().mapToLong(Cohort::good).sum();
        long registeredElsewhere = registeredCohorts.stream().mapToLong(Cohort::registeredElsewhere).sum();
        MoveCounts counts = answer(moveCounts);
        if (everything) {
            figures.put("registeredPersons", registered);
            figures.put("registeredHouseholds", answer(registeredHouseholds));
            figures.put("outflow", counts.outflow());
            figures.put("inflow", counts.inflow());
            figures.put("activeMigrantsOut", counts.activeOut());
            figures.put("activeMigrantsIn", counts.activeIn());
        }

        Ratio timeliness = IndicatorArithmetic.notificationTimeliness(answer(departuresByDay), period,
                config.notificationDays());
        Ratio matchRate = IndicatorArithmetic.arrivalMatchRate(answer(announcedByDay), period,
                config.arrivalMatchDays(), today);
        List<Request> requests = answer(addressed);
        Ratio replyTimeliness = IndicatorArithmetic.verificationReplyTimeliness(requests, period, today);
        Ratio quality = IndicatorArithmetic.recordQuality(good, registered);

        share(Indicator.NOTIFICATION_TIMELINESS, timeliness, figures, ratios, noData);
        share(Indicator.ARRIVAL_MATCH_RATE, matchRate, figures, ratios, noData);
        share(Indicator.VERIFICATION_REPLY_TIMELINESS, replyTimeliness, figures, ratios, noData);
        if (everything) {
            figures.put("openVerifications", IndicatorArithmetic.openRequests(requests, period, today));
        }
        figures.put(Indicator.OVERDUE_VERIFICATIONS.key(), IndicatorArithmetic.overdueRequests(requests, period, today));
        figures.put(Indicator.LAPSED_MOVES.key(), counts.lapsed());
        figures.put(Indicator.DISPUTED_MOVES.key(), counts.disputed());
        share(Indicator.RECORD_QUALITY, quality, figures, ratios, noData);
        figures.put(Indicator.SUSPECTED_DUPLICATES.key(), registeredElsewhere + answer(twoActiveMoves));
        if (!everything) {
            return new CountyIndicators(county, period.toString(), figures, noData, ratios, breakdowns);
        }

        breakdowns.put("registeredBySex", sum(registeredCohorts, Cohort::all, c -> String.valueOf(c.sex())));
        breakdowns.put("registeredByAgeBand",
                sum(registeredCohorts, Cohort::all, c -> IndicatorArithmetic.ageBand(c.birthYear(), year)));
        tally("outflow", answer(departures), year, breakdowns);
        tally("inflow", answer(arrivals), year, breakdowns);
        List<Tally> begun = answer(started);
        breakdowns.put("movesByStatus", sum(begun, Tally::count, t -> String.valueOf(t.status())));
        breakdowns.put("movesByReason", sum(begun, Tally::count, t -> String.valueOf(t.reason())));

        return new CountyIndicators(county, period.toString(), figures, noData, ratios, breakdowns);
    }

    /** {@code <flow>ByReason}, {@code <flow>BySex} and {@code <flow>ByAgeBand} of the tallied moves. */
    private static void tally(String flow, List<Tally> moves, int year, Map<String, Map<String, Long>> breakdowns) {
        breakdowns.put(flow + "ByReason", sum(moves, Tally::count, t -> String.valueOf(t.reason())));
        breakdowns.put(flow + "BySex", sum(moves, Tally::count, t -> String.valueOf(t.sex())));
        breakdowns.put(flow + "ByAgeBand", sum(moves, Tally::count, t -> IndicatorArithmetic.ageBand(t.birthYear(), year)));
    }

    /**
     * Runs a query in a transaction of its own on {@link #queries}. Each query of a county month reads the same tens
     * of thousands of rows, and run one after the other they kept one core busy while the other waited.
     */
    private <T> Future<T> query(Callable<T> query) {
        return queries.submit(() -> QuarkusTransaction.requiringNew().call(query));
    }

    private static <T> T answer(Future<T> query) {
        return Futures.await(query, "an indicator query");
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
