import { describe, expect, it } from 'vitest';
import {
  MAX_GRANTED_AMOUNT,
  closeCaseProblem,
  decisionLastDay,
  decisionProblems,
  decisionStatus,
  decisionsRunningAfter,
  deliveryPeriodProblem,
  endDecisionProblem,
  grantedAmountProblem,
  isLegalBasisForServiceArea,
  isLegalBasisValidOn,
  type DecisionInput,
  type InterventionTypeFacts,
  type LegalBasisFacts,
} from './decision-rules.ts';

const TODAY = '2026-11-23';
const HOURS: InterventionTypeFacts = { serviceArea: 'AO', isActive: true, scopeUnit: 'hours_per_month' };
const ALARM: InterventionTypeFacts = { serviceArea: 'AO', isActive: true, scopeUnit: 'none' };
/** A SoL legal basis: bistånd in ÄO, FH and IFO. */
const basis = (
  validFrom: string,
  validTo: string | null,
  serviceAreas: LegalBasisFacts['serviceAreas'] = ['AO', 'FH', 'IFO'],
): LegalBasisFacts => ({ validFrom, validTo, serviceAreas });

function input(overrides: Partial<DecisionInput> = {}): DecisionInput {
  return {
    outcome: 'granted',
    decisionDate: '2026-11-20',
    periodFrom: '2026-12-01',
    periodTo: '2027-05-31',
    legalBasis: basis('2025-07-01', null),
    interventions: [{ interventionTypeId: 'po', grantedAmount: 20, type: HOURS }],
    ...overrides,
  };
}
const problems = (overrides: Partial<DecisionInput> = {}) =>
  decisionProblems(input(overrides), { today: TODAY, serviceArea: 'AO' });

