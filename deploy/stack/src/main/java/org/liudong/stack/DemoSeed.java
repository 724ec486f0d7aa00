package org.liudong.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.liudong.stack.testing.Tokens;

/**
 * The demo data of the local stack, sent through the gateway with the county clerks' real tokens: the households in
 * {@code deploy/demo/households/*.json} and the departures in {@code deploy/demo/departures/*.json}, each file the
 * request body as is. Running it again changes nothing: household numbers are fixed, so a household that is there
 * already answers 409, and so does a departure of someone whose move is still open.
 */
public final class DemoSeed {

    static final String DIRECTORY = "deploy/demo";
    /** Days between the demo departures and the day they are seeded: recent, as a timely notice would be. */
    private static final int DEPARTED_DAYS_AGO = 2;
    /** How long migration-service may take to learn the demo residents from registry.events. */
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(60);

    private final StackSettings settings;
    private final StackPaths paths;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public DemoSeed(StackSettings settings, StackPaths paths) {
        this.settings = settings;
        this.paths = paths;
    }

    /** Sends the demo data and answers one line saying what is there now. */
    public String run() {
        int householdsNew = 0;
        int householdsThere = 0;
        TreeSet<String> counties = new TreeSet<>();
        for (Path file : files("households")) {
            String body = read(file);
            String county = field("county", body, file);
            counties.add(county);
            HttpResponse<String> answer = post("/api/registry/households", clerkOf(county), body);
            switch (answer.statusCode()) {
                case 201 -> householdsNew++;
                case 409 -> householdsThere++;
                default -> throw failure(file, answer);
            }
        }
        String departures = departures();
        return String.format(Locale.ROOT, "demo data: %d households in %s (%d new, %d already there); %s",
                householdsNew + householdsThere, String.join(", ", counties), householdsNew, householdsThere, departures);
    }

    private String departures() {
        int created = 0;
        int there = 0;
        List<Path> files = files("departures");
        for (Path file : files) {
            String body = withDepartureDate(read(file));
            String origin = field("originCounty", body, file);
            Instant deadline = Instant.now().plus(PROJECTION_WAIT);
            while (true) {
                HttpResponse<String> answer = post("/api/migration/departures", clerkOf(origin), body);
                int status = answer.statusCode();
                if (status == 201) {
                    created++;
                    break;
                }
                if (status == 409 && answer.body().contains("open-move")) {
                    there++;
                    break;
                }
                if (status == 404 || status == 405) {
                    return "departures skipped: migration-service does not take them yet (HTTP " + status + ")";
                }
                // the migration service learns about residents from registry.events a moment after they register
                boolean catchingUp = status == 422 || status == 409;
                if (!catchingUp || Instant.now().isAfter(deadline)) {
                    throw failure(file, answer);
                }
                ProcessControl.pause();
            }
        }
        return String.format(Locale.ROOT, "%d departures announced (%d new, %d already there)",
                created + there, created, there);
    }

    /** The demo departures happened recently, whenever the demo is seeded, unless the file names a date. */
    static String withDepartureDate(String body) {
        if (body.contains("\"departedOn\"")) {
            return body;
        }
        String date = LocalDate.now().minusDays(DEPARTED_DAYS_AGO).toString();
        return body.replaceFirst("\\{", "{\n  \"departedOn\": \"" + date + "\",");
    }

    private HttpResponse<String> post(String path, String token, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The gateway does not answer at " + settings.gatewayUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while seeding the demo", e);
        }
    }

    /** The clerk of a county: the demo realm has one per demo county, e.g. {@code clerk-620821}. */
    private static String clerkOf(String county) {
        return Tokens.user("clerk-" + county);
    }

    private List<Path> files(String kind) {
        Path dir = paths.root().resolve(DIRECTORY).resolve(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(file -> file.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first division code named {@code name} in a request body. */
    private static String field(String name, String body, Path file) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"(\\d{6})\"").matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException(file + " names no " + name);
        }
        return matcher.group(1);
    }

    private IllegalStateException failure(Path file, HttpResponse<String> answer) {
        return new IllegalStateException("Demo data " + paths.root().relativize(file) + " refused: HTTP "
                + answer.statusCode() + " " + answer.body());
    }
}
