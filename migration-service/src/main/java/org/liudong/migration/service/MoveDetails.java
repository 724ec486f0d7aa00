package org.liudong.migration.service;

import org.liudong.migration.domain.Move;
import org.liudong.migration.domain.MoveHistory;
import org.liudong.migration.domain.PersonData;
import org.liudong.migration.domain.Verification;

import java.util.List;

/** A move as a reader may see it: the person's data only when the reader is entitled to it (else null). */
public record MoveDetails(Move move, PersonData person, List<MoveHistory> history, List<Verification> verifications) {
}
