package org.liudong.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Limits low enough to reach in a test: 1 request/s with a burst of 3 for people, 2 MiB for CSV imports. */
public class TightLimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "liudong.gateway.rate-limit.people.requests-per-second", "1",
                "liudong.gateway.rate-limit.people.burst", "3",
                "liudong.gateway.rate-limit.integrator.requests-per-second", "1000",
                "liudong.gateway.rate-limit.integrator.burst", "1000",
                "liudong.gateway.limits.import-body", "2M");
    }
}
