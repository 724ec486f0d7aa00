package org.liudong.migration.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.migration.domain.InboxItem;
import org.liudong.migration.repository.InboxRepository;
import org.liudong.migration.security.MoveAccess;
import org.liudong.platform.persistence.Listing;
import org.liudong.platform.problem.ProblemException;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A county's inbox: what other counties (and the service's reminders) sent it, and what was dealt with. */
@ApplicationScoped
@Transactional
public class InboxService {

    private final InboxRepository items;
    private final MoveAccess access;

    public InboxService(InboxRepository items, MoveAccess access) {
        this.items = items;
        this.access = access;
    }

    public Listing<InboxItem> list(String county, InboxItem.Kind kind, Boolean handled) {
        access.requireInbox(county);
        return items.search(county, kind, handled);
    }

    /** Only the county's own clerks and integrators handle its items. */
    public InboxItem markHandled(UUID id) {
        InboxItem item = items.findByIdOptional(id)
                .filter(found -> access.actingCounty().equals(found.county))
                .orElseThrow(() -> ProblemException.notFound("The inbox item"));
        if (!item.handled) {
            item.handled = true;
            item.handledAt = OffsetDateTime.now();
            item.handledBy = access.actor();
        }
        return item;
    }
}
