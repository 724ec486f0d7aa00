package org.liudong.assessment.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.assessment.domain.Scorecard;
import org.liudong.platform.events.CloudEvent;
import org.liudong.platform.events.EventTypes;
import org.liudong.platform.events.Topics;
import org.liudong.platform.outbox.Outbox;

import java.time.Instant;

/**
 * The events this service publishes on {@code assessment.events}, through the outbox (so an event exists exactly
 * when the state it reports was committed). Keyed by county. Schemas: {@code schemas/<type>.json}.
 */
@ApplicationScoped
public class AssessmentEvents {

    public static final String SOURCE = "/liudong/assessment-service";
    public static final String SCORECARD_COMPUTED = EventTypes.type("assessment", "scorecard-computed", 1);
    public static final String INDICATOR_BREACHED = EventTypes.type("assessment", "indicator-breached", 1);

    private final Outbox outbox;
    private final ObjectMapper json;

    public AssessmentEvents(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    public void scorecardComputed(Scorecard card, Instant at) {
        ObjectNode data = json.createObjectNode();
        data.put("county", card.county());
        data.put("period", card.period());
        if (card.score() == null) {
            data.putNull("score");
        } else {
            data.put("score", card.score());
        }
        ArrayNode lines = data.putArray("indicators");
        for (Scorecard.Line line : card.indicators()) {
            ObjectNode node = lines.addObject();
            node.put("indicator", line.indicator());
            putNullable(node, "value", line.value());
            node.put("noData", line.noData());
            node.put("target", line.target());
            node.put("direction", line.direction().name());
            node.put("weight", line.weight());
            if (line.passed() == null) {
                node.putNull("passed");
            } else {
                node.put("passed", line.passed());
            }
        }
        data.put("occurredAt", at.toString());
        append(SCORECARD_COMPUTED, card.county(), data);
    }

    public void indicatorBreached(String county, String period, Scorecard.Line line, Instant at) {
        ObjectNode data = json.createObjectNode();
        data.put("county", county);
        data.put("period", period);
        data.put("indicator", line.indicator());
        putNullable(data, "value", line.value());
        data.put("target", line.target());
        data.put("direction", line.direction().name());
        data.put("occurredAt", at.toString());
        append(INDICATOR_BREACHED, county, data);
    }

    private void append(String type, String county, ObjectNode data) {
        CloudEvent event = CloudEvent.of(SOURCE, type, county, data).with("county", county);
        outbox.append(Topics.ASSESSMENT_EVENTS, county, event);
    }

    private static void putNullable(ObjectNode node, String field, Double value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }
}
