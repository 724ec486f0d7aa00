package org.liudong.migration.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Something another county (or the service, for reminders and lapses) sent to a county. */
@Entity
@Table(name = "inbox_item")
public class InboxItem {

    public enum Kind {
        DEPARTURE_NOTICE, ARRIVAL_NOTICE, VERIFICATION_REQUEST, VERIFICATION_ANSWER, VERIFICATION_REMINDER,
        VERIFICATION_OVERDUE, MOVE_REJECTED, MOVE_REVOKED, MOVE_RETURNED, MOVE_LAPSED, RESIDENCE_EXPIRED
    }

    @Id
    public UUID id;

    @Column(nullable = false)
    public String county;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "from_county")
    public String fromCounty;

    @Column(name = "move_id")
    public UUID moveId;

    @Column(name = "verification_id")
    public UUID verificationId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(nullable = false)
    public boolean handled;

    @Column(name = "handled_at")
    public OffsetDateTime handledAt;

    @Column(name = "handled_by")
    public String handledBy;
}
