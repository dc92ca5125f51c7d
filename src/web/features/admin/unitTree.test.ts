import { describe, expect, it } from 'vitest';
import type { Unit } from './admin.api.ts';
import {
  ancestorIds,
  buildTree,
  childKinds,
  descendantIds,
  flatten,
  indentedName,
  possibleParents,
} from './unitTree.ts';

function unit(id: string, kind: Unit['kind'], parentId: string | null, name = id, extra: Partial<Unit> = {}): Unit {
  return {
    id,
    kind,
    parentId,
    name,
    serviceArea: 'AO',
    ownership: null,
    hasSystemAccess: true,
    isActive: true,
    version: 1,
    ...extra,
  };
}

// ÄO with an authority unit and a provider with two units, one of which has a department below a
// residential unit; LSS listed first in the input to show the service-area order wins.
const units = [
  unit('lss', 'service_area', null, 'LSS', { serviceArea: 'LSS' }),
  unit('prov', 'provider', 'ao', 'Omsorg AB'),
  unit('pu-b', 'provider_unit', 'prov', 'Björken'),
  unit('pu-a', 'provider_unit', 'prov', 'Almen'),
  unit('res', 'residential_unit', 'pu-a', 'Ängen'),
  unit('dep', 'department', 'res', 'Avd 1'),
  unit('auth', 'authority_unit', 'ao', 'Zeta myndighet'),
  unit('ao', 'service_area', null, 'ÄO'),
];

describe('buildTree and flatten', () => {
  const tree = buildTree(units);

  it('orders roots by service area (ÄO, FH, LSS, IFO), not by name or input order', () => {
    expect(tree.roots.map((root) => root.id)).toEqual(['ao', 'lss']);
  });

  it('puts authority units before providers under a service area, then sorts by Swedish name', () => {
    expect(tree.childrenOf('ao').map((child) => child.id)).toEqual(['auth', 'prov']);
    expect(tree.childrenOf('prov').map((child) => child.id)).toEqual(['pu-a', 'pu-b']);
    expect(tree.childrenOf('dep')).toEqual([]);
  });

  it("flattens depth first with each unit's depth, parents before children", () => {
    expect(flatten(tree).map(({ unit: u, depth }) => `${depth}:${u.id}`)).toEqual([
      '0:ao',
      '1:auth',
      '1:prov',
      '2:pu-a',
      '3:res',
      '4:dep',
      '2:pu-b',
      '0:lss',
    ]);
  });

  it('makes a unit whose parent is not in the list a root rather than lose it', () => {
    const orphan = buildTree([unit('x', 'provider_unit', 'missing')]);
    expect(orphan.roots.map((root) => root.id)).toEqual(['x']);
  });

  it('finds descendants and ancestors', () => {
    expect([...descendantIds(tree, 'prov')].sort()).toEqual(['dep', 'pu-a', 'pu-b', 'res']);
    expect(descendantIds(tree, 'dep').size).toBe(0);
    expect(ancestorIds(tree, 'dep')).toEqual(['res', 'pu-a', 'prov', 'ao']);
    expect(ancestorIds(tree, 'ao')).toEqual([]);
    expect(ancestorIds(tree, 'unknown')).toEqual([]);
  });
});

describe('possibleParents', () => {
  const tree = buildTree(units);

  it('offers only units of an allowed kind, never the unit itself or one below it', () => {
    const puA = tree.byId.get('pu-a')!;
    // A provider unit may sit under a provider or another provider unit, but not under its own subtree.
    expect(possibleParents(tree, puA).map((u) => u.id)).toEqual(['prov', 'pu-b']);
  });

  it('offers service areas (and other authority units) to an authority unit', () => {
    expect(possibleParents(tree, tree.byId.get('auth')!).map((u) => u.id)).toEqual(['ao', 'lss']);
  });

  it('offers nothing to a service area, which is always a root', () => {
    expect(possibleParents(tree, tree.byId.get('ao')!)).toEqual([]);
  });
});

describe('childKinds', () => {
  it('lists the kinds that may be created under a parent, never a service area', () => {
    expect(childKinds('service_area')).toEqual(['authority_unit', 'provider']);
    expect(childKinds('provider')).toEqual(['provider_unit', 'residential_unit']);
    expect(childKinds('residential_unit')).toEqual(['department']);
    expect(childKinds('department')).toEqual([]);
  });
});

describe('indentedName', () => {
  it('indents by three non-breaking spaces a level and marks inactive units', () => {
    expect(indentedName(unit('a', 'provider', 'ao', 'Omsorg AB'), 0)).toBe('Omsorg AB');
    expect(indentedName(unit('a', 'provider', 'ao', 'Omsorg AB', { isActive: false }), 2)).toBe(
      `${'\u00a0'.repeat(6)}Omsorg AB (inaktiv)`,
    );
  });
});