describe('decisionProblems', () => {
  it('accepts a complete granted decision, tills vidare too', () => {
    expect(problems()).toEqual({});
    expect(problems({ periodTo: null })).toEqual({});
  });

  it('accepts a one-day period and a decision made today', () => {
    expect(problems({ periodFrom: '2026-12-01', periodTo: '2026-12-01', decisionDate: TODAY })).toEqual({});
  });

  it('refuses a period that ends before it starts', () => {
    expect(problems({ periodFrom: '2026-12-01', periodTo: '2026-11-30' })).toEqual({
      periodTo: 'Periodens slut kan inte vara före dess början.',
    });
  });

  it('refuses a decision date in the future, even tomorrow', () => {
    expect(problems({ decisionDate: '2026-11-24' })).toEqual({
      decisionDate: 'Beslutsdatum kan inte vara i framtiden.',
    });
  });

  it('allows a period that starts before the decision date (a decision with retroactive effect)', () => {
    expect(problems({ periodFrom: '2026-11-01' })).toEqual({});
  });

  it('refuses impossible dates field by field', () => {
    expect(problems({ decisionDate: '2026-02-30', periodFrom: '2026-13-01', periodTo: '2027-02-29' })).toMatchObject({
      decisionDate: 'Datumet finns inte.',
      periodFrom: 'Datumet finns inte.',
      periodTo: 'Datumet finns inte.',
    });
  });

  it('does not compare a period with an impossible start', () => {
    expect(problems({ periodFrom: 'x', periodTo: '2026-01-01' })).toEqual({ periodFrom: 'Datumet finns inte.' });
  });

  describe('legal basis', () => {
    it('refuses one that does not exist', () => {
      expect(problems({ legalBasis: undefined })).toEqual({ legalBasisId: 'Lagrummet finns inte.' });
    });

    it('refuses one not yet valid or no longer valid on the decision date', () => {
      expect(problems({ legalBasis: basis('2026-11-21', null) }).legalBasisId).toMatch(
        /gäller inte på beslutsdatumet 2026-11-20/,
      );
      expect(problems({ legalBasis: basis('2002-01-01', '2025-06-30') }).legalBasisId).toMatch(/gäller inte/);
    });

    it('accepts one on its first and last valid day', () => {
      expect(problems({ legalBasis: basis('2026-11-20', '2026-11-20') })).toEqual({});
    });

    it("refuses one of another service area, named by the case's area", () => {
      const lss = basis('1994-01-01', null, ['LSS']);
      expect(problems({ legalBasis: lss })).toEqual({
        legalBasisId: 'Lagrummet hör inte till ärendets verksamhetsområde (ÄO).',
      });
      expect(
        decisionProblems(input({ legalBasis: basis('2025-07-01', null) }), { today: TODAY, serviceArea: 'LSS' })
          .legalBasisId,
      ).toBe('Lagrummet hör inte till ärendets verksamhetsområde (LSS).');
      expect(
        decisionProblems(input({ legalBasis: lss, interventions: [] }), { today: TODAY, serviceArea: 'LSS' })
          .legalBasisId,
      ).toBeUndefined();
    });

    it('names the wrong area before the validity, since no date would make it usable', () => {
      expect(problems({ legalBasis: basis('2030-01-01', null, ['IFO', 'LSS']) }).legalBasisId).toMatch(
        /verksamhetsområde \(ÄO\)/,
      );
    });

    it('keeps an old decision date with the old numbering', () => {
      expect(
        problems({
          decisionDate: '2025-06-30',
          periodFrom: '2025-07-01',
          legalBasis: basis('2002-01-01', '2025-06-30'),
        }),
      ).toEqual({});
    });
  });

  describe('interventions', () => {
    it('needs at least one, granted or refused', () => {
      expect(problems({ interventions: [] })).toEqual({ interventions: 'Ange minst en beviljad insats.' });
      expect(problems({ outcome: 'refused', interventions: [] })).toEqual({
        interventions: 'Ange minst en insats som ansökan gällde.',
      });
    });

    it('refuses an unknown type, one of another service area and one no longer offered, by index', () => {
      const result = problems({
        interventions: [
          { interventionTypeId: 'po', grantedAmount: 20, type: HOURS },
          { interventionTypeId: 'x', grantedAmount: 20, type: undefined },
          { interventionTypeId: 'ifo', grantedAmount: 2, type: { ...HOURS, serviceArea: 'IFO' } },
          { interventionTypeId: 'old', grantedAmount: 2, type: { ...HOURS, isActive: false } },
        ],
      });
      expect(result).toEqual({
        'interventions.1.interventionTypeId': 'Insatstypen finns inte.',
        'interventions.2.interventionTypeId': 'Insatstypen hör till ett annat verksamhetsområde än ärendet.',
        'interventions.3.interventionTypeId': 'Insatstypen används inte längre för nya beslut.',
      });
    });

    it('refuses the same type twice', () => {
      const result = problems({
        interventions: [
          { interventionTypeId: 'po', grantedAmount: 20, type: HOURS },
          { interventionTypeId: 'po', grantedAmount: 5, type: HOURS },
        ],
      });
      expect(result).toEqual({ 'interventions.1.interventionTypeId': 'Insatsen finns redan i beslutet.' });
    });

    it('needs a positive amount unless the scope unit is none', () => {
      expect(problems({ interventions: [{ interventionTypeId: 'po', grantedAmount: null, type: HOURS }] })).toEqual({
        'interventions.0.grantedAmount': 'Ange omfattning.',
      });
      expect(problems({ interventions: [{ interventionTypeId: 'po', grantedAmount: 0, type: HOURS }] })).toEqual({
        'interventions.0.grantedAmount': 'Omfattningen måste vara större än noll.',
      });
      expect(problems({ interventions: [{ interventionTypeId: 'trl', grantedAmount: null, type: ALARM }] })).toEqual(
        {},
      );
    });

    it('asks a refused decision for the scope applied for, too', () => {
      expect(
        problems({
          outcome: 'refused',
          interventions: [{ interventionTypeId: 'po', grantedAmount: null, type: HOURS }],
        }),
      ).toEqual({ 'interventions.0.grantedAmount': 'Ange omfattning.' });
    });
  });
});

