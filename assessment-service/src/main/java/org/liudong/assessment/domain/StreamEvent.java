package org.liudong.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One entry of the dashboard feed: an aggregate change or an anonymous step of a move. The id orders the feed
 * and is the SSE event id a client resumes from. {@code county} and {@code otherCounty} decide who may see it.
 */
@Entity
@Table(name = "stream_event", schema = "public")
public class StreamEvent {

    public static final String INDICATOR_CHANGED = "indicator-changed";
    public static final String ACTIVITY = "activity";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String county;

    @Column(name = "other_county")
    public String otherCounty;

    /** The JSON sent to the client. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
