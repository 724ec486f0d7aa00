package org.liudong.assessment.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The months indicators are computed for: one calendar month ("2026-03"), or a run of whole months
 * ("2025-04/2026-03", such as the rolling twelve months). Days are the counties' local days.
 */
public record Period(YearMonth first, YearMonth last) {

    /** The longest run of months one question may cover. */
    public static final int MAX_MONTHS = 36;
    public static final int ROLLING_MONTHS = 12;
    private static final Pattern FORMAT = Pattern.compile("(\\d{4}-\\d{2})(?:/(\\d{4}-\\d{2}))?");

    public Period {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    public Period(YearMonth month) {
        this(month, month);
    }

    /** "YYYY-MM" or "YYYY-MM/YYYY-MM" (first and last month, at most {@link #MAX_MONTHS}). */
    public static Optional<Period> parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        try {
            YearMonth first = YearMonth.parse(matcher.group(1));
            YearMonth last = matcher.group(2) == null ? first : YearMonth.parse(matcher.group(2));
            if (last.isBefore(first) || first.plusMonths(MAX_MONTHS).compareTo(last) <= 0) {
                return Optional.empty();
            }
            return Optional.of(new Period(first, last));
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

    /** The twelve months up to and including the current one. */
    public static Period rolling(Clock clock) {
        YearMonth now = YearMonth.now(clock);
        return new Period(now.minusMonths(ROLLING_MONTHS - 1L), now);
    }

    public boolean isMonth() {
        return first.equals(last);
    }

    public Period next() {
        return new Period(last.plusMonths(1));
    }

    /** The year the period ends in: ages are counted in it. */
    public int year() {
        return last.getYear();
    }

    /** First day of the first month. */
    public LocalDate start() {
        return first.atDay(1);
    }

    /** First day after the last month (exclusive end). */
    public LocalDate end() {
        return last.plusMonths(1).atDay(1);
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
        LocalDate lastDay = end().minusDays(1);
        return today.isBefore(lastDay) ? today : lastDay;
    }

    @Override
    public String toString() {
        return isMonth() ? first.toString() : first + "/" + last;
    }
}
