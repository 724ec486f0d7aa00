package org.liudong.assessment.service;

import org.liudong.assessment.domain.Period;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What a batch of events changed: the county months to re-examine, and anonymous activity for the live feed. */
public final class Changes {

    public record CountyPeriod(String county, Period period) {
    }

    /** A step of a move, without the person: who moved from where to where is never in it. */
    public record Activity(String event, String originCounty, String destinationCounty, String reason, Instant at) {
    }

    private final Set<CountyPeriod> touched = new LinkedHashSet<>();
    private final List<Activity> activities = new ArrayList<>();

    public void touched(String county, Period period) {
        if (county != null && period != null) {
            touched.add(new CountyPeriod(county, period));
        }
    }

    public void activity(Activity activity) {
        activities.add(activity);
    }

    public Set<CountyPeriod> touched() {
        return touched;
    }

    public List<Activity> activities() {
        return activities;
    }
}
