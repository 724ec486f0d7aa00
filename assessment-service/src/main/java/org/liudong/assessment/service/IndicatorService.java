package org.liudong.assessment.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
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
import org.liudong.assessment.repository.MoveFacts;
import org.liudong.assessment.repository.MoveRepository;
import org.liudong.assessment.repository.PersonRepository;
import org.liudong.assessment.repository.VerificationRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
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

        PersonRepository.RecordCounts records = persons.countRecords(county, endInstant, year);
        List<MoveFacts> touching = moves.touchingWithin(county, start, end);
        List<MoveFacts> departures = touching.stream().filter(m -> m.departedFrom(county, start, end)).toList();
        List<MoveFacts> arrivals = List.of();
        if (everything) {
            figures.put("registeredPersons", records.all());
            figures.put("registeredHouseholds", households.countRegistered(county, endInstant));
            arrivals = touching.stream().filter(m -> m.arrivedIn(county, start, end)).toList();
            figures.put("outflow", (long) departures.size());
            figures.put("inflow", (long) arrivals.size());
            figures.put("activeMigrantsOut", moves.countActiveOut(county, end));
            figures.put("activeMigrantsIn", moves.countActiveIn(county, end));
        }

        Ratio timeliness = IndicatorArithmetic.notificationTimeliness(
                departures.stream().map(m -> new Departure(m.departedOn(), m.departureRegisteredOn())).toList(),
                period, config.notificationDays());
        Ratio matchRate = IndicatorArithmetic.arrivalMatchRate(
                touching.stream().filter(m -> m.announcedWithin(start, end))
                        .map(m -> new AnnouncedMove(m.departedOn(), m.settledOn())).toList(),
                period, config.arrivalMatchDays(), today);
        List<Request> requests = verifications.addressedTo(county, start, end).stream()
                .map(v -> new Request(v.requestedOn, v.dueOn, v.answeredOn)).toList();
        Ratio replyTimeliness = IndicatorArithmetic.verificationReplyTimeliness(requests, period, today);
        Ratio quality = IndicatorArithmetic.recordQuality(records.good(), records.all());

        share(Indicator.NOTIFICATION_TIMELINESS, timeliness, figures, ratios, noData);
        share(Indicator.ARRIVAL_MATCH_RATE, matchRate, figures, ratios, noData);
        share(Indicator.VERIFICATION_REPLY_TIMELINESS, replyTimeliness, figures, ratios, noData);
        if (everything) {
            figures.put("openVerifications", IndicatorArithmetic.openRequests(requests, period, today));
        }
        figures.put(Indicator.OVERDUE_VERIFICATIONS.key(), IndicatorArithmetic.overdueRequests(requests, period, today));
        figures.put(Indicator.LAPSED_MOVES.key(), moves.countLapsed(county, start, end));
        figures.put(Indicator.DISPUTED_MOVES.key(), moves.countDisputed(county, start, end));
        share(Indicator.RECORD_QUALITY, quality, figures, ratios, noData);
        figures.put(Indicator.SUSPECTED_DUPLICATES.key(), records.registeredElsewhere()
                + moves.countPersonsWithTwoActiveMoves(county, end));
        if (!everything) {
            return new CountyIndicators(county, period.toString(), figures, noData, ratios, breakdowns);
        }

        List<Object[]> sexAndYear = persons.sexAndBirthYear(county, endInstant);
        breakdowns.put("registeredBySex", sum(sexAndYear, row -> String.valueOf(row[0])));
        breakdowns.put("registeredByAgeBand",
                sum(sexAndYear, row -> IndicatorArithmetic.ageBand((Integer) row[1], year)));
        breakdowns.put("outflowByReason", count(departures, MoveFacts::reason));
        breakdowns.put("outflowBySex", count(departures, MoveFacts::sex));
        breakdowns.put("outflowByAgeBand", count(departures, m -> IndicatorArithmetic.ageBand(m.birthYear(), year)));
        breakdowns.put("inflowByReason", count(arrivals, MoveFacts::reason));
        breakdowns.put("inflowBySex", count(arrivals, MoveFacts::sex));
        breakdowns.put("inflowByAgeBand", count(arrivals, m -> IndicatorArithmetic.ageBand(m.birthYear(), year)));
        List<MoveFacts> started = touching.stream().filter(m -> m.startedWithin(start, end)).toList();
        breakdowns.put("movesByStatus", count(started, MoveFacts::status));
        breakdowns.put("movesByReason", count(started, MoveFacts::reason));

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

    private static Map<String, Long> count(Collection<MoveFacts> rows, Function<MoveFacts, String> key) {
        return rows.stream().collect(Collectors.groupingBy(m -> String.valueOf(key.apply(m)), TreeMap::new,
                Collectors.counting()));
    }

    private static Map<String, Long> sum(List<Object[]> rows, Function<Object[], String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.summingLong(row -> (Long) row[2])));
    }
}
