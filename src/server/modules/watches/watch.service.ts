/**
 * The watch machinery (issue 16). Nobody keeps a list: every item is computed from the data by
 * the registered rules (watch-rules.ts), for a desk when someone looks, and for the whole
 * municipality when the checks run (watch-worker.ts) — which is also when each step's reminder or
 * escalation is sent, once: the step is claimed in watch_notifications in the same transaction as
 * its message, and a claim already made (by an earlier check or by another server) is skipped.
 */
import type { Db } from '../../platform/db/database.ts';
import { inTenant, type Trx } from '../../platform/db/tenant.ts';
import type { PositionedActor } from '../../platform/access/actor.ts';
import { loadAssignmentScope } from '../../platform/access/assignment-scope.ts';
import { writeAudit, writeAudits } from '../../platform/audit/audit.ts';
import { sql } from 'kysely';
import { systemClock, todayBy, type Clock } from '../../platform/clock.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { Finding, WatchSettings } from '../../../domain/deadline-rules.ts';
import type * as contract from '../../../contract/watches.ts';
import { writeEventMessages, type NewEventMessage } from '../messages/index.ts';
import { RULES, type Addressee, type At, type Desk, type Notice, type Registration } from './watch-rules.ts';
import type { ItemContext, WatchScope } from './watch-facts.repository.ts';
import * as repo from './watch.repository.ts';
import * as policy from './watch.policy.ts';

export function atOf(clock: Clock = systemClock): At {
  const now = clock.now();
  return { now, today: todayBy({ now: () => now }) };
}

interface Judged {
  registration: Registration;
  fact: ItemContext;
  finding: Finding;
}

async function scopeFor(trx: Trx, actor: PositionedActor, desk: policy.WatchDesk): Promise<WatchScope> {
  const { position } = actor;
  switch (desk) {
    case 'officer':
      return { kind: 'officer', userId: actor.userId, personScopeUnitIds: position.personScopeUnitIds };
    case 'authority_manager':
      return { kind: 'authority_units', unitIds: position.unitsBelow, personScopeUnitIds: position.personScopeUnitIds };
    case 'provider':
      return {
        kind: 'provider',
        assignments: await loadAssignmentScope(trx, actor),
        unitIds: position.unitsBelow.filter((unitId) => position.personScopeUnitIds.includes(unitId)),
        personScopeUnitIds: position.personScopeUnitIds,
      };
  }
}

const STATE_ORDER = { overdue: 0, due: 1, approaching: 2 } as const;

/** Steps claimed per statement. */
const CLAIM_CHUNK = 2_000;

/** The list shows the most urgent this many; the counts count them all. */
export const WATCH_LIST_LIMIT = 100;

interface DeskRules {
  desk: Desk;
  scope: WatchScope;
  settings: WatchSettings;
  rules: readonly Registration[];
}

/** The caller's desk, its scope and settings, and the rules it lists; null for a position without one. */
async function deskRulesOf(trx: Trx, actor: PositionedActor): Promise<DeskRules | null> {
  const watchDesk = policy.watchDeskOf(actor.position);
  if (watchDesk === null) return null;
  const desk: Desk = watchDesk === 'provider' ? 'provider' : 'officer';
  return {
    desk,
    scope: await scopeFor(trx, actor, watchDesk),
    settings: await repo.findSettings(trx),
    rules: RULES.filter((rule) => rule.desks.includes(desk)),
  };
}

async function judgeForDesk(
  trx: Trx,
  actor: PositionedActor,
  at: At,
): Promise<{ desk: Desk; judged: Judged[] } | null> {
  const found = await deskRulesOf(trx, actor);
  if (found === null) return null;
  const { scope, settings } = found;
  const judged: Judged[] = [];
  for (const registration of found.rules) {
    judged.push(...judgeAll(registration, await registration.load(trx, scope, at, settings), at, settings));
  }
  judged.sort(
    (a, b) =>
      STATE_ORDER[a.finding.state] - STATE_ORDER[b.finding.state] ||
      a.finding.dueOn.localeCompare(b.finding.dueOn) ||
      a.fact.subjectId.localeCompare(b.fact.subjectId),
  );
  return { desk: found.desk, judged };
}

function judgeAll(
  registration: Registration,
  facts: readonly ItemContext[],
  at: At,
  settings: WatchSettings,
): Judged[] {
  const judged: Judged[] = [];
  for (const fact of facts) {
    const finding = registration.judge(fact, at, settings);
    if (finding) judged.push({ registration, fact, finding });
  }
  return judged;
}

function countsOf(judged: readonly Judged[]): contract.WatchCounts {
  const counts = { approaching: 0, due: 0, overdue: 0 };
  for (const { finding } of judged) counts[finding.state] += 1;
  return counts;
}

