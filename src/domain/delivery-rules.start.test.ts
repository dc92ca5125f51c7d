/** The rules of a row's start in delivery-rules.ts: the first day after a change, the start date registered and corrected, and which rows a correction takes. */
import { describe, expect, it } from 'vitest';
import {
  continuationStartProblem,
  correctionProblem,
  providerChangeStartProblem,
  startDateCorrectionProblem,
  startDateProblem,
  startRegistrationProblem,
  type StartFacts,
} from './delivery-rules.ts';

describe('continuationStartProblem', () => {
  it('starts the day after the withdrawn row ends, across month ends, year ends and leap days', () => {
    expect(continuationStartProblem('2026-03-01', '2026-02-28')).toBeNull();
    expect(continuationStartProblem('2026-02-28', '2026-02-28')).toBe(
      'Raden fortsätter en återkallad rad som gäller till och med 2026-02-28; börja tidigast 2026-03-01.',
    );
    expect(continuationStartProblem('2028-02-29', '2028-02-29')).toMatch(/börja tidigast 2028-03-01/);
    expect(continuationStartProblem('2028-02-29', '2028-02-28')).toBeNull();
    expect(continuationStartProblem('2027-01-01', '2026-12-31')).toBeNull();
    expect(continuationStartProblem('2026-12-31', '2026-12-31')).toMatch(/börja tidigast 2027-01-01/);
    expect(continuationStartProblem('2026-05-01', '2026-04-30')).toBeNull();
    expect(continuationStartProblem('2026-04-15', '2026-04-30')).toMatch(/börja tidigast 2026-05-01/);
  });
});

describe('providerChangeStartProblem', () => {
  it('takes the change date and any later day', () => {
    expect(providerChangeStartProblem('2026-04-01', '2026-04-01')).toBeNull();
    expect(providerChangeStartProblem('2026-04-02', '2026-04-01')).toBeNull();
  });

  it("refuses the day before (the old provider's last day), across month ends and leap days", () => {
    expect(providerChangeStartProblem('2026-03-31', '2026-04-01')).toBe(
      'Uppdraget är ett byte av utförare fr.o.m. 2026-04-01; raden kan börja tidigast 2026-04-01.',
    );
    expect(providerChangeStartProblem('2028-02-29', '2028-03-01')).toMatch(/tidigast 2028-03-01/);
    expect(providerChangeStartProblem('2028-02-29', '2028-02-29')).toBeNull();
    expect(providerChangeStartProblem('2026-12-31', '2027-01-01')).toMatch(/tidigast 2027-01-01/);
  });
});

describe('startDateProblem', () => {
  const row = { periodFrom: '2026-02-01', periodTo: '2026-02-28' };
  it('takes any day of the period up to today', () => {
    expect(startDateProblem(row, '2026-02-01', '2026-03-15')).toBeNull();
    expect(startDateProblem(row, '2026-02-28', '2026-03-15')).toBeNull();
    expect(startDateProblem({ periodFrom: '2026-02-01', periodTo: null }, '2026-03-15', '2026-03-15')).toBeNull();
  });

  it('refuses the future, and days outside the period', () => {
    expect(startDateProblem(row, '2026-02-11', '2026-02-10')).toBe('Verkställighetsdatum kan inte vara i framtiden.');
    expect(startDateProblem(row, '2026-01-31', '2026-03-15')).toBe(
      'Verkställighetsdatum kan inte vara före radens period (från 2026-02-01).',
    );
    expect(startDateProblem(row, '2026-03-01', '2026-03-15')).toBe(
      'Verkställighetsdatum kan inte vara efter radens period (till 2026-02-28).',
    );
  });

  it('knows leap days and month ends', () => {
    const leap = { periodFrom: '2028-02-01', periodTo: '2028-02-29' };
    expect(startDateProblem(leap, '2028-02-29', '2028-03-01')).toBeNull();
    expect(startDateProblem(leap, '2028-03-01', '2028-03-01')).toMatch(/till 2028-02-29/);
    expect(startDateProblem({ periodFrom: '2026-05-01', periodTo: null }, '2026-04-30', '2026-05-10')).toMatch(
      /från 2026-05-01/,
    );
  });
});

const sent: StartFacts = {
  status: 'sent_to_delivery',
  periodFrom: '2026-02-01',
  periodTo: null,
  startedOn: null,
  continuesDeliveryId: null,
};
const CONTINUED = '00000000-0000-4000-8000-000000000009';

