package org.liudong.gateway.docs;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.liudong.gateway.proxy.Upstream;
import org.liudong.gateway.proxy.Upstreams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One OpenAPI document for the whole API: each service's own document ({@code /q/openapi?format=json}) fetched
 * when asked for, and their paths, components, tags and security merged. The services' paths already are the
 * gateway's paths, so they are taken as they are. When two services define a component of the same name
 * differently, the later one is renamed {@code <service>.<name>} and its references follow. A service that does
 * not answer is left out and named in {@code info.x-unavailable-services}.
 */
@ApplicationScoped
public class CombinedOpenApi {

    static final String TITLE = "Liudong API";
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    private static final List<String> RENAMEABLE = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "links", "callbacks", "pathItems");

    private final Upstreams upstreams;

    CombinedOpenApi(Upstreams upstreams) {
        this.upstreams = upstreams;
    }

    public Uni<JsonObject> document() {
        List<Uni<ServiceDocument>> fetches = upstreams.all().stream().map(this::fetch).toList();
        return Uni.join().all(fetches).andFailFast().map(CombinedOpenApi::merge);
    }

    private Uni<ServiceDocument> fetch(Upstream upstream) {
        String name = shortName(upstream.service());
        return UniHelper.toUni(upstreams.get(upstream, "/q/openapi?format=json", FETCH_TIMEOUT))
                .map(answer -> answer.status() == 200
                        ? new ServiceDocument(name, answer.body().toJsonObject())
                        : new ServiceDocument(name, null))
                .onFailure().recoverWithItem(new ServiceDocument(name, null));
    }

    static JsonObject merge(List<ServiceDocument> documents) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        Map<String, JsonObject> tags = new LinkedHashMap<>();
        JsonArray security = new JsonArray();
        List<String> unavailable = new ArrayList<>();
        String version = null;

        for (ServiceDocument service : documents) {
            if (service.document() == null) {
                unavailable.add(service.name());
                continue;
            }
            JsonObject document = withoutClashes(service.name(), service.document(), components);
            version = version == null ? document.getString("openapi") : version;
            document.getJsonObject("paths", new JsonObject()).forEach(path -> paths.put(path.getKey(), path.getValue()));
            JsonObject own = document.getJsonObject("components", new JsonObject());
            for (String kind : own.fieldNames()) {
                JsonObject merged = components.getJsonObject(kind, new JsonObject());
                own.getJsonObject(kind).forEach(entry -> {
                    if (!merged.containsKey(entry.getKey())) {
                        merged.put(entry.getKey(), entry.getValue());
                    }
                });
                components.put(kind, merged);
            }
            document.getJsonArray("tags", new JsonArray()).forEach(tag -> {
                JsonObject t = (JsonObject) tag;
                tags.putIfAbsent(t.getString("name"), t);
            });
            document.getJsonArray("security", new JsonArray()).forEach(requirement -> {
                if (!security.contains(requirement)) {
                    security.add(requirement);
                }
            });
        }

        JsonObject info = new JsonObject()
                .put("title", TITLE)
                .put("version", "1")
                .put("description", "The REST API of registry-service, migration-service and assessment-service, "
                        + "as served through the gateway. Every call needs a bearer token from the liudong realm.");
        if (!unavailable.isEmpty()) {
            info.put("x-unavailable-services", new JsonArray(unavailable));
        }
        JsonObject combined = new JsonObject()
                .put("openapi", version == null ? "3.0.3" : version)
                .put("info", info)
                .put("paths", paths)
                .put("components", components);
        if (!tags.isEmpty()) {
            combined.put("tags", new JsonArray(new ArrayList<>(tags.values())));
        }
        if (!security.isEmpty()) {
            combined.put("security", security);
        }
        return combined;
    }

    /** The service's document, with components that clash with those already merged renamed. */
    private static JsonObject withoutClashes(String service, JsonObject document, JsonObject merged) {
        JsonObject own = document.getJsonObject("components");
        if (own == null) {
            return document;
        }
        Map<String, String> renamedRefs = new HashMap<>();
        JsonObject renamedComponents = own.copy();
        for (String kind : RENAMEABLE) {
            JsonObject ours = own.getJsonObject(kind);
            JsonObject theirs = merged.getJsonObject(kind);
            if (ours == null || theirs == null) {
                continue;
            }
            for (String name : ours.fieldNames()) {
                if (theirs.containsKey(name) && !theirs.getValue(name).equals(ours.getValue(name))) {
                    String renamed = service + "." + name;
                    JsonObject target = renamedComponents.getJsonObject(kind);
                    target.put(renamed, target.remove(name));
                    renamedRefs.put("#/components/" + kind + "/" + name, "#/components/" + kind + "/" + renamed);
                }
            }
        }
        if (renamedRefs.isEmpty()) {
            return document;
        }
        JsonObject result = document.copy().put("components", renamedComponents);
        return (JsonObject) rewriteRefs(result, renamedRefs);
    }

    private static Object rewriteRefs(Object node, Map<String, String> renamedRefs) {
        if (node instanceof JsonObject object) {
            for (String key : object.fieldNames()) {
                Object value = object.getValue(key);
                if ("$ref".equals(key) && value instanceof String ref && renamedRefs.containsKey(ref)) {
                    object.put(key, renamedRefs.get(ref));
                } else {
                    rewriteRefs(value, renamedRefs);
                }
            }
        } else if (node instanceof JsonArray array) {
            array.forEach(item -> rewriteRefs(item, renamedRefs));
        }
        return node;
    }

    private static String shortName(String service) {
        return service.replace("-service", "");
    }

    /** A service's OpenAPI document, or {@code null} when the service did not give one. */
    record ServiceDocument(String name, JsonObject document) {
    }
}