function toItem({ registration, fact, finding }: Judged): contract.WatchItem {
  const { person } = fact;
  return {
    rule: registration.rule,
    subjectId: fact.subjectId,
    state: finding.state,
    dueOn: finding.dueOn,
    since: registration.since(fact),
    person: person.protectedIdentity ? { ...person, firstName: null, lastName: null } : person,
    caseId: fact.caseId,
    caseNumber: fact.caseNumber,
    decisionId: fact.decisionId,
    decisionNumber: fact.decisionNumber,
    interventionName: fact.interventionName,
    provider: fact.provider,
    assignment: fact.assignment,
    steps: [...finding.steps],
  };
}

/** The watches on the caller's desk, most urgent first; each person listed is an audited list hit. */
export async function listWatches(db: Db, actor: PositionedActor, clock?: Clock): Promise<contract.WatchList> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const found = await judgeForDesk(trx, actor, atOf(clock));
    if (found === null) throw new ForbiddenError('Din befattning har inga tidsfrister att bevaka.');
    const shown = found.judged.slice(0, WATCH_LIST_LIMIT);
    await writeAudits(
      trx,
      actor,
      shown.map(({ registration, fact }) => ({
        action: 'person.list_hit',
        entityType: registration.rule,
        entityId: fact.subjectId,
        personId: fact.person.id,
        details: { list: 'watches' },
      })),
    );
    return { desk: found.desk, items: shown.map(toItem), counts: countsOf(found.judged) };
  });
}

/**
 * The desk's counter, inside the desk's transaction: counts show no names, so are not audited.
 * A rule's `count` loader reads only what its judgement needs.
 */
export async function countWatchesIn(
  trx: Trx,
  actor: PositionedActor,
  clock?: Clock,
): Promise<contract.WatchCounts | null> {
  const found = await deskRulesOf(trx, actor);
  if (found === null) return null;
  const { scope, settings } = found;
  const at = atOf(clock);
  const counts = { approaching: 0, due: 0, overdue: 0 };
  for (const registration of found.rules) {
    const facts = registration.count
      ? await registration.count(trx, scope, at, settings)
      : await registration.load(trx, scope, at, settings);
    for (const fact of facts) {
      const finding = registration.judge(fact, at, settings);
      if (finding) counts[finding.state] += 1;
    }
  }
  return counts;
}

/** The counters for the desk's navigation and Att göra, read on their own so the overview stays quick. */
export async function getWatchCounts(db: Db, actor: PositionedActor, clock?: Clock): Promise<contract.WatchCounts> {
  return inTenant(db, actor.municipalityId, async (trx) => {
    const counts = await countWatchesIn(trx, actor, clock);
    if (counts === null) throw new ForbiddenError('Din befattning har inga tidsfrister att bevaka.');
    return counts;
  });
}

export async function getWatchSettings(db: Db, actor: PositionedActor): Promise<contract.WatchSettings> {
  return inTenant(db, actor.municipalityId, (trx) => repo.findSettings(trx));
}

export async function updateWatchSettings(
  db: Db,
  actor: PositionedActor,
  input: contract.WatchSettings,
): Promise<contract.WatchSettings> {
  if (!policy.canKeepWatchSettings(actor.position))
    throw new ForbiddenError('Bara administratören ändrar bevakningarnas tider.');
  return inTenant(db, actor.municipalityId, async (trx) => {
    const before = await repo.findSettings(trx);
    await repo.saveSettings(trx, actor.municipalityId, input, actor.userId);
    await writeAudit(trx, actor, { action: 'watch_settings.update', details: { before, after: input } });
    return repo.findSettings(trx);
  });
}

/** Every watch of a municipality, judged and counted per rule and state, nothing sent (the benchmark's measure). */
export async function computeWatches(
  db: Db,
  municipalityId: string,
  clock?: Clock,
): Promise<Record<string, contract.WatchCounts>> {
  const at = atOf(clock);
  return inTenant(db, municipalityId, async (trx) => {
    const settings = await repo.findSettings(trx);
    const result: Record<string, contract.WatchCounts> = {};
    for (const registration of RULES) {
      const facts = await registration.load(trx, { kind: 'municipality' }, at, settings);
      result[registration.rule] = countsOf(judgeAll(registration, facts, at, settings));
    }
    return result;
  });
}

export interface CheckReport {
  municipalityId: string;
  /** Per rule: items watched now, and steps sent by this check. */
  rules: Record<string, { watched: number; notified: number }>;
}

/**
 * Computes every watch of a municipality and sends each step reached and not yet sent. Two
 * servers checking at once queue on a transaction lock, so the second finds the first's claims;
 * the claim's key is what guarantees once even without it. A check after downtime sends what fell
 * due meanwhile, since the rules judge the data as it is now.
 */
