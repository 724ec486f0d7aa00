package org.liudong.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** One browser origin allowed to call the API. */
public class AllowedOriginProfile implements QuarkusTestProfile {

    public static final String ALLOWED_ORIGIN = "https://dashboard.county.example";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.http.cors.origins", ALLOWED_ORIGIN);
    }
}
