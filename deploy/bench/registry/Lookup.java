import java.io.BufferedReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on GET /api/registry/persons?idNumber= at a fixed rate over a fixed number of keep-alive connections (one
 * worker thread each). Request i is due at start + i / rate; a worker takes the next due request, waits for its time
 * and sends it. Latency is measured from the due time, so when the server falls behind, the wait of the requests it
 * delayed counts (no coordinated omission). Percentiles come from every sample, sorted. The rate reached is
 * completed requests over the time the run took.
 *
 *   java Lookup.java GATEWAY TOKEN_URL CSV RATE SECONDS WARMUP_SECONDS CONNECTIONS
 */
public class Lookup {

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String tokenUrl = args[1];
        List<String> ids = idNumbers(Path.of(args[2]));
        int rate = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int warmup = Integer.parseInt(args[5]);
        int connections = Integer.parseInt(args[6]);
        HttpClient tokens = HttpClient.newHttpClient();
        AtomicReference<String> token = new AtomicReference<>(token(tokens, tokenUrl));

        System.err.printf("warm-up: %d s at %d requests/s over %d connections%n", warmup, rate, connections);
        run(gateway, token, ids, rate, warmup, connections);
        // tokens live 300 s: a fresh one for the measured run
        token.set(token(tokens, tokenUrl));
        System.err.printf("measuring: %d s at %d requests/s over %d connections%n", seconds, rate, connections);
        Result r = run(gateway, token, ids, rate, seconds, connections);
        long[] sorted = Arrays.copyOf(r.latencies, r.completed);
        Arrays.sort(sorted);
        System.out.printf("lookup target_rate=%d connections=%d due=%d completed=%d ok=%d found=%d errors=%d "
                        + "not_sent=%d achieved_rate=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f%n",
                rate, connections, r.due, r.completed, r.ok, r.found, r.errors, r.due - r.completed,
                r.completed / r.seconds, pct(sorted, 0.50), pct(sorted, 0.90), pct(sorted, 0.99), pct(sorted, 0.999),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        System.exit(0);
    }

    record Result(int due, int completed, int ok, int found, int errors, double seconds, long[] latencies) {
    }

    static Result run(String gateway, AtomicReference<String> token, List<String> ids, int rate, int seconds,
                      int connections) throws Exception {
        int due = rate * seconds;
        long[] latencies = new long[due];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger found = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        // bounded: whatever is not sent 30 s after the last due time is reported as not sent
        long deadline = start + (seconds + 30) * 1_000_000_000L;
        double periodNanos = 1e9 / rate;
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            Random random = new Random(w);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
            workers[w] = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < due; i = next.getAndIncrement()) {
                    long intended = start + (long) (i * periodNanos);
                    long wait = intended - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (System.nanoTime() > deadline) {
                        return;
                    }
                    String id = ids.get(random.nextInt(ids.size()));
                    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/registry/persons?idNumber="
                                    + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                            .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token.get()).GET().build();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                            if (response.body().contains("\"total\":1")) {
                                found.incrementAndGet();
                            }
                        } else if (errors.getAndIncrement() < 5) {
                            System.err.println("error: " + response.statusCode() + " " + response.body());
                        }
                    } catch (Exception e) {
                        if (errors.getAndIncrement() < 5) {
                            System.err.println("error: " + e);
                        }
                    }
                    latencies[completed.getAndIncrement()] = System.nanoTime() - intended;
                }
            }, "lookup-" + w);
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        return new Result(due, completed.get(), ok.get(), found.get(), errors.get(), took, latencies);
    }
    static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    static List<String> idNumbers(Path csv) throws Exception {
        List<String> ids = new ArrayList<>(1_000_000);
        try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                ids.add(line.split(",", 6)[4]);
            }
        }
        return ids;
    }

    /** Retried for up to a minute: Keycloak is shared and may be restarting. */
    static String token(HttpClient http, String tokenUrl) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return fetchToken(http, tokenUrl);
            } catch (java.io.IOException | IllegalStateException e) {
                if (attempt == 30) {
                    throw e;
                }
                System.err.println("token: " + e + "; again in 2 s");
                Thread.sleep(2000);
            }
        }
    }

    static String fetchToken(HttpClient http, String tokenUrl) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id=integrator-620821&client_secret=demo")).build();
        String body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token: " + body);
        }
        return m.group(1);
    }
}