export async function runWatchChecks(db: Db, municipalityId: string, clock?: Clock): Promise<CheckReport> {
  const at = atOf(clock);
  return inTenant(db, municipalityId, async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('vardag.watch_checks'), hashtext(${municipalityId}))`.execute(trx);
    const settings = await repo.findSettings(trx);
    const report: CheckReport = { municipalityId, rules: {} };
    const recipients = new Recipients(trx);
    for (const registration of RULES) {
      const facts = await registration.load(trx, { kind: 'municipality' }, at, settings);
      const judged = judgeAll(registration, facts, at, settings);
      const notified = registration.notice ? await notify(trx, municipalityId, judged, recipients) : 0;
      report.rules[registration.rule] = { watched: judged.length, notified };
    }
    return report;
  });
}

/** Claims every step reached and not yet sent, in chunks, and writes each claimed step's message. */
async function notify(
  trx: Trx,
  municipalityId: string,
  judged: readonly Judged[],
  recipients: Recipients,
): Promise<number> {
  const due = judged.filter(({ finding }) => finding.steps.length > 0);
  if (due.length === 0) return 0;
  const rule = due[0]!.registration.rule;
  let count = 0;
  for (let start = 0; start < due.length; start += CLAIM_CHUNK) {
    const chunk = due.slice(start, start + CLAIM_CHUNK);
    const sent = new Set(
      (
        await repo.listSentSteps(
          trx,
          rule,
          chunk.map(({ fact }) => fact.subjectId),
        )
      ).map((s) => `${s.subjectId}:${s.step}`),
    );
    const wanted = chunk.flatMap(({ fact, finding }) =>
      finding.steps
        .filter((step) => !sent.has(`${fact.subjectId}:${step}`))
        .map((step) => ({ subjectId: fact.subjectId, step, personId: fact.person.id })),
    );
    const claimed = new Set(
      (await repo.claimSteps(trx, municipalityId, rule, wanted)).map((c) => `${c.subjectId}:${c.step}`),
    );
    const byId = new Map(chunk.map((item) => [item.fact.subjectId, item]));
    const toSend = wanted.filter((c) => claimed.has(`${c.subjectId}:${c.step}`));
    const messages: NewEventMessage[] = [];
    for (const claim of toSend) {
      const { registration, fact, finding } = byId.get(claim.subjectId)!;
      const notice = registration.notice?.(fact, claim.step, finding) ?? null;
      messages.push(notice ? await messageOf(fact, notice, recipients) : NO_MESSAGE);
    }
    const messageIds = await writeEventMessages(trx, municipalityId, messages);
    const written = toSend.map((claim, index) => ({ ...claim, messageId: messageIds[index] ?? null }));
    await repo.auditNotifications(trx, municipalityId, rule, written);
    count += written.length;
  }
  return count;
}

/** A step with no message (or nobody to reach) is still claimed, so it is never tried again. */
const NO_MESSAGE: NewEventMessage = { subject: '', body: '', recipientUserIds: [], addressedTo: '' };

async function messageOf(fact: ItemContext, notice: Notice, recipients: Recipients): Promise<NewEventMessage> {
  const userIds = new Set<string>();
  const addressed: string[] = [];
  for (const to of notice.to) {
    const found = await recipients.of(to, fact);
    for (const id of found.userIds) userIds.add(id);
    if (found.userIds.length) addressed.push(found.label);
  }
  return {
    subject: notice.subject,
    body: notice.body,
    recipientUserIds: [...userIds],
    personId: fact.person.id,
    assignmentId: fact.assignment?.id ?? null,
    addressedTo: addressed.join('; '),
  };
}

/** Who an addressee is for an item; a provider's managers are looked up once per check. */
class Recipients {
  private readonly managers = new Map<string, string[]>();

  constructor(private readonly trx: Trx) {}

  async of(to: Addressee, fact: ItemContext): Promise<{ userIds: string[]; label: string }> {
    switch (to) {
      case 'case_officer':
        return { userIds: [fact.caseOfficerId], label: `Handläggare för ärende ${fact.caseNumber}` };
      case 'sender': {
        const sender = 'sentById' in fact && typeof fact.sentById === 'string' ? fact.sentById : fact.caseOfficerId;
        return { userIds: [sender], label: `Avsändare av uppdrag ${fact.assignment?.number ?? ''}` };
      }
      case 'provider_managers': {
        if (fact.provider === null) return { userIds: [], label: '' };
        let ids = this.managers.get(fact.provider.id);
        if (!ids) {
          ids = await repo.listUnitManagers(this.trx, fact.provider.id);
          this.managers.set(fact.provider.id, ids);
        }
        return { userIds: ids, label: `Chefer vid ${fact.provider.name}` };
      }
    }
  }
}
