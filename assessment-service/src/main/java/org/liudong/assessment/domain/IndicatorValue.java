package org.liudong.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** The last value of an indicator the service announced (feed, events), to tell what changed. */
@Entity
@Table(name = "indicator_value", schema = "public")
public class IndicatorValue {

    @EmbeddedId
    public Key key;

    public Double value;

    public Boolean passed;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Embeddable
    public record Key(@Column(name = "county") String county, @Column(name = "period") String period,
                      @Column(name = "indicator") String indicator) implements Serializable {
    }
}
