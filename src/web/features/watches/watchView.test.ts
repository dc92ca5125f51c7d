import { describe, expect, it } from 'vitest';
import type { WatchItem } from './watches.api.ts';
import { countsLine, groupByRule, ivoPathOf, linksOf, spokenCount, statusOf, urgentCount } from './watchView.ts';

const item = (overrides: Partial<WatchItem>): WatchItem => ({
  rule: 'undelivered_decision',
  subjectId: 'subject-1',
  state: 'overdue',
  dueOn: '2026-04-15',
  since: '2026-01-15',
  person: {
    id: 'person-1',
    identityNumber: '19380303-9142',
    firstName: 'Moira',
    lastName: 'Mustafsson',
    protectedIdentity: false,
  },
  caseId: 'case-1',
  caseNumber: 'Ä-2026-0001',
  decisionId: 'decision-1',
  decisionNumber: 'B-2026-0001',
  interventionName: 'Personlig omvårdnad',
  provider: { id: 'provider-1', name: 'Hemtjänst egen regi' },
  assignment: { id: 'assignment-1', number: 'U-2026-0001' },
  steps: ['reminder', 'reportable'],
  ...overrides,
});

describe('statusOf', () => {
  it('says the state in words, and an assignment within its time waits', () => {
    expect(statusOf(item({ state: 'overdue' })).label).toBe('Passerad');
    expect(statusOf(item({ state: 'due', rule: 'decision_period_ending' })).label).toBe('Idag');
    expect(statusOf(item({ state: 'approaching' })).label).toBe('Närmar sig');
    expect(statusOf(item({ rule: 'unacknowledged_assignment', state: 'due', steps: [] }))).toMatchObject({
      label: 'Väntar',
      detail: null,
    });
  });

  it("says how far an assignment not received has been escalated: its provider's manager, then the officer", () => {
    const manager = statusOf(item({ rule: 'unacknowledged_assignment', state: 'overdue', steps: ['manager'] }));
    expect(manager).toEqual({ label: 'Passerad', tone: 'overdue', detail: 'Chef påmind' });
    const officer = statusOf(item({ rule: 'unacknowledged_assignment', steps: ['manager', 'officer'] }));
    expect(officer.detail).toBe('Handläggare påmind');
  });
});

describe('linksOf', () => {
  it("opens the case on the officer's desk, with the IVO details once the three months have passed", () => {
    expect(linksOf(item({}), 'officer').map((link) => link.to)).toEqual([
      '/arenden/case-1',
      '/ivo/uppgifter/beslut/subject-1',
    ]);
    expect(linksOf(item({ state: 'approaching' }), 'officer').map((link) => link.to)).toEqual(['/arenden/case-1']);
    expect(linksOf(item({ rule: 'interrupted_delivery' }), 'officer').map((link) => link.to)).toEqual([
      '/arenden/case-1',
      '/ivo/uppgifter/avbrott/subject-1',
    ]);
  });

  it('opens the assignment for one not received, on either desk', () => {
    const unreceived = item({ rule: 'unacknowledged_assignment', subjectId: 'assignment-1' });
    expect(linksOf(unreceived, 'officer')).toEqual([
      { key: 'open', to: '/uppdrag/assignment-1', text: 'Öppna uppdraget' },
    ]);
    expect(linksOf(unreceived, 'provider').map((link) => link.to)).toEqual(['/uppdrag/assignment-1']);
  });

  it("opens the person's Insatser at the provider for an interruption, and never the IVO details there", () => {
    expect(linksOf(item({ rule: 'interrupted_delivery' }), 'provider')).toEqual([
      { key: 'open', to: '/personer/person-1?flik=insatser', text: 'Öppna insatserna' },
    ]);
    expect(linksOf(item({}), 'provider').map((link) => link.to)).toEqual(['/uppdrag/assignment-1']);
    expect(linksOf(item({ assignment: null }), 'provider').map((link) => link.to)).toEqual([
      '/personer/person-1?flik=insatser',
    ]);
  });

  it('has IVO details only for a passed decision or interruption', () => {
    expect(ivoPathOf(item({ rule: 'unacknowledged_assignment' }))).toBeNull();
    expect(ivoPathOf(item({ rule: 'short_term_stay_without_place' }))).toBeNull();
  });
});

describe('the counts', () => {
  const counts = { overdue: 3, due: 1, approaching: 2 };
  it('counts the passed and the due for the folder, and says them apart', () => {
    expect(urgentCount(counts)).toBe(4);
    expect(urgentCount(null)).toBe(0);
    expect(spokenCount(counts)).toBe('3 passerade, 1 idag eller väntar');
    expect(spokenCount({ overdue: 1, due: 0, approaching: 5 })).toBe('1 passerad');
  });

  it('writes every state on the page', () => {
    expect(countsLine(counts)).toBe('3 passerade, 1 idag eller väntar, 2 närmar sig.');
    expect(countsLine({ overdue: 0, due: 0, approaching: 0 })).toBe('Inga tidsfrister att bevaka.');
  });
});

describe('groupByRule', () => {
  it("keeps the rules' order and leaves out the empty ones", () => {
    const groups = groupByRule([
      item({ rule: 'decision_period_ending', subjectId: 'a' }),
      item({ rule: 'undelivered_decision', subjectId: 'b' }),
      item({ rule: 'decision_period_ending', subjectId: 'c' }),
    ]);
    expect(groups.map((group) => [group.rule, group.items.map((i) => i.subjectId)])).toEqual([
      ['undelivered_decision', ['b']],
      ['decision_period_ending', ['a', 'c']],
    ]);
  });
});
