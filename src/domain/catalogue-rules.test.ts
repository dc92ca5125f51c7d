import { describe, expect, it } from 'vitest';
import {
  areasInDecisionsProblem,
  areasOfProposingTypesProblem,
  areasTakenAway,
  orderedServiceAreas,
  proposedLegalBasisProblem,
  serviceAreaNames,
} from './catalogue-rules.ts';

describe('orderedServiceAreas', () => {
  it('keeps each area once, in the order ÄO, FH, LSS, IFO', () => {
    expect(orderedServiceAreas(['IFO', 'AO', 'IFO', 'FH'])).toEqual(['AO', 'FH', 'IFO']);
    expect(orderedServiceAreas([])).toEqual([]);
  });
});

describe('serviceAreaNames', () => {
  it('writes the areas as staff do', () => {
    expect(serviceAreaNames(['AO'])).toBe('ÄO');
    expect(serviceAreaNames(['LSS', 'AO'])).toBe('ÄO och LSS');
    expect(serviceAreaNames(['IFO', 'FH', 'AO'])).toBe('ÄO, FH och IFO');
  });
});

describe('areasTakenAway', () => {
  it('lists the areas in use that the new choice leaves out', () => {
    expect(areasTakenAway(['AO', 'FH'], ['IFO', 'AO', 'LSS'])).toEqual(['LSS', 'IFO']);
    expect(areasTakenAway(['AO'], ['AO'])).toEqual([]);
    expect(areasTakenAway(['AO'], [])).toEqual([]);
  });
});

describe('areasInDecisionsProblem', () => {
  it('allows adding areas and removing unused ones', () => {
    expect(areasInDecisionsProblem(['AO', 'FH', 'LSS'], ['AO'])).toBeNull();
    expect(areasInDecisionsProblem(['AO'], ['AO'])).toBeNull();
  });

  it('names the areas whose decisions rest on the legal basis', () => {
    expect(areasInDecisionsProblem(['AO'], ['AO', 'IFO'])).toBe(
      'Lagrummet används i beslut inom IFO, så det området måste vara kvar.',
    );
    expect(areasInDecisionsProblem(['FH'], ['IFO', 'AO'])).toBe(
      'Lagrummet används i beslut inom ÄO och IFO, så de områdena måste vara kvar.',
    );
  });
});

describe('areasOfProposingTypesProblem', () => {
  it('allows removing an area no type proposes the legal basis in', () => {
    expect(areasOfProposingTypesProblem(['AO'], [{ serviceArea: 'AO', name: 'Service' }])).toBeNull();
    expect(areasOfProposingTypesProblem(['LSS'], [])).toBeNull();
  });

  it('names the types of removed areas that propose it', () => {
    expect(
      areasOfProposingTypesProblem(
        ['AO'],
        [
          { serviceArea: 'AO', name: 'Service' },
          { serviceArea: 'IFO', name: 'Familjestöd' },
        ],
      ),
    ).toBe(
      'Lagrummet föreslås för insatstypen Familjestöd (IFO). Välj ett annat lagrum för den först, eller behåll området.',
    );
    expect(
      areasOfProposingTypesProblem(
        ['LSS'],
        [
          { serviceArea: 'AO', name: 'Service' },
          { serviceArea: 'FH', name: 'Stöd i boendet' },
        ],
      ),
    ).toBe(
      'Lagrummet föreslås för insatstyperna Service (ÄO), Stöd i boendet (FH). Välj ett annat lagrum för dem först, eller behåll området.',
    );
  });
});

describe('proposedLegalBasisProblem', () => {
  it('lets a type propose only a legal basis of its own area', () => {
    const lss = { code: 'LSS 9 § 3', serviceAreas: ['LSS'] as const };
    expect(proposedLegalBasisProblem(lss, 'LSS')).toBeNull();
    expect(proposedLegalBasisProblem(lss, 'FH')).toBe(
      'LSS 9 § 3 hör inte till FH. Välj ett lagrum för insatstypens verksamhetsområde.',
    );
  });
});
