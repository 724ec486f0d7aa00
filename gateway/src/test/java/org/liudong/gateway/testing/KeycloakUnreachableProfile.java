package org.liudong.gateway.testing;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The gateway's identity provider is at a port where nothing listens, as during a Keycloak outage. */
public class KeycloakUnreachableProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:1/realms/liudong");
    }
}
