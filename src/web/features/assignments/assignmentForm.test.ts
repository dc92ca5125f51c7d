import { describe, expect, it } from 'vitest';
import {
  initialInterventions,
  initialLifeAreas,
  initialValues,
  liveTotals,
  minutesError,
  parseMinutes,
  toRequest,
  type GrantedIntervention,
  type InterventionValues,
  type LifeAreaValues,
} from './assignmentForm.ts';
import type { AssignmentDetail } from './assignments.api.ts';

function granted(
  id: string,
  scopeUnit: GrantedIntervention['scopeUnit'],
  grantedAmount: number | null,
): GrantedIntervention {
  return {
    id,
    interventionTypeId: `type-${id}`,
    name: id,
    isPersonalAlarm: false,
    grantedAmount,
    scopeUnit,
    note: null,
  };
}

function values(partial: Partial<InterventionValues> = {}): InterventionValues {
  return {
    isIncluded: true,
    minutesPerOccasion: '',
    plannedDays: '',
    plannedTimes: '',
    isTwoStaff: false,
    note: '',
    ...partial,
  };
}

const cleaning = granted('cleaning', 'hours_per_month', 10);
const meals = granted('meals', 'times_per_day', 1);

// Only the fields the form reads; the rest of a saved assignment does not matter here.
const saved = {
  provider: { id: 'p1' },
  instructions: 'Ring på',
  isNewClient: true,
  handoverBy: 'Anna',
  handoverAt: null,
  replacesAssignment: null,
  interventions: [
    {
      decisionInterventionId: 'meals',
      minutesPerOccasion: 7.5,
      plannedDays: ['mon', 'wed'],
      plannedTimes: '12:00',
      isTwoStaff: true,
      note: null,
    },
  ],
  lifeAreas: [{ lifeArea: 'self_care', need: 'Hjälp med mat', goal: null }],
} as unknown as AssignmentDetail;

describe('the starting values', () => {
  it('are empty for a new draft and include every granted intervention', () => {
    expect(initialValues(undefined)).toEqual({
      providerId: '',
      instructions: '',
      isNewClient: false,
      handoverBy: '',
      handoverAt: '',
      replacesAssignmentId: '',
    });
    const rows = initialInterventions([cleaning, meals], undefined);
    expect(Object.keys(rows)).toEqual(['cleaning', 'meals']);
    expect(rows.cleaning).toEqual(values());
  });

  it('come from a saved draft of the same decision: only its interventions included, minutes with a comma', () => {
    expect(initialValues(saved)).toMatchObject({
      providerId: 'p1',
      instructions: 'Ring på',
      isNewClient: true,
      handoverBy: 'Anna',
    });
    const rows = initialInterventions([cleaning, meals], saved);
    expect(rows.cleaning!.isIncluded).toBe(false);
    expect(rows.meals).toEqual(
      values({ minutesPerOccasion: '7,5', plannedDays: 'mon,wed', plannedTimes: '12:00', isTwoStaff: true }),
    );
  });

  it('include everything again when the saved draft was of another decision', () => {
    const other = [granted('x', 'hours_per_week', 2)];
    expect(initialInterventions(other, saved).x!.isIncluded).toBe(true);
  });

  it('give every life area a need and a goal, filled from the draft', () => {
    const areas = initialLifeAreas(saved);
    expect(areas.self_care).toEqual({ need: 'Hjälp med mat', goal: '' });
    expect(Object.values(areas).every((area) => typeof area.need === 'string' && typeof area.goal === 'string')).toBe(
      true,
    );
  });
});

describe('minutes per occasion', () => {
  it('are read with a comma or a point and at most two decimals', () => {
    expect(parseMinutes('7,5')).toBe(7.5);
    expect(parseMinutes('12.25')).toBe(12.25);
    expect(parseMinutes('')).toBeNull();
    expect(parseMinutes('1,255')).toBeNaN();
    expect(parseMinutes('tio')).toBeNaN();
  });

  it('must be a number between 1 and 1 440', () => {
    expect(minutesError('')).toBeUndefined();
    expect(minutesError('20')).toBeUndefined();
    expect(minutesError('1440')).toBeUndefined();
    expect(minutesError('x')).toBe('Ange minuter som ett tal, t.ex. 20 eller 7,5.');
    expect(minutesError('0')).toBe('Ange mellan 1 och 1 440 minuter.');
    expect(minutesError('1441')).toBe('Ange mellan 1 och 1 440 minuter.');
  });
});

