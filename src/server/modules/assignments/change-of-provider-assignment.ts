/**
 * The new assignment a change of provider sends: the same case and decision as the rows' own
 * assignment, carrying the chosen rows' interventions with their planned time, the life areas and
 * instructions copied, and a first line saying it is a change of provider. It is written and sent
 * with this module's own pieces (number series, draft rows, sending, state, event,
 * person link, receivers), so it reads at the new provider exactly like one from the case officer.
 */
import type { Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { formatRunningNumber, takeNextNumber } from '../../platform/db/number-series.ts';
import { todayInSweden } from '../../../domain/dates.ts';
import { formatMinutesAsHours } from '../../../domain/granted-time.ts';
import { totalGrantedMinutes, totalStaffMinutes } from '../../../domain/assignment-time.ts';
import { writeMessage } from '../messages/index.ts';
import { ASSIGNMENT_NUMBER_PREFIX } from './assignment.service.ts';
import * as assignments from './assignment.repository.ts';
import { listGrantedInterventions } from './assignment-context.repository.ts';
import * as write from './assignment-write.repository.ts';
import { resolveReceivers } from './assignment-detail.ts';

/** The instructions column holds at most this many characters. */
const MAX_INSTRUCTIONS = 8000;

export interface ChangeAssignmentInput {
  from: assignments.AssignmentRecord;
  /** The assignment interventions the moving rows carry out. */
  assignmentInterventionIds: ReadonlySet<string>;
  fromUnitName: string;
  toProvider: { id: string; name: string };
  toUnitName: string;
  changeDate: string;
  note: string | null;
}

export interface SentChangeAssignment {
  id: string;
  assignmentNumber: string;
  recipientCount: number;
}

/** Writes and sends the new assignment in the caller's transaction. */
export async function sendChangeAssignment(
  trx: Trx,
  actor: PositionedActor,
  input: ChangeAssignmentInput,
): Promise<SentChangeAssignment> {
  const { from } = input;
  const moving = (await assignments.listAssignmentInterventions(trx, from.id)).filter((row) =>
    input.assignmentInterventionIds.has(row.id),
  );
  const granted = new Map((await listGrantedInterventions(trx, from.decision.id)).map((row) => [row.id, row]));
  const interventions = moving.flatMap((row) => {
    const grantedRow = granted.get(row.decisionInterventionId);
    return grantedRow
      ? [
          {
            granted: grantedRow,
            minutesPerOccasion: row.minutesPerOccasion,
            plannedDays: row.plannedDays,
            plannedTimes: row.plannedTimes,
            isTwoStaff: row.isTwoStaff,
            note: row.note,
          },
        ]
      : [];
  });
  const times = moving.map((row) => ({
    scopeUnit: row.scopeUnit,
    grantedAmount: row.grantedAmount,
    minutesPerOccasion: row.minutesPerOccasion,
    isTwoStaff: row.isTwoStaff,
  }));
  const lifeAreas = await assignments.listLifeAreas(trx, from.id);
  const heading = `Byte av utförare från ${input.fromUnitName} fr.o.m. ${input.changeDate} (tidigare uppdrag ${from.assignmentNumber}).`;
  const instructions = [heading, input.note, from.instructions].filter(Boolean).join('\n\n').slice(0, MAX_INSTRUCTIONS);

  const year = Number(todayInSweden().slice(0, 4));
  const assignmentNumber = formatRunningNumber(
    ASSIGNMENT_NUMBER_PREFIX,
    year,
    await takeNextNumber(trx, actor.municipalityId, 'assignment', year),
  );
  const id = await write.insertDraft(trx, {
    municipalityId: actor.municipalityId,
    assignmentNumber,
    caseId: from.caseId,
    decisionId: from.decision.id,
    personId: from.person.id,
    createdById: actor.userId,
    providerId: input.toProvider.id,
    interventions,
    lifeAreas: lifeAreas.map((area) => ({ lifeArea: area.lifeArea, need: area.need, goal: area.goal })),
    instructions,
    isNewClient: false,
    handoverBy: null,
    handoverAt: null,
    replacesAssignmentId: null,
    totalGrantedMinutes: totalGrantedMinutes(times),
    totalStaffMinutes: totalStaffMinutes(times),
  });
  await write.markSent(trx, id, 1, actor.userId, 'system');
  await write.insertNewState(trx, actor.municipalityId, id, actor.userId);
  await write.insertEvent(trx, actor.municipalityId, id, 'sent', actor.userId, heading);
  await write.linkPersonToProvider(trx, actor.municipalityId, from.person.id, input.toProvider.id, id);

  const receivers = await resolveReceivers(
    trx,
    input.toProvider.id,
    from.serviceArea,
    moving.some((row) => row.isPersonalAlarm),
  );
  const lines = [
    `${input.fromUnitName} flyttar insatser till ${input.toProvider.name} fr.o.m. ${input.changeDate} (byte av utförare). Önskad enhet: ${input.toUnitName}.`,
    `Insatser: ${moving.map((row) => row.name).join(', ')}.`,
    `Beviljad tid totalt: ${formatMinutesAsHours(totalGrantedMinutes(times))} per månad (avrundat uppåt till närmaste kvart).`,
  ];
  if (moving.some((row) => row.isTwoStaff))
    lines.push(
      `Dubbelbemanning: ${moving
        .filter((row) => row.isTwoStaff)
        .map((row) => row.name)
        .join(', ')}.`,
    );
  if (input.note) lines.push(`Meddelande: ${input.note}`);
  lines.push('Öppna uppdraget under Nya uppdrag för att acceptera och fördela det, eller stoppa det.');
  // Names the assignment, not the person, like every new-assignment message.
  const { recipientCount } = await writeMessage(trx, {
    municipalityId: actor.municipalityId,
    senderId: null,
    subject: `Nytt uppdrag ${assignmentNumber} (byte av utförare)`,
    body: lines.join('\n'),
    recipientUserIds: receivers.users.map((user) => user.id),
    sendListIds: receivers.alarmGroups.map((group) => group.id),
    assignmentId: id,
    addressedTo: [
      `${input.toProvider.name} (mottagare av nya uppdrag)`,
      ...receivers.alarmGroups.map((group) => group.name),
    ].join('; '),
  });
  return { id, assignmentNumber, recipientCount };
}