describe('startRegistrationProblem', () => {
  it('lets a row sent to delivery take its first start date', () => {
    expect(startRegistrationProblem(sent)).toBeNull();
  });

  it('refuses other statuses, a second date, and a continuation after a change of time', () => {
    for (const status of ['under_distribution', 'withdrawn', 'ended'] as const) {
      expect(startRegistrationProblem({ ...sent, status }), status).toBe(
        'Bara rader som är skickade till genomförande kan få ett verkställighetsdatum.',
      );
    }
    expect(startRegistrationProblem({ ...sent, startedOn: '2026-02-03' })).toBe(
      'Verkställighetsdatum är redan registrerat: 2026-02-03.',
    );
    expect(startRegistrationProblem({ ...sent, continuesDeliveryId: CONTINUED })).toBe(
      'Raden fortsätter en rad som ändrats i tid. Verkställighetsdatum står kvar på raden där insatsen började.',
    );
  });
});

describe('startDateCorrectionProblem', () => {
  const started = { ...sent, periodTo: '2026-06-30', startedOn: '2026-02-03', hasInterruptions: false };
  const today = '2026-03-15';

  it('takes an unchanged date, whatever else holds', () => {
    expect(startDateCorrectionProblem(started, '2026-02-03', today)).toBeNull();
    expect(
      startDateCorrectionProblem({ ...started, startedOn: null, continuesDeliveryId: CONTINUED }, null, today),
    ).toBeNull();
  });

  it('moves a registered date within the period and not past today, month ends included', () => {
    expect(startDateCorrectionProblem(started, '2026-02-01', today)).toBeNull();
    expect(startDateCorrectionProblem(started, '2026-03-15', today)).toBeNull();
    expect(startDateCorrectionProblem(started, '2026-03-16', today)).toBe(
      'Verkställighetsdatum kan inte vara i framtiden.',
    );
    expect(startDateCorrectionProblem(started, '2026-01-31', today)).toBe(
      'Verkställighetsdatum kan inte vara före radens period (från 2026-02-01).',
    );
    const short = { ...started, periodTo: '2026-02-28' };
    expect(startDateCorrectionProblem(short, '2026-02-28', today)).toBeNull();
    expect(startDateCorrectionProblem(short, '2026-03-01', today)).toBe(
      'Verkställighetsdatum kan inte vara efter radens period (till 2026-02-28).',
    );
  });

  it('knows leap days', () => {
    const leap = { ...started, periodFrom: '2028-02-01', periodTo: '2028-02-29', startedOn: '2028-02-10' };
    expect(startDateCorrectionProblem(leap, '2028-02-29', '2028-03-02')).toBeNull();
    expect(startDateCorrectionProblem(leap, '2028-03-01', '2028-03-02')).toMatch(/till 2028-02-29/);
  });

  it('removes a date only from a row without interruptions', () => {
    expect(startDateCorrectionProblem(started, null, today)).toBeNull();
    expect(startDateCorrectionProblem({ ...started, hasInterruptions: true }, null, today)).toBe(
      'Raden har avbrott, så insatsen har börjat; verkställighetsdatum kan rättas men inte tas bort.',
    );
    expect(startDateCorrectionProblem({ ...started, hasInterruptions: true }, '2026-02-02', today)).toBeNull();
  });

  it('does not register a first date, nor give a continuation one', () => {
    expect(startDateCorrectionProblem({ ...started, startedOn: null }, '2026-02-03', today)).toBe(
      'Inget verkställighetsdatum är registrerat att rätta. Registrera det med Registrera verkställighetsdatum.',
    );
    expect(
      startDateCorrectionProblem({ ...started, startedOn: null, continuesDeliveryId: CONTINUED }, '2026-02-03', today),
    ).toBe('Raden fortsätter en rad som ändrats i tid. Verkställighetsdatum står kvar på raden där insatsen började.');
  });
});

describe('correctionProblem', () => {
  it('takes every row that was delivered, whatever became of it since', () => {
    for (const status of ['sent_to_delivery', 'withdrawn', 'ended'] as const) {
      expect(correctionProblem({ status, wasSentToDelivery: true }), status).toBeNull();
    }
  });

  it('refuses a row under distribution, and one ended without ever being sent', () => {
    expect(correctionProblem({ status: 'under_distribution', wasSentToDelivery: false })).toBe(
      'Raden är under fördelning; ändra den med Registrera.',
    );
    expect(correctionProblem({ status: 'ended', wasSentToDelivery: false })).toBe(
      'Raden skickades aldrig till genomförande, så det finns inget att rätta.',
    );
  });
});
