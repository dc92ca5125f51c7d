/**
 * What happens to a row's interruptions (avbrott) when the row's last day moves earlier: ending it
 * (Rätta/Avsluta) or withdrawing it for a change of time (Återkalla). An interruption lies within
 * its row's period (interruptionProblems in delivery-rules.ts), so one that runs past the new last
 * day, or starts after it, cannot stay as it is.
 *
 * - Ending is a fact (the person died, moved, declined): it is never refused for an interruption.
 *   One open or lasting past the last day now ends on it — it keeps its first day, so whether it
 *   must go to IVO (not resumed within three months) is still answered correctly up to the end —
 *   and one starting after the last day is removed: no delivery was due then, so nothing was
 *   interrupted.
 * - A change of time continues the same support on a new row. An interruption running on the
 *   change day is refused: cutting it would record a resumption that did not happen and restart
 *   the IVO three-month clock on the new row. One starting on or after the change day belongs to
 *   the new row's days; the new row is under distribution and cannot hold it yet, so it is removed
 *   and the user told to register it there once the row is sent.
 *
 * Pure; the server applies the plan and the web shows the same sentences.
 */
import { addDays } from './periods.ts';
import type { InterruptionPeriod } from './delivery-rules.ts';

/** An interruption as these rules see it. */
export interface RowInterruption extends InterruptionPeriod {
  id: string;
  reason: string;
}

/** An interruption the change shortened: it now ends on toDate; previousToDate null = was not resumed. */
export interface ShortenedInterruption {
  id: string;
  fromDate: string;
  toDate: string;
  previousToDate: string | null;
  reason: string;
}

/** What moving a row's last day earlier does to its interruptions. Untouched ones are not listed. */
export interface InterruptionChanges {
  shortened: ShortenedInterruption[];
  /** Started after the new last day: removed from the row. */
  removed: RowInterruption[];
}

/** Oldest first, so the sentences read in the order things happened. */
function byFromDate<T extends InterruptionPeriod>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.fromDate < b.fromDate ? -1 : a.fromDate > b.fromDate ? 1 : 0));
}

/**
 * The interruptions that no longer fit when the row's last day becomes lastDay: those open or
 * ending after it are shortened to end on it, those starting after it are removed.
 */
export function interruptionsAtLastDay(
  lastDay: string,
  interruptions: readonly RowInterruption[],
): InterruptionChanges {
  const shortened: ShortenedInterruption[] = [];
  const removed: RowInterruption[] = [];
  for (const item of byFromDate(interruptions)) {
    if (item.fromDate > lastDay) removed.push(item);
    else if (item.toDate === null || item.toDate > lastDay) {
      shortened.push({
        id: item.id,
        fromDate: item.fromDate,
        toDate: lastDay,
        previousToDate: item.toDate,
        reason: item.reason,
      });
    }
  }
  return { shortened, removed };
}

/**
 * Why the row cannot be withdrawn from changeFrom because of an interruption, or null: one that
 * began before the change day and is not over by the day before it (open, or ending on or after
 * the change day). Interruptions starting on or after the day are not a problem; see
 * interruptionsAtLastDay.
 */
export function withdrawalInterruptionProblem(
  changeFrom: string,
  interruptions: readonly RowInterruption[],
): string | null {
  const running = byFromDate(interruptions).find(
    (item) => item.fromDate < changeFrom && (item.toDate === null || item.toDate >= changeFrom),
  );
  if (!running) return null;
  if (running.toDate === null) {
    return (
      `Insatsen har ett avbrott sedan ${running.fromDate} som inte är återupptaget. Tiden kan inte ändras mitt i ett avbrott: ` +
      'registrera först när insatsen återupptogs (Avbrott) och ändra tiden tidigast dagen efter avbrottet.'
    );
  }
  return (
    `Insatsen har ett avbrott ${running.fromDate}–${running.toDate} som pågår på ändringsdagen. ` +
    `Tiden kan inte ändras mitt i ett avbrott: ändringen kan gälla tidigast ${addDays(running.toDate, 1)}, dagen efter avbrottet.`
  );
}

function periodOf(item: InterruptionPeriod): string {
  return item.toDate === null ? `från ${item.fromDate}, ej återupptaget` : `${item.fromDate}–${item.toDate}`;
}

/**
 * The sentences that tell the user what a change did to the row's interruptions; empty when it
 * touched none. `after` says what happened to the row: for a change of time the removed ones are to
 * be registered on the new row once it is sent.
 */
export function describeInterruptionChanges(changes: InterruptionChanges, after: 'ended' | 'withdrawn'): string[] {
  const lines = changes.shortened.map(
    (item) =>
      `Avbrottet ”${item.reason}” (${periodOf({ fromDate: item.fromDate, toDate: item.previousToDate })}) ` +
      `slutar nu ${item.toDate}, radens sista dag.`,
  );
  for (const item of changes.removed) {
    lines.push(
      `Avbrottet ”${item.reason}” (${periodOf(item)}) började efter radens sista dag och har tagits bort.` +
        (after === 'withdrawn' ? ' Registrera det på den nya raden när den har skickats till genomförande.' : ''),
    );
  }
  return lines;
}
