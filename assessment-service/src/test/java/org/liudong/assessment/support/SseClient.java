package org.liudong.assessment.support;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/** Reads a server-sent event stream in the background, as a dashboard would. */
public final class SseClient implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;

    public SseClient(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HTTP.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(answer -> {
            Thread reader = new Thread(() -> parse(answer.body()), "sse-client");
            reader.setDaemon(true);
            reader.start();
        });
    }

    public int status() {
        return response.join().statusCode();
    }

    public List<Event> events() {
        return events;
    }

    public List<Event> named(String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    private void parse(Stream<String> lines) {
        String[] current = new String[3];
        StringBuilder data = new StringBuilder();
        try {
            lines.forEach(line -> {
                if (line.isEmpty()) {
                    if (!data.isEmpty() || current[1] != null) {
                        events.add(new Event(current[0], current[1], data.toString()));
                    }
                    current[0] = null;
                    current[1] = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    current[0] = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    current[1] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            });
        } catch (UncheckedIOException | IllegalStateException closed) {
            // the test closed the stream, possibly before this thread began reading it
        }
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
