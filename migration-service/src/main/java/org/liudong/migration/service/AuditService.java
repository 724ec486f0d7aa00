package org.liudong.migration.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.liudong.migration.domain.AuditEntry;
import org.liudong.migration.repository.AuditRepository;
import org.liudong.migration.repository.MoveRepository;
import org.liudong.migration.security.MoveAccess;
import org.liudong.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** Who read a person's basic data through which move: for supervisors of the counties involved. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AuditService {

    private final AuditRepository entries;
    private final MoveRepository moves;
    private final MoveAccess access;

    public AuditService(AuditRepository entries, MoveRepository moves, MoveAccess access) {
        this.entries = entries;
        this.moves = moves;
        this.access = access;
    }

    /** @param subject a move id or a person id */
    public List<AuditEntry> of(UUID subject) {
        List<AuditEntry> found = entries.ofSubject(subject);
        boolean visible = found.stream().map(e -> e.moveId).distinct()
                .map(moves::findById)
                .allMatch(move -> move != null && access.canAudit(move));
        if (!visible) {
            throw ProblemException.notFound("The subject");
        }
        return found;
    }
}