describe('liveTotals', () => {
  it('sums the included interventions per month, two staff counting twice for staff time', () => {
    const rows = { cleaning: values({ isTwoStaff: true }), meals: values({ minutesPerOccasion: '30' }) };
    // 10 h a month = 600 min; 30 min a day = 30 × 365 / 12 = 912.5, so 1 512.5 → 1 515 (quarter hours up).
    expect(liveTotals([cleaning, meals], rows)).toMatchObject({
      granted: 1515,
      staff: 2115,
      hasTwoStaff: true,
      missingMinutes: [],
    });
  });

  it('leaves out what is not included and names occasions that still lack minutes', () => {
    const rows = { cleaning: values({ isIncluded: false }), meals: values() };
    const totals = liveTotals([cleaning, meals], rows);
    expect(totals.granted).toBe(0);
    expect(totals.missingMinutes.map((row) => row.id)).toEqual(['meals']);
  });

  it('counts invalid minutes as none rather than failing', () => {
    expect(liveTotals([meals], { meals: values({ minutesPerOccasion: 'x' }) }).granted).toBe(0);
  });
});

describe('toRequest', () => {
  const lifeAreas = initialLifeAreas(undefined);

  it('sends a personal alarm without minutes, days, times or two staff, whatever an older draft held', () => {
    const alarm = { ...granted('alarm', 'none', null), isPersonalAlarm: true };
    const rows = {
      alarm: values({
        minutesPerOccasion: '10',
        plannedDays: 'mon',
        plannedTimes: 'natt',
        isTwoStaff: true,
        note: 'Nyckel',
      }),
    };
    const form = { ...initialValues(undefined), providerId: 'p1' };
    expect(toRequest(form, [alarm], rows, lifeAreas).body.interventions).toEqual([
      {
        decisionInterventionId: 'alarm',
        minutesPerOccasion: null,
        plannedDays: [],
        plannedTimes: null,
        isTwoStaff: false,
        note: 'Nyckel',
      },
    ]);
    expect(liveTotals([alarm], rows)).toMatchObject({ granted: 0, staff: 0, hasTwoStaff: false, missingMinutes: [] });
  });

  it('sends only the included interventions, in order, with days in week order and empty text as null', () => {
    const rows = {
      cleaning: values({ isIncluded: false }),
      meals: values({ minutesPerOccasion: '7,5', plannedDays: 'fri,mon', plannedTimes: ' ', note: ' Laktosfri ' }),
    };
    const form = { ...initialValues(undefined), providerId: 'p1', instructions: '  ' };
    const { body, order } = toRequest(form, [cleaning, meals], rows, lifeAreas);
    expect(order).toEqual(['meals']);
    expect(body.interventions).toEqual([
      {
        decisionInterventionId: 'meals',
        minutesPerOccasion: 7.5,
        plannedDays: ['mon', 'fri'],
        plannedTimes: null,
        isTwoStaff: false,
        note: 'Laktosfri',
      },
    ]);
    expect(body).toMatchObject({ providerId: 'p1', instructions: null, lifeAreas: [], replacesAssignmentId: null });
  });

  it('sends hand-over details only for a new client, and only life areas with something written', () => {
    const areas: LifeAreaValues = { ...lifeAreas, self_care: { need: 'Mat', goal: '' } };
    const form = { ...initialValues(undefined), providerId: 'p1', handoverBy: 'Anna', handoverAt: '2026-05-01 10:00' };
    expect(toRequest(form, [], {}, areas).body).toMatchObject({
      isNewClient: false,
      handoverBy: null,
      handoverAt: null,
      lifeAreas: [{ lifeArea: 'self_care', need: 'Mat', goal: null }],
    });
    expect(toRequest({ ...form, isNewClient: true }, [], {}, areas).body).toMatchObject({
      isNewClient: true,
      handoverBy: 'Anna',
      handoverAt: '2026-05-01 10:00',
    });
  });
});
