package org.liudong.assessment.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.domain.DirtyCounty;
import org.liudong.assessment.domain.IndicatorValue;
import org.liudong.assessment.domain.Period;
import org.liudong.assessment.domain.Scorecard;
import org.liudong.assessment.domain.StreamEvent;
import org.liudong.assessment.messaging.AssessmentEvents;
import org.liudong.assessment.repository.DirtyCountyRepository;
import org.liudong.assessment.repository.IndicatorValueRepository;
import org.liudong.assessment.repository.StreamEventRepository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Re-examines the county months the consumers marked as changed: recomputes their scorecard, puts each changed
 * indicator on the live feed, and publishes {@code scorecard-computed} and, when an indicator falls short of
 * its target, {@code indicator-breached}. Only the aggregate leaves this class, never a person.
 */
@ApplicationScoped
public class IndicatorWatcher {

    private static final Logger LOG = Logger.getLogger(IndicatorWatcher.class);
    private static final int BATCH = 10;

    private final DirtyCountyRepository dirty;
    private final ScorecardService scorecards;
    private final IndicatorValueRepository values;
    private final StreamEventRepository stream;
    private final AssessmentEvents events;
    private final ObjectMapper json;
    private final long budgetNanos;

    public IndicatorWatcher(DirtyCountyRepository dirty, ScorecardService scorecards, IndicatorValueRepository values,
                            StreamEventRepository stream, AssessmentEvents events, ObjectMapper json,
                            AssessmentConfig config) {
        this.dirty = dirty;
        this.scorecards = scorecards;
        this.values = values;
        this.stream = stream;
        this.events = events;
        this.json = json;
        this.budgetNanos = (long) (config.watchInterval().toNanos() * config.watchShare());
    }

    @Scheduled(every = "${liudong.assessment.watch-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        // Work at most a share of each interval: under a steady stream every county month is marked again each
        // second, and re-scoring them all without pause took the CPU the consumers' batches waited for. What is
        // left waits for the next run, and is examined once however often it was marked meanwhile.
        long deadline = System.nanoTime() + budgetNanos;
        try {
            while (examineNext() >= BATCH && System.nanoTime() < deadline) {
                // more may be waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("Indicator watcher paused, will retry: %s", e.getMessage());
        }
    }

    /** @return how many entries were taken off the list (a county month marked twice counts twice) */
    @Transactional
    public int examineNext() {
        List<DirtyCounty.Key> taken = dirty.take(BATCH);
        List<StreamEvent> feed = new ArrayList<>();
        for (DirtyCounty.Key key : new LinkedHashSet<>(taken)) {
            Period.parse(key.period()).ifPresent(period -> examine(key.county(), period, feed));
            // every query flushes the persistence context first: keep it to one county month's rows
            values.getEntityManager().flush();
            values.getEntityManager().clear();
        }
        stream.append(feed);
        return taken.size();
    }

    /** Re-scores a county month, adding an entry to {@code feed} for each indicator that changed. */
    private void examine(String county, Period period, List<StreamEvent> feed) {
        Scorecard card = scorecards.scorecard(county, period);
        Instant now = Instant.now();
        boolean changed = false;
        for (Scorecard.Line line : card.indicators()) {
            IndicatorValue.Key key = new IndicatorValue.Key(county, period.toString(), line.indicator());
            IndicatorValue last = values.findByIdOptional(key).orElse(null);
            if (last != null && Objects.equals(last.value, line.value()) && Objects.equals(last.passed, line.passed())) {
                continue;
            }
            changed = true;
            feed.add(entry(county, period, line, last == null ? null : last.value, now));
            if (Boolean.FALSE.equals(line.passed()) && (last == null || !Boolean.FALSE.equals(last.passed))) {
                events.indicatorBreached(county, period.toString(), line, now);
            }
            if (last == null) {
                last = new IndicatorValue();
                last.key = key;
            }
            last.value = line.value();
            last.passed = line.passed();
            last.updatedAt = now;
            values.persist(last);
        }
        if (changed) {
            events.scorecardComputed(card, now);
        }
    }

    private StreamEvent entry(String county, Period period, Scorecard.Line line, Double previous, Instant now) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", StreamEvent.INDICATOR_CHANGED);
        payload.put("county", county);
        payload.put("period", period.toString());
        payload.put("indicator", line.indicator());
        payload.put("value", line.value());
        payload.put("previous", previous);
        payload.put("passed", line.passed());
        payload.put("time", now.toString());
        StreamEvent entry = new StreamEvent();
        entry.kind = StreamEvent.INDICATOR_CHANGED;
        entry.county = county;
        entry.createdAt = now;
        try {
            entry.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return entry;
    }
}
