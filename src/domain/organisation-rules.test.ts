import { describe, expect, it } from 'vitest';
import { OWNERSHIPS, UNIT_KINDS, canHaveParent, type Ownership, type UnitKind } from './organisation.ts';
import { ROLES, type Role } from './roles.ts';
import {
  deactivationConflict,
  isSelfOrBelow,
  newUnitProblems,
  normaliseRoles,
  placementProblems,
  positionProblems,
  providerOf,
  systemAccessConflict,
  unitAttributeProblems,
  unitChangeProblems,
  type Tree,
  type TreeUnit,
} from './organisation-rules.ts';

function unit(id: string, kind: UnitKind, parentId: string | null, fields: Partial<TreeUnit> = {}): TreeUnit {
  return { id, kind, parentId, serviceArea: 'AO', isActive: true, hasSystemAccess: true, ...fields };
}

// ÄO: root → authority (→ sub-authority), provider → unit → sub-unit, provider → residential → department;
// a private provider without Vardag; an inactive unit; IFO beside it.
const UNITS: TreeUnit[] = [
  unit('ao', 'service_area', null),
  unit('aoAuth', 'authority_unit', 'ao'),
  unit('aoSubAuth', 'authority_unit', 'aoAuth'),
  unit('prov', 'provider', 'ao'),
  unit('pu1', 'provider_unit', 'prov'),
  unit('pu2', 'provider_unit', 'pu1'),
  unit('res', 'residential_unit', 'prov'),
  unit('dep', 'department', 'res'),
  unit('closed', 'provider_unit', 'prov', { isActive: false }),
  unit('priv', 'provider', 'ao', { hasSystemAccess: false }),
  unit('privUnit', 'provider_unit', 'priv'),
  unit('ifo', 'service_area', null, { serviceArea: 'IFO' }),
  unit('ifoProv', 'provider', 'ifo', { serviceArea: 'IFO' }),
  unit('ifoUnit', 'provider_unit', 'ifoProv', { serviceArea: 'IFO' }),
];
const tree: Tree = new Map(UNITS.map((u) => [u.id, u]));
const at = (id: string): TreeUnit => tree.get(id)!;

/** A unit of each kind, to pair with every parent kind. */
const SAMPLE_OF_KIND: Record<UnitKind, TreeUnit> = {
  service_area: at('ao'),
  authority_unit: at('aoAuth'),
  provider: at('prov'),
  provider_unit: at('pu1'),
  residential_unit: at('res'),
  department: at('dep'),
};

describe('unitAttributeProblems', () => {
  it('wants ownership exactly for providers and lets only providers do without Vardag', () => {
    for (const kind of UNIT_KINDS) {
      for (const ownership of [null, ...OWNERSHIPS] as (Ownership | null)[]) {
        for (const hasSystemAccess of [true, false]) {
          const problems = unitAttributeProblems(kind, ownership, hasSystemAccess);
          const label = `${kind} ${ownership} ${hasSystemAccess}`;
          expect('ownership' in problems, label).toBe(kind === 'provider' ? ownership === null : ownership !== null);
          expect('hasSystemAccess' in problems, label).toBe(kind !== 'provider' && !hasSystemAccess);
        }
      }
    }
  });

  it('says what to do in Swedish', () => {
    expect(unitAttributeProblems('provider', null, true)).toEqual({
      ownership: 'Ange om utföraren är i egen eller enskild regi.',
    });
    expect(unitAttributeProblems('provider_unit', 'private', false)).toEqual({
      ownership: 'Regiform anges bara för utförare.',
      hasSystemAccess: 'Bara en utförare kan sakna tillgång till Vardag.',
    });
    expect(unitAttributeProblems('provider', 'private', false)).toEqual({});
  });
});

describe('placementProblems', () => {
  it('agrees with canHaveParent for every kind under every kind and at the top', () => {
    for (const kind of UNIT_KINDS) {
      for (const parentKind of [null, ...UNIT_KINDS]) {
        const parent = parentKind === null ? null : SAMPLE_OF_KIND[parentKind];
        const problems = placementProblems(kind, parent);
        expect(Object.keys(problems).length === 0, `${kind} under ${parentKind}`).toBe(canHaveParent(kind, parentKind));
      }
    }
  });

  it('names both kinds with the right article', () => {
    expect(placementProblems('provider_unit', at('aoAuth'))).toEqual({
      parentId: 'En utförarenhet kan inte ligga under en myndighetsenhet.',
    });
    expect(placementProblems('department', at('ao'))).toEqual({
      parentId: 'En avdelning kan inte ligga under ett verksamhetsområde.',
    });
    expect(placementProblems('provider', null)).toEqual({ parentId: 'Välj en överordnad enhet.' });
    expect(placementProblems('service_area', at('ifo')).parentId).toMatch(/alltid överst/);
  });
});

