package org.liudong.assessment.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.liudong.assessment.config.AssessmentConfig;
import org.liudong.assessment.security.AssessmentAccess;
import org.liudong.assessment.service.FeedService;
import org.liudong.platform.problem.FieldError;
import org.liudong.platform.problem.ProblemException;

import java.util.concurrent.atomic.AtomicLong;

@Path("/api/assessment/stream")
@Authenticated
public class StreamResource {

    private final FeedService feed;
    private final AssessmentAccess access;
    private final AssessmentConfig config;

    public StreamResource(FeedService feed, AssessmentAccess access, AssessmentConfig config) {
        this.feed = feed;
        this.access = access;
        this.config = config;
    }

    /**
     * Server-sent events for dashboards within the caller's jurisdiction: {@code indicator-changed} (county,
     * period, indicator, value) and {@code activity} (a step of a move between two counties, with its reason).
     * No person ids, names or ID numbers. A client reconnecting with {@code Last-Event-ID} gets what it missed.
     */
    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live feed of aggregate changes and anonymous activity within your jurisdiction")
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        String scope = access.streamScope();
        AtomicLong cursor = new AtomicLong(lastEventId == null ? feed.lastId() : eventId(lastEventId));
        // Tells the client the stream is open and from where it runs.
        OutboundSseEvent ready = sse.newEventBuilder().id(Long.toString(cursor.get())).name("ready")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data("{\"kind\":\"ready\",\"jurisdiction\":\"" + scope + "\"}").build();
        Multi<OutboundSseEvent> news = Multi.createFrom().ticks().every(config.streamPollInterval())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .concatMap(tick -> Multi.createFrom().iterable(feed.after(cursor.get(), scope)))
                .invoke(entry -> cursor.set(entry.id))
                .map(entry -> sse.newEventBuilder()
                        .id(Long.toString(entry.id))
                        .name(entry.kind)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(entry.payload)
                        .build())
                .select().first(config.streamMaxAge());
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(ready), news);
    }

    private static long eventId(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Last-Event-ID is the id of an event this stream sent",
                    new FieldError("Last-Event-ID", "must be an event id"));
        }
    }
}
