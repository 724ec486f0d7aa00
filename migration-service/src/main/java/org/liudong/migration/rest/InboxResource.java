package org.liudong.migration.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.liudong.migration.domain.InboxItem;
import org.liudong.migration.service.InboxService;
import org.liudong.platform.security.Caller;

import java.util.UUID;

@Path("/api/migration/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    private final InboxService inbox;

    public InboxResource(InboxService inbox) {
        this.inbox = inbox;
    }

    @GET
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR, Caller.SUPERVISOR})
    public PageView<InboxItemView> list(@QueryParam("county") @NotNull @Pattern(regexp = "\\d{6}") String county,
                                        @QueryParam("kind") String kind,
                                        @QueryParam("handled") Boolean handled,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return PageView.of(inbox.list(county, QueryParams.enumOf(InboxItem.Kind.class, kind, "kind"), handled), page, size, InboxItemView::of);
    }

    /** Marking an item handled twice changes nothing: the call is idempotent by nature. */
    @POST
    @Path("/{id}/handled")
    @RolesAllowed({Caller.CLERK, Caller.INTEGRATOR})
    public InboxItemView markHandled(@PathParam("id") UUID id) {
        return InboxItemView.of(inbox.markHandled(id));
    }
}
