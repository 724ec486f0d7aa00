package org.liudong.migration.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.migration.domain.InboxItem;
import org.liudong.migration.repository.InboxRepository;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Puts items into a county's inbox, in the transaction of the change they announce. */
@ApplicationScoped
public class Inbox {

    private final InboxRepository items;

    public Inbox(InboxRepository items) {
        this.items = items;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public InboxItem post(String county, InboxItem.Kind kind, String fromCounty, UUID moveId, UUID verificationId) {
        InboxItem item = new InboxItem();
        item.id = UUID.randomUUID();
        item.county = county;
        item.kind = kind;
        item.fromCounty = fromCounty;
        item.moveId = moveId;
        item.verificationId = verificationId;
        item.createdAt = OffsetDateTime.now();
        items.persist(item);
        return item;
    }
}
