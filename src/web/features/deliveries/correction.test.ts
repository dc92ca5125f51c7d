import { describe, expect, it } from 'vitest';
import type { DeliveryHistory } from '../../../contract/deliveries.ts';
import { correctionChanges, toCorrection } from './correction.ts';
import type { RowValues } from './deliveryForm.ts';

type Snapshot = DeliveryHistory['events'][number]['snapshot'];

function snapshot(values: Partial<Snapshot> = {}): Snapshot {
  return {
    status: 'sent_to_delivery',
    providerUnitId: 'u1',
    providerCaseId: 'pc1',
    label: 'Morgon',
    formOfDelivery: 'Hemtjänst',
    resource: null,
    resourceUse: null,
    watchDate: null,
    periodFrom: '2026-03-01',
    periodTo: null,
    hoursPerVisit: 1.5,
    extraHoursTwoStaff: null,
    days: 'weekdays',
    frequency: 2,
    frequencyUnit: 'times_per_day',
    startedOn: '2026-03-02',
    endReason: null,
    continuesDeliveryId: null,
    version: 3,
    ...values,
  };
}

function values(changes: Partial<RowValues> = {}): RowValues {
  return {
    key: 'r1',
    assignmentInterventionId: 'ai-1',
    providerUnitId: 'u1',
    label: ' Kväll ',
    formOfDelivery: 'Hemtjänst',
    resource: '',
    resourceUse: '  ',
    watchDate: '2026-06-01',
    periodFrom: '2026-03-01',
    periodTo: '2026-12-31',
    hoursPerVisit: '1,5',
    extraHoursTwoStaff: '',
    days: 'weekends',
    frequency: '3',
    frequencyUnit: 'times_per_week',
    ...changes,
  };
}

describe('toCorrection', () => {
  it('sends the correctable fields, the start date, the trimmed reason and the version', () => {
    expect(toCorrection(values(), '2026-03-02', '  Fel antal besök  ', 7)).toEqual({
      label: 'Kväll',
      formOfDelivery: 'Hemtjänst',
      resource: null,
      resourceUse: null,
      watchDate: '2026-06-01',
      hoursPerVisit: 1.5,
      extraHoursTwoStaff: null,
      days: 'weekends',
      frequency: 3,
      frequencyUnit: 'times_per_week',
      startedOn: '2026-03-02',
      note: 'Fel antal besök',
      version: 7,
    });
  });

  it('never sends the unit or the period, whatever the form holds', () => {
    const moved = values({ providerUnitId: 'u2', periodFrom: '2027-01-01', periodTo: '' });
    const request = toCorrection(moved, null, 'x', 1);
    expect(request).not.toHaveProperty('providerUnitId');
    expect(request).not.toHaveProperty('periodFrom');
    expect(request).not.toHaveProperty('periodTo');
  });

  it('keeps a start date of null (not started) and empty choices as null', () => {
    const request = toCorrection(values({ days: '', frequencyUnit: '', frequency: '' }), null, 'Rättat', 2);
    expect(request).toMatchObject({ startedOn: null, days: null, frequencyUnit: null, frequency: null });
  });
});

describe('correctionChanges', () => {
  it('is empty when no correctable field changed', () => {
    expect(correctionChanges(snapshot(), snapshot())).toEqual([]);
  });

  it('ignores fields a correction cannot change (unit, period, status, version)', () => {
    const after = snapshot({
      providerUnitId: 'u2',
      periodFrom: '2026-04-01',
      periodTo: '2026-05-01',
      status: 'ended',
      version: 4,
    });
    expect(correctionChanges(snapshot(), after)).toEqual([]);
  });

  it("writes one line per changed field, in the form's order, with before → after", () => {
    const after = snapshot({ startedOn: '2026-03-01', label: 'Kväll' });
    expect(correctionChanges(snapshot(), after)).toEqual([
      'Benämning: Morgon → Kväll',
      'Verkställighetsdatum: 2026-03-02 → 2026-03-01',
    ]);
  });

  it('shows an empty value as a dash', () => {
    expect(correctionChanges(snapshot({ resource: null }), snapshot({ resource: 'Team A' }))).toEqual([
      'Resurs: – → Team A',
    ]);
    expect(correctionChanges(snapshot({ label: 'Morgon' }), snapshot({ label: '' }))).toEqual([
      'Benämning: Morgon → –',
    ]);
  });

  it('writes numbers with a decimal comma and the days and frequency unit in Swedish', () => {
    const after = snapshot({ hoursPerVisit: 2.25, days: 'whole_week', frequencyUnit: 'hours_per_week' });
    expect(correctionChanges(snapshot(), after)).toEqual([
      'Timmar per besök: 1,5 → 2,25',
      'Utförs: Vardagar → Hela veckan',
      'Enhet för tid/frekvens: ggr/dygn → tim/vecka',
    ]);
  });

  it('shows an unknown code as it is rather than nothing', () => {
    expect(correctionChanges(snapshot(), snapshot({ days: 'holidays' }))).toEqual(['Utförs: Vardagar → holidays']);
  });

  it('tells 0 from no value', () => {
    expect(correctionChanges(snapshot({ extraHoursTwoStaff: null }), snapshot({ extraHoursTwoStaff: 0 }))).toEqual([
      '+ Dubbel: – → 0',
    ]);
  });
});