describe('newUnitProblems', () => {
  it('accepts a well-formed unit under an active parent', () => {
    expect(newUnitProblems({ kind: 'provider_unit', ownership: null, hasSystemAccess: true }, at('prov'))).toEqual({});
    expect(newUnitProblems({ kind: 'provider', ownership: 'private', hasSystemAccess: false }, at('ao'))).toEqual({});
  });

  it('never creates a service area', () => {
    expect(newUnitProblems({ kind: 'service_area', ownership: null, hasSystemAccess: true }, at('ao'))).toEqual({
      kind: 'Ett verksamhetsområde kan inte skapas här.',
    });
  });

  it('refuses an inactive parent and reports every field at once', () => {
    expect(newUnitProblems({ kind: 'provider_unit', ownership: null, hasSystemAccess: true }, at('closed'))).toEqual({
      parentId: 'Den överordnade enheten är inaktiv.',
    });
    expect(newUnitProblems({ kind: 'provider', ownership: null, hasSystemAccess: true }, at('prov'))).toEqual({
      ownership: 'Ange om utföraren är i egen eller enskild regi.',
      parentId: 'En utförare kan inte ligga under en utförare.',
    });
  });
});

describe('isSelfOrBelow', () => {
  it('finds the unit itself and everything below it, nothing beside or above', () => {
    expect(isSelfOrBelow(tree, 'pu1', 'pu1')).toBe(true);
    expect(isSelfOrBelow(tree, 'pu1', 'pu2')).toBe(true);
    expect(isSelfOrBelow(tree, 'ao', 'dep')).toBe(true);
    expect(isSelfOrBelow(tree, 'pu2', 'pu1')).toBe(false);
    expect(isSelfOrBelow(tree, 'res', 'pu2')).toBe(false);
    expect(isSelfOrBelow(tree, 'ao', 'ifoUnit')).toBe(false);
    expect(isSelfOrBelow(tree, 'ao', 'unknown')).toBe(false);
  });

  it('ends on a broken tree that already loops', () => {
    const loop: Tree = new Map([
      ['a', unit('a', 'provider_unit', 'b')],
      ['b', unit('b', 'provider_unit', 'a')],
    ]);
    expect(isSelfOrBelow(loop, 'x', 'a')).toBe(false);
  });
});

describe('unitChangeProblems', () => {
  const keep = (u: TreeUnit) => ({
    parentId: u.parentId,
    ownership: u.kind === 'provider' ? ('municipal' as const) : null,
    hasSystemAccess: true,
    isActive: u.isActive,
  });

  it('accepts a change that keeps the place, and a move within the service area', () => {
    for (const u of UNITS)
      expect(
        unitChangeProblems(tree, u, { ...keep(u), hasSystemAccess: u.kind === 'provider' ? u.hasSystemAccess : true }),
        u.id,
      ).toEqual({});
    expect(unitChangeProblems(tree, at('pu2'), { ...keep(at('pu2')), parentId: 'prov' })).toEqual({});
    expect(unitChangeProblems(tree, at('aoSubAuth'), { ...keep(at('aoSubAuth')), parentId: 'ao' })).toEqual({});
  });

  it('refuses a move to another service area', () => {
    expect(unitChangeProblems(tree, at('pu1'), { ...keep(at('pu1')), parentId: 'ifoProv' })).toEqual({
      parentId: 'Enheten kan inte flyttas till ett annat verksamhetsområde.',
    });
  });

  it('refuses a move below itself', () => {
    const cycle = 'Enheten kan inte flyttas under sig själv eller en av sina underenheter.';
    expect(unitChangeProblems(tree, at('pu1'), { ...keep(at('pu1')), parentId: 'pu2' })).toEqual({ parentId: cycle });
    expect(unitChangeProblems(tree, at('pu1'), { ...keep(at('pu1')), parentId: 'pu1' })).toEqual({ parentId: cycle });
    expect(unitChangeProblems(tree, at('aoAuth'), { ...keep(at('aoAuth')), parentId: 'aoSubAuth' })).toEqual({
      parentId: cycle,
    });
  });

  it('keeps service areas at the top and everything else below one', () => {
    expect(unitChangeProblems(tree, at('ao'), { ...keep(at('ao')), parentId: 'ifo' }).parentId).toMatch(
      /alltid överst/,
    );
    expect(unitChangeProblems(tree, at('pu1'), { ...keep(at('pu1')), parentId: null })).toEqual({
      parentId: 'Välj en överordnad enhet.',
    });
    expect(unitChangeProblems(tree, at('pu1'), { ...keep(at('pu1')), parentId: 'aoAuth' }).parentId).toMatch(
      /kan inte ligga under/,
    );
  });

  it('keeps an active unit under an active parent, but lets an inactive one stay there', () => {
    const moved = { ...keep(at('pu2')), parentId: 'closed' };
    expect(unitChangeProblems(tree, at('pu2'), moved)).toEqual({ parentId: 'Den överordnade enheten är inaktiv.' });
    expect(unitChangeProblems(tree, at('pu2'), { ...moved, isActive: false })).toEqual({});
  });

  it('reports attribute problems together with placement problems', () => {
    expect(
      unitChangeProblems(tree, at('pu1'), {
        parentId: 'ifoProv',
        ownership: 'private',
        hasSystemAccess: false,
        isActive: true,
      }),
    ).toEqual({
      ownership: 'Regiform anges bara för utförare.',
      hasSystemAccess: 'Bara en utförare kan sakna tillgång till Vardag.',
      parentId: 'Enheten kan inte flyttas till ett annat verksamhetsområde.',
    });
  });
});

