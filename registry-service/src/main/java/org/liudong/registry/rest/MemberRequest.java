package org.liudong.registry.rest;

import jakarta.validation.constraints.NotNull;
import org.liudong.registry.domain.Relation;

import java.util.UUID;

/** Adds a registered person to this household, moving them out of their current one if they have one. */
public record MemberRequest(@NotNull UUID personId, @NotNull Relation relation) {
}
