package org.liudong.platform.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RegisterCalendarTest {

    private static final ZoneId COUNTIES = ZoneId.of("Asia/Shanghai");

    /** The server's UTC date is not the counties' date from 16:00 UTC (midnight in China) to midnight UTC. */
    @ParameterizedTest
    @CsvSource({
            "2026-11-28T15:59:59Z, 2026-11-28",
            "2026-11-28T16:00:00Z, 2026-11-29",
            "2026-11-28T23:59:59Z, 2026-11-29",
            "2026-11-29T00:00:00Z, 2026-11-29",
            "2026-12-31T16:30:00Z, 2027-01-01"})
    void todayIsTheCountiesDateWhateverTheServersZone(Instant now, LocalDate countiesToday) {
        RegisterCalendar calendar = new RegisterCalendar(Clock.fixed(now, COUNTIES));

        assertThat(calendar.today()).isEqualTo(countiesToday);
        assertThat(LocalDate.ofInstant(calendar.getClock().instant(), calendar.getClock().getZone()))
                .as("the clock Bean Validation judges dates by").isEqualTo(countiesToday);
    }
}