describe('deactivationConflict and systemAccessConflict', () => {
  it('blocks while positions or active units remain, positions first', () => {
    expect(deactivationConflict({ activePositions: 0, activeChildren: 0 })).toBeNull();
    expect(deactivationConflict({ activePositions: 2, activeChildren: 0 })).toMatch(/aktiva befattningar/);
    expect(deactivationConflict({ activePositions: 0, activeChildren: 1 })).toMatch(/aktiva underenheter/);
    expect(deactivationConflict({ activePositions: 1, activeChildren: 1 })).toMatch(/aktiva befattningar/);
    expect(systemAccessConflict(0)).toBeNull();
    expect(systemAccessConflict(3)).toMatch(/tillgången till Vardag/);
  });
});

describe('providerOf', () => {
  it('finds the nearest provider at or above a unit', () => {
    expect(providerOf(tree, 'dep')?.id).toBe('prov');
    expect(providerOf(tree, 'prov')?.id).toBe('prov');
    expect(providerOf(tree, 'privUnit')?.id).toBe('priv');
    expect(providerOf(tree, 'aoSubAuth')).toBeUndefined();
    expect(providerOf(tree, 'unknown')).toBeUndefined();
  });
});

describe('positionProblems', () => {
  // Written out on its own, so a change to the rule has to change this table too.
  const FITS: Record<Role, readonly UnitKind[]> = {
    case_officer: ['authority_unit'],
    authority_manager: ['authority_unit'],
    operations_manager: ['service_area', 'provider', 'provider_unit', 'residential_unit', 'department'],
    unit_manager: ['service_area', 'provider', 'provider_unit', 'residential_unit', 'department'],
    coordinator: ['provider', 'provider_unit', 'residential_unit', 'department'],
    care_staff: ['provider', 'provider_unit', 'residential_unit', 'department'],
    licensed_staff: ['provider', 'provider_unit', 'residential_unit', 'department'],
    alarm_manager: ['provider', 'provider_unit', 'residential_unit', 'department'],
    administrator: UNIT_KINDS,
  };

  it('lets each role sit only where its access makes sense', () => {
    for (const role of ROLES) {
      for (const kind of UNIT_KINDS) {
        const problems = positionProblems(tree, SAMPLE_OF_KIND[kind], [role], true);
        expect('roles' in problems, `${role} in ${kind}`).toBe(!FITS[role].includes(kind));
      }
    }
    expect(positionProblems(tree, at('aoAuth'), ['case_officer', 'care_staff'], true)).toEqual({
      roles: 'Rollen omvårdnadspersonal passar inte i en myndighetsenhet.',
    });
  });

  it('needs an active unit at a provider that uses Vardag, unless the position is being ended', () => {
    expect(positionProblems(tree, at('closed'), ['care_staff'], true)).toEqual({ unitId: 'Enheten är inaktiv.' });
    expect(positionProblems(tree, at('privUnit'), ['care_staff'], true)).toEqual({
      unitId: 'Utföraren har inte tillgång till Vardag.',
    });
    expect(positionProblems(tree, at('priv'), ['unit_manager'], true)).toEqual({
      unitId: 'Utföraren har inte tillgång till Vardag.',
    });
    expect(positionProblems(tree, at('closed'), ['care_staff'], false)).toEqual({});
    expect(positionProblems(tree, at('privUnit'), ['case_officer'], false)).toEqual({
      roles: 'Rollen biståndshandläggare passar inte i en utförarenhet.',
    });
  });
});

describe('normaliseRoles', () => {
  it('keeps each role once, in the canonical order', () => {
    expect(normaliseRoles(['care_staff', 'administrator', 'care_staff', 'case_officer'])).toEqual([
      'case_officer',
      'care_staff',
      'administrator',
    ]);
    expect(normaliseRoles([])).toEqual([]);
  });
});
