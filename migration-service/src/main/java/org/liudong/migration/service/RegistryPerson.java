package org.liudong.migration.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.util.UUID;

/** A person as {@code GET /api/registry/persons/{id}} returns it (only the fields this service needs). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistryPerson(UUID id, String idNumber, String name, String sex, LocalDate birthDate,
                             String registryCounty, UUID householdId, String status) {
}
