package org.liudong.assessment.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.assessment.domain.StreamEvent;
import org.liudong.assessment.repository.StreamEventRepository;

import java.util.List;

/** Reads the dashboard feed: aggregate changes and anonymous activity, in order. */
@ApplicationScoped
public class FeedService {

    private static final int PAGE = 200;

    private final StreamEventRepository stream;

    public FeedService(StreamEventRepository stream) {
        this.stream = stream;
    }

    @Transactional
    public List<StreamEvent> after(long lastId, String jurisdiction) {
        return stream.after(lastId, jurisdiction, PAGE);
    }

    @Transactional
    public long lastId() {
        return stream.lastId();
    }
}
