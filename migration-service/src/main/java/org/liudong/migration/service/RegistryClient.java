package org.liudong.migration.service;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.UUID;

@Path("/api/registry/persons")
public interface RegistryClient {

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    RegistryPerson person(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);
}
