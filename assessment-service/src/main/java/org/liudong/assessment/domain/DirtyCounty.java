package org.liudong.assessment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;

/** A county month whose indicators changed since the watcher last looked. */
@Entity
@Table(name = "dirty_county", schema = "public")
public class DirtyCounty {

    @EmbeddedId
    public Key key;

    @Embeddable
    public record Key(@Column(name = "county") String county, @Column(name = "period") String period)
            implements Serializable {
    }
}
