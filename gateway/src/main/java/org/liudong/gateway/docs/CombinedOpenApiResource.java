package org.liudong.gateway.docs;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The combined document, public like any API documentation; Swagger UI ({@code /q/swagger-ui}) shows it. */
@Path(CombinedOpenApiResource.PATH)
public class CombinedOpenApiResource {

    public static final String PATH = "/api-docs/openapi.json";

    private final CombinedOpenApi combinedOpenApi;

    CombinedOpenApiResource(CombinedOpenApi combinedOpenApi) {
        this.combinedOpenApi = combinedOpenApi;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The OpenAPI document of all services behind the gateway")
    public Uni<String> document() {
        return combinedOpenApi.document().map(document -> document.encodePrettily());
    }
}
