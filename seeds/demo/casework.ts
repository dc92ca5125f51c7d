/**
 * Exempelkommun's casework, so that whoever tries the demo finds work waiting: cases and decisions
 * for the officers, assignments under Nya uppdrag, delivery at Blandaren htj ute to acknowledge or
 * running, and one person whose support ended ten days ago (Ej aktuella – att avsluta). Written
 * through the same builders as the tests and benchmarks, so numbers, states, history and the
 * person–unit links (case → authority unit, assignment → provider, provider case → unit) are the
 * app's own. Dates count back from today, so the demo always looks current.
 */
import { sql } from 'kysely';
import { todayInSweden } from '../../src/domain/dates.ts';
import { addDays } from '../../src/domain/periods.ts';
import type { LifeArea } from '../../src/contract/assignments.ts';
import type { Trx } from '../../src/server/platform/db/tenant.ts';
import { endDelivery } from '../../src/server/modules/delivery-changes/delivery-history.repository.ts';
import { createAssignment } from '../lib/assignments.ts';
import { createCase, createDecision } from '../lib/cases.ts';
import type { CatalogueIds, ScopeUnit } from '../lib/catalogue.ts';
import { createDeliveries, type FrequencyUnit } from '../lib/deliveries.ts';

/**
 * How far a case has come; each stage after 'decided' includes the ones before it. waiting: sent
 * to delivery, not yet acknowledged; started: acknowledged, with a start date; ended: the rows
 * ended ten days ago.
 */
type Stage = 'refused' | 'decided' | 'draft' | 'new' | 'waiting' | 'started' | 'ended';
type Area = 'AO' | 'LSS' | 'IFO';
/** [intervention type, granted amount (null when the scope is none), minutes per occasion]. */
type Granted = [name: string, amount: number | null, minutes: number | null];

interface CaseSpec {
  area: Area;
  stage: Stage;
  decidedDaysAgo: number;
  /** The period's length in days, when not tills vidare. */
  periodDays?: number;
  interventions: Granted[];
  /** A named person; otherwise the next one registered at the area's authority unit (see choosePerson). */
  identityNumber?: string;
  instructions?: string;
  need?: [LifeArea, need: string, goal: string];
}

const CARE: Granted[] = [
  ['Personlig omvårdnad', 20, 30],
  ['Service', 4, 60],
];
const SELF_CARE: CaseSpec['need'] = [
  'self_care',
  'Behöver hjälp med dusch och av- och påklädning.',
  'Klara vardagen hemma.',
];

const CASES: CaseSpec[] = [
  {
    area: 'AO',
    stage: 'started',
    decidedDaysAgo: 45,
    identityNumber: '19380303-9142',
    interventions: [...CARE, ['Trygghetslarm', null, null]],
    need: SELF_CARE,
    instructions: 'Moira vill ha besök före kl. 9. Nyckel finns i nyckelskåpet.',
  },
  { area: 'AO', stage: 'started', decidedDaysAgo: 30, interventions: CARE, need: SELF_CARE },
  {
    area: 'AO',
    stage: 'waiting',
    decidedDaysAgo: 8,
    interventions: CARE,
    need: SELF_CARE,
    instructions: 'Ny omsorgstagare efter sjukhusvistelse. Behöver hjälp med dusch två gånger i veckan.',
  },
  {
    area: 'AO',
    stage: 'new',
    decidedDaysAgo: 3,
    interventions: CARE,
    need: SELF_CARE,
    instructions: 'Hemgång från sjukhus på fredag. Ring dottern före första besöket.',
  },
  {
    area: 'AO',
    stage: 'new',
    decidedDaysAgo: 2,
    interventions: [
      ['Personlig omvårdnad', 12, 20],
      ['Trygghetslarm', null, null],
    ],
    need: [
      'sense_of_security',
      'Har fallit två gånger i hemmet och känner sig otrygg på natten.',
      'Känna sig trygg hemma.',
    ],
  },
  {
    area: 'AO',
    stage: 'draft',
    decidedDaysAgo: 1,
    interventions: [['Service', 6, 60]],
    need: ['domestic_life', 'Orkar inte städa och handla själv.', 'Ha ett rent hem och mat hemma.'],
  },
  { area: 'AO', stage: 'ended', decidedDaysAgo: 150, interventions: CARE },
  // For Tidsfrister (issue 16): a decision past two months, one past three (in the last quarter's
  // IVO report), one accepted three months ago whose start never came, a short-term stay with no
  // place yet, and a period that ends in three weeks.
  { area: 'AO', stage: 'decided', decidedDaysAgo: 70, interventions: [['Service', 6, 60]] },
  { area: 'AO', stage: 'decided', decidedDaysAgo: 200, interventions: [['Dagverksamhet', 8, null]] },
  { area: 'AO', stage: 'waiting', decidedDaysAgo: 100, interventions: CARE, need: SELF_CARE },
  { area: 'AO', stage: 'decided', decidedDaysAgo: 5, interventions: [['Korttidsboende', 10, null]] },
  { area: 'AO', stage: 'started', decidedDaysAgo: 345, periodDays: 365, interventions: CARE, need: SELF_CARE },
  { area: 'AO', stage: 'refused', decidedDaysAgo: 12, interventions: [['Service', 8, null]] },
  { area: 'LSS', stage: 'decided', decidedDaysAgo: 14, interventions: [['Daglig verksamhet', 5, null]] },
  {
    area: 'IFO',
    stage: 'new',
    decidedDaysAgo: 6,
    interventions: [['Familjestöd', 3, null]],
    need: ['interpersonal', 'Föräldrarna vill ha stöd i konflikter med sin tonåring.', 'Färre konflikter hemma.'],
  },
];

