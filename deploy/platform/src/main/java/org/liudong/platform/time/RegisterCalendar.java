package org.liudong.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ClockProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar the register keeps: what date it is today for the counties (China Standard Time unless
 * {@code liudong.zone} says otherwise), not for the server, which usually runs on UTC. Between midnight and
 * 08:00 in the counties the two differ by a day: a birth, death or arrival dated today would have been refused
 * as lying in the future, and a departure registered then recorded a day early.
 * <p>
 * Also Bean Validation's clock, so {@code @PastOrPresent} and its kin judge dates on the same calendar.
 */
@ApplicationScoped
public class RegisterCalendar implements ClockProvider {

    private final Clock clock;

    @Inject
    public RegisterCalendar(@ConfigProperty(name = "liudong.zone", defaultValue = "Asia/Shanghai") ZoneId zone) {
        this(Clock.system(zone));
    }

    /** On a clock of the test's choosing. */
    public RegisterCalendar(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
