package org.liudong.assessment.domain;

import java.time.LocalDate;
import java.util.Collection;

/**
 * How each share is counted, on plain values so it can be checked on its own. Every share looks at the
 * things that belong to the period (departures that left in it, requests that fell due in it) and counts
 * only those whose outcome is known today, so nobody is blamed for a deadline that has not passed yet.
 */
public final class IndicatorArithmetic {

    private IndicatorArithmetic() {
    }

    /**
     * {@code count} departures alike: when the person left and when the origin registered it (null: not yet). The
     * indicators read departures grouped by these days, a few hundred rows for a county month of tens of thousands.
     */
    public record Departure(LocalDate departedOn, LocalDate registeredOn, long count) {
        public Departure(LocalDate departedOn, LocalDate registeredOn) {
            this(departedOn, registeredOn, 1);
        }
    }

    /**
     * {@code count} announced departures alike: when the person left and when the destination settled it (null:
     * not yet).
     */
    public record AnnouncedMove(LocalDate departedOn, LocalDate settledOn, long count) {
        public AnnouncedMove(LocalDate departedOn, LocalDate settledOn) {
            this(departedOn, settledOn, 1);
        }
    }

    /** A verification request: when it was made, when it falls due and when it was answered (null: not yet). */
    public record Request(LocalDate requestedOn, LocalDate dueOn, LocalDate answeredOn) {
    }

    /** Share of the period's departures registered within {@code days} days of the departure date. */
    public static Ratio notificationTimeliness(Collection<Departure> departures, Period period, int days) {
        long total = 0;
        long timely = 0;
        for (Departure d : departures) {
            if (!period.contains(d.departedOn())) {
                continue;
            }
            total += d.count();
            if (d.registeredOn() != null && !d.registeredOn().isAfter(d.departedOn().plusDays(days))) {
                timely += d.count();
            }
        }
        return new Ratio(timely, total);
    }

    /**
     * Share of the period's announced departures settled within {@code days} days. A departure still waiting
     * whose deadline has not passed today is not counted yet.
     */
    public static Ratio arrivalMatchRate(Collection<AnnouncedMove> moves, Period period, int days, LocalDate today) {
        long due = 0;
        long matched = 0;
        for (AnnouncedMove m : moves) {
            if (!period.contains(m.departedOn())) {
                continue;
            }
            LocalDate deadline = m.departedOn().plusDays(days);
            boolean settledInTime = m.settledOn() != null && !m.settledOn().isAfter(deadline);
            if (settledInTime) {
                due += m.count();
                matched += m.count();
            } else if (deadline.isBefore(today)) {
                due += m.count();
            }
        }
        return new Ratio(matched, due);
    }

    /**
     * Share of the requests falling due in the period that were answered by their due date. A request not yet
     * answered whose due date has not passed today is not counted yet.
     */
    public static Ratio verificationReplyTimeliness(Collection<Request> requests, Period period, LocalDate today) {
        long due = 0;
        long timely = 0;
        for (Request r : requests) {
            if (!period.contains(r.dueOn())) {
                continue;
            }
            boolean answeredInTime = r.answeredOn() != null && !r.answeredOn().isAfter(r.dueOn());
            if (answeredInTime) {
                due++;
                timely++;
            } else if (r.answeredOn() != null || r.dueOn().isBefore(today)) {
                due++;
            }
        }
        return new Ratio(timely, due);
    }

    /** Requests made by the period's judging day (its last day, or today) and still unanswered on it. */
    public static long openRequests(Collection<Request> requests, Period period, LocalDate today) {
        LocalDate judgedOn = period.asOf(today);
        return requests.stream().filter(r -> isOpenOn(r, judgedOn)).count();
    }

    /** Open requests whose due date lies before the judging day. */
    public static long overdueRequests(Collection<Request> requests, Period period, LocalDate today) {
        LocalDate judgedOn = period.asOf(today);
        return requests.stream()
                .filter(r -> isOpenOn(r, judgedOn) && r.dueOn() != null && r.dueOn().isBefore(judgedOn))
                .count();
    }

    private static boolean isOpenOn(Request r, LocalDate day) {
        return !r.requestedOn().isAfter(day) && (r.answeredOn() == null || r.answeredOn().isAfter(day));
    }

    /** Share of person records that are complete and consistent. */
    public static Ratio recordQuality(long goodRecords, long allRecords) {
        return new Ratio(goodRecords, allRecords);
    }

    /** Age band of a person born in {@code birthYear}, as of {@code year}: "0-14", "15-24", … "60+", or "unknown". */
    public static String ageBand(Integer birthYear, int year) {
        if (birthYear == null || birthYear > year) {
            return "unknown";
        }
        int age = year - birthYear;
        if (age < 15) {
            return "0-14";
        } else if (age < 25) {
            return "15-24";
        } else if (age < 35) {
            return "25-34";
        } else if (age < 45) {
            return "35-44";
        } else if (age < 60) {
            return "45-59";
        }
        return "60+";
    }
}
