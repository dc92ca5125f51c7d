/**
 * The assignment document for whoever may read the assignment. Printing is a read of the person
 * and is audited; a protected identity's name is printed only for those who may reveal it (the
 * authority and the provider's managers), and that reveal is audited with its reason.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { inTenant } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { writeAudits, type AuditEvent } from '../../platform/audit/audit.ts';
import { canRevealProtectedIdentity } from '../persons/index.ts';
import { readAssignment } from './assignment-detail.ts';
import { assignmentFilename, renderAssignmentDocument } from './assignment.document.ts';

export interface AssignmentDocument {
  filename: string;
  pdf: Buffer;
}

export async function getAssignmentDocument(
  db: Db,
  actor: PositionedActor,
  assignmentId: string,
): Promise<AssignmentDocument> {
  const { detail, personName, municipalityName } = await inTenant(db, actor.municipalityId, async (trx) => {
    const { detail, person } = await readAssignment(trx, actor, assignmentId);
    const mayPrintName = !person.protectedIdentity || canRevealProtectedIdentity(actor.position);
    const events: AuditEvent[] = [
      {
        action: 'person.read',
        entityType: 'assignment',
        entityId: assignmentId,
        personId: person.id,
        details: { section: 'assignment_document' },
      },
    ];
    if (person.protectedIdentity && mayPrintName) {
      events.push({
        action: 'person.reveal_protected',
        entityType: 'person',
        entityId: person.id,
        personId: person.id,
        details: { reason: `Uppdragsdokument ${detail.assignmentNumber}` },
      });
    }
    await writeAudits(trx, actor, events);
    const { rows } = await sql<{
      name: string;
    }>`select name from municipalities where id = ${actor.municipalityId}`.execute(trx);
    return {
      detail,
      personName: mayPrintName ? `${person.firstName} ${person.lastName}` : null,
      municipalityName: rows[0]?.name ?? '',
    };
  });
  // Rendered after the transaction: the connection goes back to the pool while pdfmake works.
  const pdf = await renderAssignmentDocument({ assignment: detail, municipalityName, personName });
  return { filename: assignmentFilename(detail.assignmentNumber), pdf };
}
