package org.liudong.migration.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.liudong.migration.domain.InboxItem;

import java.time.OffsetDateTime;
import java.util.UUID;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record InboxItemView(UUID id, String kind, String fromCounty, UUID moveId, UUID verificationId,
                            OffsetDateTime createdAt, boolean handled, OffsetDateTime handledAt, String handledBy) {

    public static InboxItemView of(InboxItem item) {
        return new InboxItemView(item.id, item.kind.name(), item.fromCounty, item.moveId, item.verificationId,
                item.createdAt, item.handled, item.handledAt, item.handledBy);
    }
}