describe('grantedAmountProblem', () => {
  it('takes decimal amounts with up to two decimals, such as 0,33', () => {
    expect(grantedAmountProblem(0.33, 'hours_per_week')).toBeNull();
    expect(grantedAmountProblem(12.5, 'hours_per_month')).toBeNull();
    expect(grantedAmountProblem(0.333, 'hours_per_week')).toBe('Ange omfattningen med högst två decimaler.');
  });

  it('refuses negative, infinite and not-a-number amounts', () => {
    expect(grantedAmountProblem(-1, 'times_per_week')).toBe('Omfattningen måste vara större än noll.');
    expect(grantedAmountProblem(Number.POSITIVE_INFINITY, 'times_per_week')).toBe('Ange omfattning.');
    expect(grantedAmountProblem(Number.NaN, 'times_per_week')).toBe('Ange omfattning.');
  });

  it('caps each unit at what can exist, inclusive', () => {
    for (const [unit, max] of Object.entries(MAX_GRANTED_AMOUNT) as [keyof typeof MAX_GRANTED_AMOUNT, number][]) {
      expect(grantedAmountProblem(max, unit), unit).toBeNull();
      expect(grantedAmountProblem(max + 0.01, unit), unit).toBe(`Omfattningen kan vara högst ${max}.`);
    }
  });

  it('ignores any amount for the unit none', () => {
    expect(grantedAmountProblem(null, 'none')).toBeNull();
    expect(grantedAmountProblem(5, 'none')).toBeNull();
  });
});

describe('isLegalBasisValidOn', () => {
  it('includes both ends and runs open-ended without an end', () => {
    const basis = { validFrom: '2025-07-01', validTo: '2025-12-31' };
    expect(isLegalBasisValidOn(basis, '2025-06-30')).toBe(false);
    expect(isLegalBasisValidOn(basis, '2025-07-01')).toBe(true);
    expect(isLegalBasisValidOn(basis, '2025-12-31')).toBe(true);
    expect(isLegalBasisValidOn(basis, '2026-01-01')).toBe(false);
    expect(isLegalBasisValidOn({ validFrom: '2025-07-01', validTo: null }, '2099-01-01')).toBe(true);
  });
});

describe('isLegalBasisForServiceArea', () => {
  it('holds for each of its areas and no other', () => {
    const sol = { serviceAreas: ['AO', 'FH', 'IFO'] as const };
    expect(['AO', 'FH', 'LSS', 'IFO'].map((area) => isLegalBasisForServiceArea(sol, area as 'AO'))).toEqual([
      true,
      true,
      false,
      true,
    ]);
    expect(isLegalBasisForServiceArea({ serviceAreas: ['LSS'] }, 'LSS')).toBe(true);
    expect(isLegalBasisForServiceArea({ serviceAreas: [] }, 'AO')).toBe(false);
  });
});

describe('decisionLastDay', () => {
  it('is the period end, the earlier ending, or null for tills vidare', () => {
    expect(decisionLastDay({ periodFrom: '2026-01-01', periodTo: '2026-06-30', endedOn: null })).toBe('2026-06-30');
    expect(decisionLastDay({ periodFrom: '2026-01-01', periodTo: '2026-06-30', endedOn: '2026-03-31' })).toBe(
      '2026-03-31',
    );
    expect(decisionLastDay({ periodFrom: '2026-01-01', periodTo: null, endedOn: null })).toBeNull();
    expect(decisionLastDay({ periodFrom: '2026-01-01', periodTo: null, endedOn: '2026-03-31' })).toBe('2026-03-31');
  });
});

