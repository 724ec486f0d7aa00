package org.liudong.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.domain.Finding;
import org.liudong.assessment.repository.FindingRepository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** A county's data-quality findings, a page at a time. */
@ApplicationScoped
public class FindingService {

    /** One page of a county's findings; {@code page} counts from 0. */
    public record Findings(String county, List<Finding> items, int page, int size, long total) {
    }

    private final FindingRepository findings;
    private final AssessmentConfig config;

    public FindingService(FindingRepository findings, AssessmentConfig config) {
        this.findings = findings;
        this.config = config;
    }

    @Transactional
    public Findings page(String county, Collection<Finding.Kind> kinds, int page, int size) {
        LocalDate today = LocalDate.now(config.zone());
        return new Findings(county, findings.page(county, kinds, today, page, size), page, size,
                findings.count(county, kinds, today));
    }
}
