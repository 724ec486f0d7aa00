package org.liudong.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.assessment.domain.Period;
import org.liudong.assessment.repository.MoveRepository;

import java.util.List;

/** The origin → destination matrix of a period, at county, prefecture or province level. */
@ApplicationScoped
public class FlowService {

    public record Flow(String origin, String destination, long moves) {
    }

    public record Flows(String jurisdiction, String period, int level, List<Flow> flows) {
    }

    private final MoveRepository moves;

    public FlowService(MoveRepository moves) {
        this.moves = moves;
    }

    /** @param level 2 (province), 4 (prefecture) or 6 (county) digits */
    @Transactional
    public Flows flows(String jurisdiction, Period period, int level) {
        List<Flow> flows = moves.flows(jurisdiction, level, period.start(), period.end()).stream()
                .map(row -> new Flow((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
        return new Flows(jurisdiction, period.toString(), level, flows);
    }
}
