/**
 * Correcting a delivery row (Rätta uppgifter) over HTTP on Storkommun, as the manager of Hemtjänst
 * Centrum: `POST /api/deliveries/:id/correct` on one row sent to delivery and started, each call
 * changing its resource back and forth (the start date stays, so no message is written). Before
 * timing, it counts the statements one call sends to PostgreSQL (every `query` on a pg client of
 * this process while the call runs: the access hook's, the transaction's BEGIN and COMMIT, the
 * tenant setting and the service's), the round trips the issue 14 access work set out to cut.
 */
import pg from 'pg';
import { sql } from 'kysely';
import type { BenchContext } from './lib/context.ts';
import { PROVIDER_CASE_UNIT } from '../seeds/large/provider-cases.ts';

export const name = 'delivery-correction';
export const description =
  'POST /api/deliveries/:id/correct by the unit manager of Hemtjänst Centrum (a row sent to delivery, started)';
export const targetP95Ms = 50;

const RESOURCES = ['Grupp 1', 'Grupp 2'] as const;

export async function run(context: BenchContext): Promise<void> {
  const unitId = context.large.unitIds.get(PROVIDER_CASE_UNIT)!;
  const row = await pickRow(context, unitId);
  const manager = await context.signIn('homeCareUnitManager');
  let version = row.version;
  // Begin with the resource the row does not have: a correction that changes nothing is refused, and an
  // earlier run may have left either one.
  let call = row.fields.resource === RESOURCES[0] ? 1 : 0;
  const correct = async () => {
    const resource = RESOURCES[call++ % 2]!;
    const response = await manager.post(`/api/deliveries/${row.id}/correct`, {
      ...row.fields,
      resource,
      version,
      note: 'Benchmark: rättad resurs.',
    });
    if (response.status !== 200)
      throw new Error(`Correction answered ${response.status}: ${JSON.stringify(response.body)}`);
    version = response.body.version;
    return 1;
  };
  await correct();
  context.log(`Statements sent to PostgreSQL by one correction: ${await countStatements(correct)}`);
  await context.measure('correct a row sent to delivery (resource)', correct);
}

/** The statements pg sends while `fn` runs, by counting every Client.query of this process (the app runs in it). */
async function countStatements(fn: () => Promise<unknown>): Promise<string> {
  const original = pg.Client.prototype.query;
  const seen: string[] = [];
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    seen.push(
      (typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '?'))
        .replace(/\s+/g, ' ')
        .slice(0, 70),
    );
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await fn();
  } finally {
    pg.Client.prototype.query = original;
  }
  return `${seen.length}\n${seen.map((text, index) => `  ${index + 1}. ${text}`).join('\n')}`;
}

/** A started row at the unit, sent to delivery, in no change of provider; its correctable fields as they stand. */
async function pickRow(context: BenchContext, unitId: string) {
  const { rows } = await sql<{
    id: string;
    version: number;
    label: string | null;
    form_of_delivery: string | null;
    resource: string | null;
    resource_use: string | null;
    watch_date: string | null;
    hours_per_visit: string | null;
    extra_hours_two_staff: string | null;
    days: string | null;
    frequency: string | null;
    frequency_unit: string | null;
    started_on: string;
  }>`
    select d.id, d.version, d.label, d.form_of_delivery, d.resource, d.resource_use, d.watch_date::text, d.hours_per_visit::text, d.extra_hours_two_staff::text,
           d.days, d.frequency::text, d.frequency_unit, d.started_on::text
      from deliveries d
     where d.municipality_id = ${context.large.municipalityId} and d.provider_unit_id = ${unitId}
       and d.status = 'sent_to_delivery' and d.started_on is not null
       and not exists (select 1 from provider_changes pc where pc.municipality_id = d.municipality_id and pc.delivery_ids @> array[d.id])
     order by d.id limit 1`.execute(context.ownerDb);
  const found = rows[0];
  if (!found)
    throw new Error('Storkommun has no started row at the unit; drop the bench database to generate it again.');
  const number = (value: string | null) => (value === null ? null : Number(value));
  return {
    id: found.id,
    version: found.version,
    fields: {
      label: found.label,
      formOfDelivery: found.form_of_delivery,
      resource: found.resource,
      resourceUse: found.resource_use,
      watchDate: found.watch_date,
      hoursPerVisit: number(found.hours_per_visit),
      extraHoursTwoStaff: number(found.extra_hours_two_staff),
      days: found.days,
      frequency: number(found.frequency),
      frequencyUnit: found.frequency_unit,
      startedOn: found.started_on,
    },
  };
}
