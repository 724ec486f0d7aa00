package org.liudong.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.assessment.domain.Indicator;
import org.liudong.assessment.domain.Period;
import org.liudong.assessment.domain.Scorecard;
import org.liudong.assessment.repository.MoveRepository;
import org.liudong.assessment.repository.PersonRepository;
import org.liudong.assessment.repository.VerificationRepository;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Scorecards of counties against their targets, and the ranking of a jurisdiction's counties. */
@ApplicationScoped
public class ScorecardService {

    public record Ranked(int rank, Scorecard scorecard) {
    }

    public record Ranking(String jurisdiction, String period, List<Ranked> counties) {
    }

    private final IndicatorService indicators;
    private final TargetService targets;
    private final PersonRepository persons;
    private final MoveRepository moves;
    private final VerificationRepository verifications;

    public ScorecardService(IndicatorService indicators, TargetService targets, PersonRepository persons,
                            MoveRepository moves, VerificationRepository verifications) {
        this.indicators = indicators;
        this.targets = targets;
        this.persons = persons;
        this.moves = moves;
        this.verifications = verifications;
    }

    @Transactional
    public Scorecard scorecard(String county, Period period) {
        return judge(indicators.scored(county, period));
    }

    public Scorecard judge(CountyIndicators figures) {
        Map<Indicator, Double> values = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            values.put(indicator, figures.value(indicator.key()));
        }
        return Scorecard.judge(figures.county(), figures.period(), values, targets.effectiveFor(figures.county()));
    }

    /** Every county of the jurisdiction with any data, best score first; counties without a score last. */
    @Transactional
    public Ranking rank(String jurisdiction, Period period) {
        TreeSet<String> counties = new TreeSet<>(persons.countiesUnder(jurisdiction));
        counties.addAll(moves.countiesUnder(jurisdiction));
        counties.addAll(verifications.countiesUnder(jurisdiction));
        List<Scorecard> cards = new ArrayList<>();
        for (String county : counties) {
            cards.add(scorecard(county, period));
        }
        cards.sort(Comparator.comparing(Scorecard::score, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(Scorecard::county));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            Scorecard card = cards.get(i);
            boolean tied = i > 0 && java.util.Objects.equals(card.score(), cards.get(i - 1).score());
            ranked.add(new Ranked(tied ? ranked.get(i - 1).rank() : i + 1, card));
        }
        return new Ranking(jurisdiction, period.toString(), ranked);
    }
}