/** Who works each area in the demo (seeds/demo/users.ts, organisation.ts). */
const AREAS: Record<Area, { authorityUnit: string; officer: string; legalBasis: string; provider: string }> = {
  AO: {
    authorityUnit: 'Äldreomsorgens myndighetsenhet',
    officer: 'handlaggare',
    legalBasis: 'SoL 11 kap. 1 §',
    provider: 'Hemtjänst egen regi',
  },
  LSS: { authorityUnit: 'LSS-handläggning', officer: 'lsshandl', legalBasis: 'LSS 9 § 10', provider: 'LSS egen regi' },
  IFO: {
    authorityUnit: 'IFO Mottagning och utredning',
    officer: 'ifohandl',
    legalBasis: 'SoL 11 kap. 1 §',
    provider: 'IFO egen regi',
  },
};
/** ÄO delivery: home care at Blandaren htj ute, alarms at Larmgruppen; the verksamhetschef distributes, unit staff acknowledge. */
const HOME_CARE_UNIT = 'Blandaren htj ute';
const ALARM_UNIT = 'Larmgruppen';
const ACKNOWLEDGED_BY: Record<string, string> = { [HOME_CARE_UNIT]: 'personal', [ALARM_UNIT]: 'larmansvarig' };
const STAGES: Stage[] = ['decided', 'draft', 'new', 'waiting', 'started', 'ended'];
const reached = (spec: CaseSpec, stage: Stage) =>
  spec.stage !== 'refused' && STAGES.indexOf(spec.stage) >= STAGES.indexOf(stage);

export interface DemoRefs {
  municipalityId: string;
  unit: (name: string) => string;
  userId: (username: string) => string;
  catalogue: CatalogueIds;
}

export async function createDemoCasework(trx: Trx, refs: DemoRefs): Promise<void> {
  const today = todayInSweden();
  const used: string[] = [];
  for (const spec of CASES) {
    const personId = await choosePerson(trx, refs, spec, used);
    used.push(personId);
    await createOne(trx, refs, spec, personId, today);
  }
}

