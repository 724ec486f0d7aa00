package org.liudong.migration.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.migration.domain.Move;
import org.liudong.migration.domain.Verification;
import org.liudong.platform.events.CloudEvent;
import org.liudong.platform.events.EventTypes;
import org.liudong.platform.events.Topics;
import org.liudong.platform.outbox.Outbox;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes this service's events to the outbox, in the caller's transaction. Move events carry ids, counties,
 * dates, reason, sex and birth year, and the {@code idIndex} pseudonym — never an ID number or a name.
 */
@ApplicationScoped
public class MigrationEvents {

    public static final String SOURCE = "/liudong/migration-service";

    public static final String DEPARTURE_REGISTERED = type("departure-registered");
    public static final String ARRIVAL_REGISTERED = type("arrival-registered");
    public static final String MOVE_SETTLED = type("move-settled");
    public static final String MOVE_REJECTED = type("move-rejected");
    public static final String MOVE_REVOKED = type("move-revoked");
    public static final String MOVE_RETURNED = type("move-returned");
    public static final String MOVE_LAPSED = type("move-lapsed");
    public static final String MOVE_MOVED_ON = type("move-moved-on");
    public static final String RESIDENCE_RENEWED = type("residence-renewed");
    public static final String RESIDENCE_EXPIRED = type("residence-expired");
    public static final String VERIFICATION_REQUESTED = type("verification-requested");
    public static final String VERIFICATION_ANSWERED = type("verification-answered");
    public static final String VERIFICATION_REMINDED = type("verification-reminded");
    public static final String VERIFICATION_OVERDUE = type("verification-overdue");

    public static final List<String> ALL = List.of(DEPARTURE_REGISTERED, ARRIVAL_REGISTERED, MOVE_SETTLED,
            MOVE_REJECTED, MOVE_REVOKED, MOVE_RETURNED, MOVE_LAPSED, MOVE_MOVED_ON, RESIDENCE_RENEWED, RESIDENCE_EXPIRED,
            VERIFICATION_REQUESTED, VERIFICATION_ANSWERED, VERIFICATION_REMINDED, VERIFICATION_OVERDUE);

    private final Outbox outbox;
    private final ObjectMapper json;

    public MigrationEvents(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** A move event: the common fields plus what {@code extra} adds for this type. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void move(String type, Move move, Consumer<ObjectNode> extra) {
        ObjectNode data = json.createObjectNode()
                .put("moveId", move.id.toString())
                .put("personId", move.personId == null ? null : move.personId.toString())
                .put("idIndex", move.idIndex)
                .put("originCounty", move.originCounty)
                .put("destinationCounty", move.destinationCounty)
                .put("reason", move.reason.name())
                .put("sex", move.sex)
                .put("birthYear", move.birthYear)
                .put("status", move.status.name())
                .put("occurredAt", Instant.now().toString());
        extra.accept(data);
        CloudEvent event = CloudEvent.of(SOURCE, type, move.id.toString(), data)
                .with("origincounty", move.originCounty)
                .with("destcounty", move.destinationCounty);
        outbox.append(Topics.MIGRATION_EVENTS, personKey(move), event);
    }

    /** A verification event; the extensions name the requesting and the addressed county. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void verification(String type, Verification verification, Consumer<ObjectNode> extra) {
        ObjectNode data = json.createObjectNode()
                .put("verificationId", verification.id.toString())
                .put("fromCounty", verification.fromCounty)
                .put("toCounty", verification.toCounty)
                .put("moveId", verification.moveId == null ? null : verification.moveId.toString())
                .put("personId", verification.personId == null ? null : verification.personId.toString())
                .put("question", verification.question.name())
                .put("urgent", verification.urgent)
                .put("dueOn", verification.dueOn.toString())
                .put("status", verification.status.name())
                .put("occurredAt", Instant.now().toString());
        extra.accept(data);
        CloudEvent event = CloudEvent.of(SOURCE, type, verification.id.toString(), data)
                .with("origincounty", verification.fromCounty)
                .with("destcounty", verification.toCounty);
        String key = verification.personId != null ? verification.personId.toString()
                : verification.idIndex != null ? verification.idIndex : verification.id.toString();
        outbox.append(Topics.MIGRATION_EVENTS, key, event);
    }

    /** Events of one person stay in order: keyed by person id, or by the pseudonym while the registry is silent. */
    private static String personKey(Move move) {
        return move.personId != null ? move.personId.toString() : move.idIndex;
    }

    private static String type(String event) {
        return EventTypes.type("migration", event, 1);
    }
}
