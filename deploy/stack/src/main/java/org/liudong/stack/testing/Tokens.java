package org.liudong.stack.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.liudong.stack.StackSettings;

/**
 * Real access tokens from the stack's Keycloak (realm {@code liudong}) for tests:
 * {@code Tokens.user("clerk-620821")} (password grant through the public client {@code liudong-cli}, password
 * {@code demo}) and {@code Tokens.client("integrator-620821", "demo")} (client credentials). Tokens are cached
 * until shortly before they expire.
 */
public final class Tokens {

    public static final String CLI_CLIENT = "liudong-cli";
    public static final String DEMO_PASSWORD = "demo";

    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, CachedToken> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** An access token of a demo user (password {@code demo}). */
    public static String user(String username) {
        return user(username, DEMO_PASSWORD);
    }

    public static String user(String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", CLI_CLIENT);
        form.put("username", username);
        form.put("password", password);
        return cached("user:" + username + ":" + password, form);
    }

    /** An access token of a confidential client's service account. */
    public static String client(String clientId, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", secret);
        return cached("client:" + clientId + ":" + secret, form);
    }

    /** The token endpoint of the configured Keycloak ({@code liudong.keycloak.port}, default 8180). */
    public static URI tokenEndpoint() {
        return URI.create(StackSettings.fromEnvironment().authServerUrl() + "/protocol/openid-connect/token");
    }

    private static String cached(String key, Map<String, String> form) {
        CachedToken token = CACHE.get(key);
        if (token == null || Instant.now().isAfter(token.renewAfter())) {
            token = request(form);
            CACHE.put(key, token);
        }
        return token.accessToken();
    }

    private static CachedToken request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher accessToken = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !accessToken.find()) {
                throw new IllegalStateException("No token from " + tokenEndpoint() + " for " + form.get("grant_type")
                        + " grant: HTTP " + response.statusCode() + " " + response.body());
            }
            Matcher expiresIn = EXPIRES_IN.matcher(response.body());
            long lifetime = expiresIn.find() ? Long.parseLong(expiresIn.group(1)) : 60;
            return new CachedToken(accessToken.group(1), Instant.now().plusSeconds(lifetime).minus(EXPIRY_MARGIN));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + tokenEndpoint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record CachedToken(String accessToken, Instant renewAfter) {
    }
}
