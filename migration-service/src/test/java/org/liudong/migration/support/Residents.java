package org.liudong.migration.support;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.ConfigProvider;
import org.liudong.migration.repository.PersonRepository;
import org.liudong.platform.identity.IdNumberCipher;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Registers test persons the way the platform does: the registry publishes person-registered on
 * registry.events (this service's projection picks it up) and answers for the person's basic data.
 */
@ApplicationScoped
public class Residents {

    private final IdNumberCipher cipher;
    private final PersonRepository persons;

    public Residents(IdNumberCipher cipher, PersonRepository persons) {
        this.cipher = cipher;
        this.persons = persons;
    }

    /** An active resident of the county, known to the projection and to the (test) registry. */
    public People.TestPerson registered(String county) {
        People.TestPerson person = unknown(county);
        RegistryTopic.publish(RegistryTopic.registered(person));
        inRegistry(person);
        // a fresh test consumer group first reads the topic's backlog: allow for it
        await().atMost(Duration.ofSeconds(120)).until(() -> known(person.id()));
        return person;
    }

    /** A person with a valid ID number the registry never announced. */
    public People.TestPerson unknown(String county) {
        return People.in(county, cipher);
    }

    public void inRegistry(People.TestPerson person) {
        given().contentType(ContentType.JSON)
                .body(Map.of("id", person.id().toString(), "idNumber", person.idNumber().value(), "name", person.name(),
                        "sex", person.sex(), "birthDate", person.birthDate().toString(),
                        "registryCounty", person.county(), "householdId", person.householdId().toString(),
                        "relation", "HEAD", "status", "ACTIVE", "version", 0))
                .put(registryUrl() + "/api/registry/persons/" + person.id())
                .then().statusCode(204);
    }

    /** How often this service asked the registry for the person's basic data. */
    /** While on, the registry drops every connection. */
    public void registryOutage(boolean on) {
        given().put(registryUrl() + "/outage/" + on).then().statusCode(204);
    }

    public int registryFetches(UUID personId) {
        return Integer.parseInt(given().get(registryUrl() + "/fetches/" + personId).asString());
    }

    public String index(String idNumber) {
        return cipher.index(idNumber);
    }

    private boolean known(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> persons.findByIdOptional(id).isPresent());
    }

    private static String registryUrl() {
        return ConfigProvider.getConfig().getValue(FakeRegistry.URL_KEY, String.class);
    }
}
