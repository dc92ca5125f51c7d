/**
 * Running numbers per municipality, series and year (case, decision and assignment numbers).
 * The upsert locks the series row until the transaction ends, so two transactions never get the
 * same number, and a rolled-back transaction gives its number back.
 */
import { sql } from 'kysely';
import type { Trx } from './tenant.ts';

export type NumberSeries = 'case' | 'decision' | 'assignment';

export async function takeNextNumber(
  trx: Trx,
  municipalityId: string,
  series: NumberSeries,
  year: number,
): Promise<number> {
  const { rows } = await sql<{ last_value: number }>`
    insert into number_series (municipality_id, series, year, last_value) values (${municipalityId}, ${series}, ${year}, 1)
    on conflict (municipality_id, series, year) do update set last_value = number_series.last_value + 1
    returning last_value`.execute(trx);
  return rows[0]!.last_value;
}

/** e.g. formatRunningNumber('U', 2026, 17) = 'U-2026-00017'. */
export function formatRunningNumber(prefix: string, year: number, value: number): string {
  return `${prefix}-${year}-${String(value).padStart(5, '0')}`;
}
