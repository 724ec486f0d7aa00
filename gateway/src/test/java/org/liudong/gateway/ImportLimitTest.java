package org.liudong.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import org.liudong.gateway.testing.TightLimitsProfile;
import org.liudong.gateway.testing.UpstreamDoubles;
import org.liudong.stack.testing.PlatformTestResource;

import io.vertx.core.json.JsonObject;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.liudong.gateway.testing.GatewayCalls.PROBLEM_JSON;
import static org.liudong.gateway.testing.GatewayCalls.integratorToken;
import static org.liudong.gateway.testing.GatewayCalls.newRequestId;
import static org.liudong.gateway.testing.GatewayCalls.postChunked;
import static org.liudong.gateway.testing.GatewayCalls.postWithLength;
import static org.liudong.gateway.testing.GatewayCalls.reachedRegistry;

/** CSV imports may be 2 MiB here (200 MiB by default). */
@QuarkusTest
@TestProfile(TightLimitsProfile.class)
@WithTestResource(value = PlatformTestResource.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(UpstreamDoubles.class)
class ImportLimitTest {

    private static final int THREE_MIB = 3 * 1024 * 1024;

    @Test
    void importDeclaredLargerThanItsLimitIsRefusedBeforeReachingTheService() throws Exception {
        String requestId = newRequestId("import-too-large");
        HttpResponse<String> answer = postWithLength("/api/registry/imports", integratorToken(), "text/csv",
                BodySizeLimitTest.csvOfSize(THREE_MIB), requestId);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        JsonObject problem = new JsonObject(answer.body());
        assertThat(problem.getString("type")).isEqualTo("urn:liudong:problem:payload-too-large");
        assertThat(problem.getString("detail")).isEqualTo("The request body is larger than the 2 MiB allowed here");
        assertThat(reachedRegistry(requestId)).isFalse();
    }

    @Test
    void streamedImportThatGrowsPastItsLimitIsCutOff() throws Exception {
        HttpResponse<String> answer = postChunked("/api/registry/imports", integratorToken(), "text/csv",
                BodySizeLimitTest.csvOfSize(THREE_MIB), newRequestId("import-cut-off"));
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue(PROBLEM_JSON);
        assertThat(new JsonObject(answer.body()).getString("type")).isEqualTo("urn:liudong:problem:payload-too-large");
    }

    @Test
    void importWithinItsLimitStillGoesThrough() throws Exception {
        HttpResponse<String> answer = postWithLength("/api/registry/imports", integratorToken(), "text/csv",
                BodySizeLimitTest.csvOfSize(THREE_MIB / 2), newRequestId("import"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(new JsonObject(answer.body()).getLong("bodyBytes")).isEqualTo(THREE_MIB / 2);
    }
}
