import { describe, expect, it } from 'vitest';
import {
  describeInterruptionChanges,
  interruptionsAtLastDay,
  withdrawalInterruptionProblem,
  type RowInterruption,
} from './interruption-rules.ts';

function interruption(
  id: string,
  fromDate: string,
  toDate: string | null,
  reason = 'Sjukhusvistelse',
): RowInterruption {
  return { id, fromDate, toDate, reason };
}

describe('interruptionsAtLastDay (ending, and what a withdrawal removes)', () => {
  const lastDay = '2026-04-30';

  it('leaves interruptions over by the last day alone', () => {
    const items = [interruption('a', '2026-02-01', '2026-02-10'), interruption('b', '2026-04-01', '2026-04-30')];
    expect(interruptionsAtLastDay(lastDay, items)).toEqual({ shortened: [], removed: [] });
  });

  it('ends an interruption not resumed on the last day', () => {
    expect(interruptionsAtLastDay(lastDay, [interruption('a', '2026-04-10', null)])).toEqual({
      shortened: [
        { id: 'a', fromDate: '2026-04-10', toDate: lastDay, previousToDate: null, reason: 'Sjukhusvistelse' },
      ],
      removed: [],
    });
  });

  it('shortens one lasting past the last day, and keeps its first day', () => {
    expect(interruptionsAtLastDay(lastDay, [interruption('a', '2026-03-01', '2026-05-15')]).shortened).toEqual([
      { id: 'a', fromDate: '2026-03-01', toDate: lastDay, previousToDate: '2026-05-15', reason: 'Sjukhusvistelse' },
    ]);
  });

  it('shortens one starting on the last day to that one day', () => {
    expect(interruptionsAtLastDay(lastDay, [interruption('a', lastDay, null)]).shortened[0]).toMatchObject({
      fromDate: lastDay,
      toDate: lastDay,
    });
  });

  it('removes interruptions starting after the last day, open or not', () => {
    const items = [interruption('a', '2026-05-01', null), interruption('b', '2026-06-01', '2026-06-05')];
    expect(interruptionsAtLastDay(lastDay, items)).toEqual({ shortened: [], removed: [items[0], items[1]] });
  });

  it('sorts out a mixed row, oldest first, and lists only what changed', () => {
    const items = [
      interruption('late', '2026-05-02', '2026-05-03'),
      interruption('past', '2026-01-05', '2026-01-06'),
      interruption('running', '2026-04-20', null),
    ];
    const changes = interruptionsAtLastDay(lastDay, items);
    expect(changes.shortened.map((item) => item.id)).toEqual(['running']);
    expect(changes.removed.map((item) => item.id)).toEqual(['late']);
  });

  it('does not change the list it was given', () => {
    const items = [interruption('b', '2026-06-01', null), interruption('a', '2026-05-01', null)];
    interruptionsAtLastDay(lastDay, items);
    expect(items.map((item) => item.id)).toEqual(['b', 'a']);
  });

  it('has nothing to do for a row without interruptions', () => {
    expect(interruptionsAtLastDay(lastDay, [])).toEqual({ shortened: [], removed: [] });
  });
});

describe('withdrawalInterruptionProblem (change of time from a day)', () => {
  const changeFrom = '2026-04-01';

  it('allows a change after every interruption is over', () => {
    expect(withdrawalInterruptionProblem(changeFrom, [interruption('a', '2026-03-01', '2026-03-31')])).toBeNull();
    expect(withdrawalInterruptionProblem(changeFrom, [])).toBeNull();
  });

  it("allows a change before an interruption begins (it moves to the new row's days)", () => {
    expect(
      withdrawalInterruptionProblem(changeFrom, [
        interruption('a', changeFrom, null),
        interruption('b', '2026-05-01', '2026-05-02'),
      ]),
    ).toBeNull();
  });

  it('refuses a change during an interruption not resumed', () => {
    expect(withdrawalInterruptionProblem(changeFrom, [interruption('a', '2026-03-10', null)])).toBe(
      'Insatsen har ett avbrott sedan 2026-03-10 som inte är återupptaget. Tiden kan inte ändras mitt i ett avbrott: ' +
        'registrera först när insatsen återupptogs (Avbrott) och ändra tiden tidigast dagen efter avbrottet.',
    );
  });

  it('refuses a change during a resumed interruption and names the earliest day', () => {
    expect(withdrawalInterruptionProblem(changeFrom, [interruption('a', '2026-03-10', '2026-04-15')])).toBe(
      'Insatsen har ett avbrott 2026-03-10–2026-04-15 som pågår på ändringsdagen. ' +
        'Tiden kan inte ändras mitt i ett avbrott: ändringen kan gälla tidigast 2026-04-16, dagen efter avbrottet.',
    );
  });

  it('counts an interruption ending on the change day as running on it', () => {
    expect(withdrawalInterruptionProblem(changeFrom, [interruption('a', '2026-03-31', changeFrom)])).toContain(
      'tidigast 2026-04-02',
    );
  });

  it('names the earliest running interruption when there are several', () => {
    const items = [interruption('b', '2026-03-20', null), interruption('a', '2026-03-01', '2026-04-03')];
    expect(withdrawalInterruptionProblem('2026-04-05', items)).toContain('sedan 2026-03-20');
    expect(withdrawalInterruptionProblem('2026-04-02', items)).toContain('2026-03-01–2026-04-03');
  });

  it('steps over a month end and a leap day', () => {
    expect(withdrawalInterruptionProblem('2028-02-20', [interruption('a', '2028-02-01', '2028-02-28')])).toContain(
      'tidigast 2028-02-29',
    );
    expect(withdrawalInterruptionProblem('2026-12-30', [interruption('a', '2026-12-01', '2026-12-31')])).toContain(
      'tidigast 2027-01-01',
    );
  });
});

describe('describeInterruptionChanges', () => {
  it('says nothing when nothing changed', () => {
    expect(describeInterruptionChanges({ shortened: [], removed: [] }, 'ended')).toEqual([]);
  });

  it('tells what ending did, shortened first', () => {
    const changes = interruptionsAtLastDay('2026-04-30', [
      interruption('late', '2026-05-10', '2026-05-12', 'Resa'),
      interruption('open', '2026-04-20', null),
      interruption('long', '2026-01-01', '2026-06-01', 'Tackat nej tillfälligt'),
    ]);
    expect(describeInterruptionChanges(changes, 'ended')).toEqual([
      'Avbrottet ”Tackat nej tillfälligt” (2026-01-01–2026-06-01) slutar nu 2026-04-30, radens sista dag.',
      'Avbrottet ”Sjukhusvistelse” (från 2026-04-20, ej återupptaget) slutar nu 2026-04-30, radens sista dag.',
      'Avbrottet ”Resa” (2026-05-10–2026-05-12) började efter radens sista dag och har tagits bort.',
    ]);
  });

  it('after a change of time, tells the user to register a removed interruption on the new row', () => {
    const changes = interruptionsAtLastDay('2026-03-31', [interruption('a', '2026-04-02', null)]);
    expect(describeInterruptionChanges(changes, 'withdrawn')).toEqual([
      'Avbrottet ”Sjukhusvistelse” (från 2026-04-02, ej återupptaget) började efter radens sista dag och har tagits bort. ' +
        'Registrera det på den nya raden när den har skickats till genomförande.',
    ]);
  });
});
