package org.liudong.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.assessment.domain.Indicator;
import org.liudong.assessment.domain.TargetSetting;
import org.liudong.assessment.repository.TargetRepository;

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

    @Transactional
    public Indicator.Target set(Indicator indicator, String jurisdiction, double value, Indicator.Direction direction,
                                int weight, String by) {
        TargetSetting.Key key = new TargetSetting.Key(indicator.key(), jurisdiction);
        TargetSetting setting = targets.findByIdOptional(key).orElseGet(TargetSetting::new);
        setting.key = key;
        setting.value = value;
        setting.direction = direction;
        setting.weight = weight;
        setting.updatedBy = by;
        setting.updatedAt = Instant.now();
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
