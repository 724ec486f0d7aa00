package org.liudong.migration.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.liudong.migration.config.MigrationConfig;
import org.liudong.platform.problem.Problem;
import org.liudong.platform.problem.ProblemException;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Asks registry-service for a person's basic data with the caller's own token, so the registry applies its
 * own access rules and audit to the read.
 */
@ApplicationScoped
public class RegistryLookup {

    private static final Logger LOG = Logger.getLogger(RegistryLookup.class);

    private final RegistryClient client;
    private final JsonWebToken token;

    public RegistryLookup(MigrationConfig config, JsonWebToken token) {
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.registryUrl()))
                .connectTimeout(2, TimeUnit.SECONDS)
                .readTimeout(5, TimeUnit.SECONDS)
                .build(RegistryClient.class);
        this.token = token;
    }

    public RegistryPerson person(UUID personId) {
        String authorization = "Bearer " + token.getRawToken();
        // Outside the caller's transaction. The REST client finishes on a Vert.x thread, which the transaction was
        // carried to: when the registry was unreachable, the rollback found the transaction still in use there
        // ("aborting with 2 threads active"), did not reach PostgreSQL, and the connection's next transaction
        // committed the request's unanswered idempotency key, refusing every retry with 409.
        try {
            return QuarkusTransaction.suspendingExisting().call(() -> fetch(personId, authorization));
        } catch (QuarkusTransactionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    private RegistryPerson fetch(UUID personId, String authorization) {
        try {
            return client.person(personId, authorization);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ProblemException.notFound("The person in the registry");
            }
            if (status == 401 || status == 403) {
                throw ProblemException.forbidden("The registry does not let you read this person");
            }
            LOG.warnf("Registry answered %d for person %s", status, personId);
            throw unavailable();
        } catch (ProcessingException e) {
            LOG.warnf("Registry unreachable: %s", e.getMessage());
            throw unavailable();
        }
    }

    private static ProblemException unavailable() {
        return new ProblemException(Problem.of(503, "registry-unavailable", "Service unavailable",
                "The registry could not be asked for the person's data; try again", null));
    }
}