describe('endDecisionProblem', () => {
  const decision = { outcome: 'granted' as const, periodFrom: '2026-01-01', periodTo: '2026-06-30', endedOn: null };

  it('takes any day in the period, the day before it starts and a future day', () => {
    for (const day of ['2025-12-31', '2026-01-01', '2026-03-15', '2026-06-30'])
      expect(endDecisionProblem(decision, day), day).toBeNull();
    expect(endDecisionProblem({ ...decision, periodTo: null }, '2030-01-01')).toBeNull();
  });

  it('refuses a day outside the period', () => {
    expect(endDecisionProblem(decision, '2025-12-30')).toMatch(/före beslutsperioden \(från 2026-01-01\)/);
    expect(endDecisionProblem(decision, '2026-07-01')).toMatch(/efter beslutsperioden \(till 2026-06-30\)/);
  });

  it('refuses an already ended decision, a refused one and an impossible date', () => {
    expect(endDecisionProblem({ ...decision, endedOn: '2026-02-01' }, '2026-03-01')).toBe(
      'Beslutet är redan avslutat 2026-02-01.',
    );
    expect(endDecisionProblem({ ...decision, outcome: 'refused' }, '2026-03-01')).toMatch(/avslagsbeslut/);
    expect(endDecisionProblem(decision, '2026-02-30')).toBe('Datumet finns inte.');
  });
});

describe('decisionStatus', () => {
  const base = { outcome: 'granted' as const, periodFrom: '2026-11-01', periodTo: '2026-12-31', endedOn: null };

  it('is upcoming, ongoing or ended by the day', () => {
    expect(decisionStatus(base, '2026-10-31')).toBe('upcoming');
    expect(decisionStatus(base, '2026-11-01')).toBe('ongoing');
    expect(decisionStatus(base, '2026-12-31')).toBe('ongoing');
    expect(decisionStatus(base, '2027-01-01')).toBe('ended');
    expect(decisionStatus({ ...base, periodTo: null }, '2099-01-01')).toBe('ongoing');
  });

  it('counts an ending from its last day, and a refused decision is only refused', () => {
    expect(decisionStatus({ ...base, endedOn: '2026-11-10' }, '2026-11-11')).toBe('ended');
    expect(decisionStatus({ ...base, endedOn: '2026-11-10' }, '2026-11-10')).toBe('ended');
    expect(decisionStatus({ ...base, endedOn: '2026-11-10' }, '2026-11-09')).toBe('ending');
    expect(decisionStatus({ ...base, endedOn: '2026-10-31' }, '2026-10-31')).toBe('ended');
    expect(decisionStatus({ ...base, outcome: 'refused' }, '2026-11-15')).toBe('refused');
  });
});

describe('decisionsRunningAfter', () => {
  const decisions = [
    { id: 'runs-out', outcome: 'granted' as const, periodFrom: '2026-01-01', periodTo: '2026-06-30', endedOn: null },
    { id: 'tills-vidare', outcome: 'granted' as const, periodFrom: '2026-01-01', periodTo: null, endedOn: null },
    { id: 'ended', outcome: 'granted' as const, periodFrom: '2026-01-01', periodTo: null, endedOn: '2026-05-31' },
    { id: 'refused', outcome: 'refused' as const, periodFrom: '2026-01-01', periodTo: null, endedOn: null },
  ];

  it('lists granted decisions that still apply after the closing day', () => {
    expect(decisionsRunningAfter(decisions, '2026-06-30').map((d) => d.id)).toEqual(['tills-vidare']);
    expect(decisionsRunningAfter(decisions, '2026-05-31').map((d) => d.id)).toEqual(['runs-out', 'tills-vidare']);
    expect(decisionsRunningAfter(decisions, '2026-05-30').map((d) => d.id)).toEqual([
      'runs-out',
      'tills-vidare',
      'ended',
    ]);
    expect(decisionsRunningAfter([], '2026-01-01')).toEqual([]);
  });
});

describe('closeCaseProblem', () => {
  it('takes a day from the opening day up to today', () => {
    expect(closeCaseProblem('2026-01-01', '2026-01-01', TODAY)).toBeNull();
    expect(closeCaseProblem('2026-01-01', TODAY, TODAY)).toBeNull();
  });

  it('refuses a day before the opening, a future day and an impossible date', () => {
    expect(closeCaseProblem('2026-01-01', '2025-12-31', TODAY)).toMatch(/före den dag det öppnades \(2026-01-01\)/);
    expect(closeCaseProblem('2026-01-01', '2026-11-24', TODAY)).toMatch(/i förväg/);
    expect(closeCaseProblem('2026-01-01', '2026-02-30', TODAY)).toBe('Datumet finns inte.');
  });
});