async function createOne(
  trx: Trx,
  { municipalityId, unit, userId, catalogue }: DemoRefs,
  spec: CaseSpec,
  personId: string,
  today: string,
): Promise<void> {
  const area = AREAS[spec.area];
  const officerId = userId(area.officer);
  const decisionDate = addDays(today, -spec.decidedDaysAgo);
  const types = await interventionTypes(trx, catalogue, spec);
  const opened = await createCase(trx, {
    municipalityId,
    personId,
    serviceArea: spec.area,
    authorityUnitId: unit(area.authorityUnit),
    caseOfficerId: officerId,
    openedOn: addDays(decisionDate, -14),
  });
  const isRefused = spec.stage === 'refused';
  const decision = await createDecision(trx, {
    municipalityId,
    caseId: opened.id,
    decidedById: officerId,
    legalBasisId: catalogue.legalBases.get(area.legalBasis)!,
    outcome: isRefused ? 'refused' : 'granted',
    decisionDate,
    periodFrom: decisionDate,
    periodTo: spec.periodDays ? addDays(decisionDate, spec.periodDays - 1) : null,
    justification: isRefused
      ? 'Behovet kan tillgodoses på annat sätt, genom matleverans och anhörigas hjälp.'
      : 'Behovet kan inte tillgodoses på annat sätt.',
    interventions: types.map((type) => ({
      interventionTypeId: type.id,
      grantedAmount: type.amount,
      scopeUnit: type.scopeUnit,
    })),
  });
  if (!reached(spec, 'draft')) return;

  const assignment = await createAssignment(trx, {
    municipalityId,
    caseId: opened.id,
    decisionId: decision.id,
    personId,
    providerId: unit(area.provider),
    createdById: officerId,
    instructions: spec.instructions ?? null,
    isNewClient: true,
    handoverBy: 'Karin Holm',
    handoverAt: new Date(`${decisionDate}T10:00:00`),
    interventions: types.map((type, index) => ({
      decisionInterventionId: decision.interventionIds[index]!,
      interventionTypeId: type.id,
      grantedAmount: type.amount,
      scopeUnit: type.scopeUnit,
      minutesPerOccasion: type.minutes,
      plannedDays: type.minutes === null ? [] : ['mon', 'wed', 'fri'],
    })),
    lifeAreas: spec.need ? [{ lifeArea: spec.need[0], need: spec.need[1], goal: spec.need[2] }] : [],
    ...(reached(spec, 'new') ? { sent: { byId: officerId } } : {}),
  });
  if (!reached(spec, 'waiting')) return;

  // One distribution, sent to delivery per unit; each unit's staff acknowledge their own provider case.
  const rowIds = await trx
    .selectFrom('assignment_interventions')
    .select(['id', 'decision_intervention_id'])
    .where('municipality_id', '=', municipalityId)
    .where('assignment_id', '=', assignment.id)
    .execute();
  const isWaiting = spec.stage === 'waiting';
  const sentOn = isWaiting ? addDays(today, -1) : addDays(decisionDate, 3);
  const periodFrom = addDays(sentOn, 2);
  const deliveryIds: string[] = [];
  for (const unitName of [HOME_CARE_UNIT, ALARM_UNIT]) {
    const rows = types.flatMap((type, index) =>
      (type.isAlarm ? ALARM_UNIT : HOME_CARE_UNIT) !== unitName
        ? []
        : [
            {
              assignmentInterventionId: rowIds.find(
                (row) => row.decision_intervention_id === decision.interventionIds[index],
              )!.id,
              providerUnitId: unit(unitName),
              periodFrom,
              periodTo: spec.periodDays ? addDays(decisionDate, spec.periodDays - 1) : null,
              startedOn: isWaiting ? null : periodFrom,
              formOfDelivery: type.isAlarm ? 'Trygghetslarm' : 'Hemtjänst dag',
              days: type.isAlarm ? null : ('whole_week' as const),
              ...(isFrequencyUnit(type.scopeUnit) ? { frequency: type.amount, frequencyUnit: type.scopeUnit } : {}),
            },
          ],
    );
    if (!rows.length) continue;
    const created = await createDeliveries(trx, {
      municipalityId,
      assignmentId: assignment.id,
      createdById: userId('vchef'),
      sentOn,
      rows,
      ...(isWaiting ? {} : { acknowledgedById: userId(ACKNOWLEDGED_BY[unitName]!) }),
    });
    deliveryIds.push(...created.deliveryIds);
  }
  if (spec.stage !== 'ended') return;
  for (const deliveryId of deliveryIds) {
    const { version } = await trx
      .selectFrom('deliveries')
      .select('version')
      .where('id', '=', deliveryId)
      .executeTakeFirstOrThrow();
    await endDelivery(
      trx,
      deliveryId,
      version,
      addDays(today, -10),
      'Flyttat till vård- och omsorgsboende',
      userId('enhetschef'),
    );
  }
}

/** The named person, or the next one not yet used: living, unprotected, with a personnummer, registered at the authority unit. */
async function choosePerson(
  trx: Trx,
  { municipalityId, unit }: DemoRefs,
  spec: CaseSpec,
  used: readonly string[],
): Promise<string> {
  let query = trx
    .selectFrom('persons as p')
    .innerJoin('person_unit_links as l', (join) =>
      join.onRef('l.municipality_id', '=', 'p.municipality_id').onRef('l.person_id', '=', 'p.id'),
    )
    .select('p.id')
    .where('p.municipality_id', '=', municipalityId)
    .where('l.unit_id', '=', unit(AREAS[spec.area].authorityUnit))
    .where('p.identity_kind', '=', 'personnummer')
    .where('p.protected_identity', '=', false)
    .where('p.deceased_date', 'is', null);
  if (spec.identityNumber) query = query.where('p.identity_number', '=', spec.identityNumber);
  if (used.length) query = query.where('p.id', 'not in', [...used]);
  // A fixed shuffle, so the demo's people are spread over names and ages yet the same on every seed.
  const row = await query.orderBy(sql`md5(p.identity_number)`).executeTakeFirstOrThrow();
  return row.id;
}

async function interventionTypes(trx: Trx, catalogue: CatalogueIds, spec: CaseSpec) {
  const types = [];
  for (const [name, amount, minutes] of spec.interventions) {
    const id = catalogue.interventionTypes.get(`${spec.area}:${name}`);
    if (!id) throw new Error(`Demo intervention type missing: ${spec.area}:${name}`);
    const type = await trx
      .selectFrom('intervention_types')
      .select(['scope_unit', 'is_personal_alarm'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    types.push({ id, amount, minutes, scopeUnit: type.scope_unit as ScopeUnit, isAlarm: type.is_personal_alarm });
  }
  return types;
}

function isFrequencyUnit(scopeUnit: ScopeUnit): scopeUnit is FrequencyUnit {
  return ['times_per_day', 'times_per_week', 'times_per_month', 'hours_per_week', 'hours_per_month'].includes(
    scopeUnit,
  );
}
