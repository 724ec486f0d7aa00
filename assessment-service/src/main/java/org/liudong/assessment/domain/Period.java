package org.liudong.assessment.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** A calendar month ("2026-03"), the unit every indicator is computed for. Days are the counties' local days. */
public record Period(YearMonth month) {

    private static final Pattern FORMAT = Pattern.compile("\\d{4}-\\d{2}");

    public static Optional<Period> parse(String text) {
        if (text == null || !FORMAT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Period(YearMonth.parse(text)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Period of(LocalDate day) {
        return new Period(YearMonth.from(day));
    }

    public static Period of(Instant instant, ZoneId zone) {
        return of(LocalDate.ofInstant(instant, zone));
    }

    public static Period current(Clock clock) {
        return new Period(YearMonth.now(clock));
    }

    public Period next() {
        return new Period(month.plusMonths(1));
    }

    /** First day of the month. */
    public LocalDate start() {
        return month.atDay(1);
    }

    /** First day of the next month (exclusive end). */
    public LocalDate end() {
        return month.plusMonths(1).atDay(1);
    }

    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(start()) && day.isBefore(end());
    }

    public Instant startInstant(ZoneId zone) {
        return start().atStartOfDay(zone).toInstant();
    }

    public Instant endInstant(ZoneId zone) {
        return end().atStartOfDay(zone).toInstant();
    }

    /**
     * The day a period is judged on: its last day once it is over, today while it runs. Figures for a
     * running month are provisional.
     */
    public LocalDate asOf(LocalDate today) {
        LocalDate last = end().minusDays(1);
        return today.isBefore(last) ? today : last;
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
