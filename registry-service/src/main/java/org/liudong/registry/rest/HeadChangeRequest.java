package org.liudong.registry.rest;

import jakarta.validation.constraints.NotNull;
import org.liudong.registry.domain.Relation;

import java.util.UUID;

/** Makes a member the head; the former head takes {@code formerHeadRelation} (OTHER when absent). */
public record HeadChangeRequest(@NotNull UUID personId, Relation formerHeadRelation) {
}
