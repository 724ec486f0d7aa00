package org.liudong.gateway.http;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTest {

    private static final String TRACEPARENT = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    @Test
    void validTraceKeepsItsTraceIdAndFlagsAndGetsANewParent() {
        String incoming = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        String next = TraceContext.nextHop(incoming);
        assertThat(next).matches(TRACEPARENT).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-").endsWith("-00");
        assertThat(next).isNotEqualTo(incoming);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"garbage", "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01", "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"})
    void missingOrBrokenTraceStartsANewOne(String incoming) {
        String next = TraceContext.nextHop(incoming);
        assertThat(next).matches(TRACEPARENT).endsWith("-01");
        assertThat(next).doesNotContain("4bf92f3577b34da6a3ce929d0e0e4736");
    }
}
