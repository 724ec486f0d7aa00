package org.liudong.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A target set for one indicator in a jurisdiction; the most specific jurisdiction covering a county wins. */
@Entity
@Table(name = "target", schema = "public")
public class TargetSetting {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public double value;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Indicator.Direction direction;

    @Column(nullable = false)
    public int weight;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Counts the changes: 1 once set, 0 while the built-in default applies (no row). */
    @Column(nullable = false)
    public long version;

    @Embeddable
    public record Key(@Column(name = "indicator") String indicator, @Column(name = "jurisdiction") String jurisdiction)
            implements Serializable {
    }

    public Indicator.Target toTarget() {
        return new Indicator.Target(Indicator.byKey(key.indicator()).orElseThrow(), key.jurisdiction(), value,
                direction, weight, version);
    }
}
