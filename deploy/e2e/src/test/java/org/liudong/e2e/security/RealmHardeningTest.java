package org.liudong.e2e.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/** The demo realm carries the hardening a production realm is derived with, and the README says how to derive it. */
class RealmHardeningTest {

    private static final JsonPath REALM = JsonPath.from(Repository.read(Repository.REALM));

    @Test
    void jurisdictionIsDeclaredInTheUserProfileAndOnlyAdminsMayEditIt() {
        List<String> configs = REALM.getList(
                "components.'org.keycloak.userprofile.UserProfileProvider'.config.'kc.user.profile.config'.flatten()",
                String.class);
        assertThat(configs).as("a declared User Profile").hasSize(1);
        JsonPath profile = JsonPath.from(configs.get(0));
        Map<String, Object> jurisdiction = profile.getMap("attributes.find { it.name == 'jurisdiction' }");
        assertThat(jurisdiction).as("the jurisdiction attribute").isNotNull();
        assertThat(profile.getList("attributes.find { it.name == 'jurisdiction' }.permissions.edit", String.class))
                .containsExactly("admin");
        assertThat(profile.getString("unmanagedAttributePolicy"))
                .as("undeclared attributes must not be user-editable").isNotIn("ENABLED");
    }

    @Test
    void bruteForceDetectionIsOn() {
        assertThat(REALM.getBoolean("bruteForceProtected")).isTrue();
        assertThat(REALM.getInt("failureFactor")).isBetween(1, 30);
    }

    @Test
    void accessTokensLiveAtMostFiveMinutes() {
        assertThat(REALM.getInt("accessTokenLifespan")).isBetween(1, 300);
    }

    @Test
    void tlsIsRequiredAtLeastForExternalRequests() {
        assertThat(REALM.getString("sslRequired")).isIn("external", "all");
    }

    @Test
    void selfRegistrationIsOff() {
        assertThat(REALM.getBoolean("registrationAllowed")).isFalse();
    }

    @Test
    void theDeployReadmeSaysHowToCreateAProductionRealmWithoutTheDemoUsersAndClients() {
        String readme = Repository.read("deploy/README.md");
        int section = readme.indexOf("### A production realm");
        assertThat(section).as("a 'A production realm' section in deploy/README.md").isNotNegative();
        String text = readme.substring(section);
        assertThat(text).contains("del(.users)", "liudong-cli", "integrator-620821", "kc.sh import");
    }
}