describe('deliveryPeriodProblem', () => {
  const fixed = { periodFrom: '2026-01-01', periodTo: '2026-06-30', endedOn: null };
  const untilFurtherNotice = { periodFrom: '2026-01-01', periodTo: null, endedOn: null };

  it('accepts a delivery inside a fixed period, up to its last day', () => {
    expect(deliveryPeriodProblem({ from: '2026-01-01', to: '2026-06-30' }, fixed)).toBeNull();
    expect(deliveryPeriodProblem({ from: '2026-03-01', to: '2026-03-01' }, fixed)).toBeNull();
  });

  it('refuses a delivery that runs past a fixed period by one day', () => {
    expect(deliveryPeriodProblem({ from: '2026-01-01', to: '2026-07-01' }, fixed)).toBe(
      'Verkställigheten kan inte pågå efter beslutsperioden: beslutet gäller till och med 2026-06-30.',
    );
  });

  it('refuses an open-ended delivery on a fixed period', () => {
    expect(deliveryPeriodProblem({ from: '2026-01-01', to: null }, fixed)).toMatch(
      /ange ett slutdatum för verkställigheten, senast 2026-06-30/,
    );
  });

  it('lets any end, open or not, follow a decision tills vidare', () => {
    expect(deliveryPeriodProblem({ from: '2026-02-01', to: null }, untilFurtherNotice)).toBeNull();
    expect(deliveryPeriodProblem({ from: '2026-02-01', to: '2040-12-31' }, untilFurtherNotice)).toBeNull();
  });

  it('ends a tills vidare decision on the day it was ended', () => {
    const ended = { ...untilFurtherNotice, endedOn: '2026-04-30' };
    expect(deliveryPeriodProblem({ from: '2026-02-01', to: '2026-04-30' }, ended)).toBeNull();
    expect(deliveryPeriodProblem({ from: '2026-02-01', to: '2026-05-01' }, ended)).toMatch(/till och med 2026-04-30/);
    expect(deliveryPeriodProblem({ from: '2026-02-01', to: null }, ended)).toMatch(/ange ett slutdatum/);
  });

  it('takes the earlier of a fixed end and an early ending', () => {
    expect(
      deliveryPeriodProblem({ from: '2026-01-01', to: '2026-06-30' }, { ...fixed, endedOn: '2026-03-31' }),
    ).toMatch(/till och med 2026-03-31/);
  });

  it('refuses a delivery that starts before the decision period or after it has ended', () => {
    expect(deliveryPeriodProblem({ from: '2025-12-31', to: '2026-01-31' }, fixed)).toMatch(
      /börja före beslutsperioden \(från 2026-01-01\)/,
    );
    expect(deliveryPeriodProblem({ from: '2025-12-31', to: null }, untilFurtherNotice)).toMatch(/börja före/);
    expect(deliveryPeriodProblem({ from: '2026-07-01', to: '2026-07-31' }, fixed)).toMatch(/kan inte börja efter det/);
  });

  it('refuses a delivery period that ends before it starts, and impossible dates', () => {
    expect(deliveryPeriodProblem({ from: '2026-03-01', to: '2026-02-28' }, untilFurtherNotice)).toBe(
      'Verkställighetens slut kan inte vara före dess början.',
    );
    expect(deliveryPeriodProblem({ from: '2026-02-30', to: null }, untilFurtherNotice)).toBe('Datumet finns inte.');
    expect(deliveryPeriodProblem({ from: '2026-02-01', to: '2026-13-01' }, untilFurtherNotice)).toBe(
      'Datumet finns inte.',
    );
  });

  it('leaves no room at all for a decision ended the day before it started', () => {
    const neverApplied = { ...fixed, endedOn: '2025-12-31' };
    expect(deliveryPeriodProblem({ from: '2026-01-01', to: '2026-01-01' }, neverApplied)).not.toBeNull();
  });
});
