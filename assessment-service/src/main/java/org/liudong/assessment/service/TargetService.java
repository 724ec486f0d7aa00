package org.liudong.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.assessment.domain.Indicator;
import org.liudong.assessment.domain.TargetSetting;
import org.liudong.assessment.repository.TargetRepository;
import org.liudong.platform.versions.Versions;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Targets per indicator and jurisdiction; a county gets the most specific one, else the built-in default. */
@ApplicationScoped
public class TargetService {

    private final TargetRepository targets;

    public TargetService(TargetRepository targets) {
        this.targets = targets;
    }

    /**
     * Sets a jurisdiction's target. {@code ifMatch}, when sent, must name the version the caller read (0 for a
     * target never set there); PUTs of one target are taken one at a time, so two that read the same version cannot
     * both pass.
     */
    @Transactional
    public Indicator.Target set(Indicator indicator, String jurisdiction, double value, Indicator.Direction direction,
                                int weight, String by, String ifMatch) {
        TargetSetting.Key key = new TargetSetting.Key(indicator.key(), jurisdiction);
        targets.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "target/" + key.indicator() + "/" + key.jurisdiction()).getSingleResult();
        TargetSetting setting = targets.findByIdOptional(key).orElseGet(TargetSetting::new);
        Versions.check(ifMatch, setting.version, "target of " + indicator.key() + " for '" + jurisdiction + "'");
        setting.key = key;
        setting.value = value;
        setting.direction = direction;
        setting.weight = weight;
        setting.updatedBy = by;
        setting.updatedAt = Instant.now();
        setting.version++;
        targets.persist(setting);
        return setting.toTarget();
    }

    /** The target that applies to each indicator in a county (or jurisdiction). */
    @Transactional
    public Map<Indicator, Indicator.Target> effectiveFor(String code) {
        Map<Indicator, Indicator.Target> effective = new EnumMap<>(Indicator.class);
        List<TargetSetting> covering = targets.covering(code);
        for (TargetSetting setting : covering) {
            Indicator.byKey(setting.key.indicator()).ifPresent(i -> effective.putIfAbsent(i, setting.toTarget()));
        }
        for (Indicator indicator : Indicator.values()) {
            effective.putIfAbsent(indicator, indicator.defaultTarget());
        }
        return effective;
    }
}
