package org.liudong.migration.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.migration.domain.InboxItem;
import org.liudong.migration.domain.Move;
import org.liudong.migration.domain.MoveHistory;
import org.liudong.migration.domain.MoveStatus;
import org.liudong.migration.messaging.MigrationEvents;
import org.liudong.migration.repository.MoveHistoryRepository;
import org.liudong.migration.repository.MoveRepository;

import java.time.OffsetDateTime;

/** Steps shared by moves and verifications: history lines and settling, each with its event. */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class MoveSteps {

    public static final String SYSTEM = "migration-service";

    private final MoveRepository moves;
    private final MoveHistoryRepository history;
    private final MigrationEvents events;
    private final Inbox inbox;

    public MoveSteps(MoveRepository moves, MoveHistoryRepository history, MigrationEvents events, Inbox inbox) {
        this.moves = moves;
        this.history = history;
        this.events = events;
        this.inbox = inbox;
    }

    public void record(Move move, String action, String county, String actor, String detail) {
        MoveHistory line = new MoveHistory();
        line.moveId = move.id;
        line.at = OffsetDateTime.now();
        line.action = action;
        line.county = county;
        line.actor = actor;
        line.detail = detail;
        history.persist(line);
    }

    /** Settles a move; a move that continued an earlier one closes that one as moved on. */
    public void settle(Move move, String county, String actor, String detail) {
        move.become(MoveStatus.SETTLED);
        record(move, "SETTLED", county, actor, detail);
        events.move(MigrationEvents.MOVE_SETTLED, move, data -> {
            if (move.departedOn != null) {
                data.put("departedOn", move.departedOn.toString());
            }
            data.put("arrivedOn", move.arrivedOn.toString());
        });
        if (move.previousMoveId != null) {
            moves.findForUpdate(move.previousMoveId)
                    .filter(previous -> previous.status.canBecome(MoveStatus.MOVED_ON))
                    .ifPresent(previous -> {
                        previous.become(MoveStatus.MOVED_ON);
                        record(previous, "MOVED_ON", county, actor, "settled in " + move.destinationCounty);
                        events.move(MigrationEvents.MOVE_MOVED_ON, previous,
                                data -> data.put("nextMoveId", move.id.toString())
                                        .put("nextDestinationCounty", move.destinationCounty));
                        inbox.post(previous.originCounty, InboxItem.Kind.ARRIVAL_NOTICE, move.destinationCounty,
                                previous.id, null);
                    });
        }
    }
}
