/** The flat unit list as a tree: children per parent, depth-first order, descendants. */
import {
  allowedParentKinds,
  canHaveParent,
  SERVICE_AREAS,
  UNIT_KINDS,
  type UnitKind,
} from '../../../domain/organisation.ts';
import type { Unit } from './admin.api.ts';

export interface UnitTree {
  roots: Unit[];
  childrenOf: (unitId: string) => Unit[];
  byId: Map<string, Unit>;
}

export function buildTree(units: readonly Unit[]): UnitTree {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const children = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  // Service areas in their usual order (ÄO, FH, LSS, IFO); below them authority units before
  // providers, then by name.
  const byName = (a: Unit, b: Unit) =>
    SERVICE_AREAS.indexOf(a.serviceArea) - SERVICE_AREAS.indexOf(b.serviceArea) ||
    UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind) ||
    a.name.localeCompare(b.name, 'sv');
  for (const unit of units) {
    // A parent outside the list (should not happen) makes the unit a root rather than vanish.
    if (unit.parentId && byId.has(unit.parentId))
      children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
    else roots.push(unit);
  }
  for (const list of children.values()) list.sort(byName);
  roots.sort(byName);
  return { roots, byId, childrenOf: (unitId) => children.get(unitId) ?? [] };
}

/** Every unit with its depth, parents before children, as select options want them. */
export function flatten(tree: UnitTree): { unit: Unit; depth: number }[] {
  const result: { unit: Unit; depth: number }[] = [];
  const visit = (unit: Unit, depth: number) => {
    result.push({ unit, depth });
    for (const child of tree.childrenOf(unit.id)) visit(child, depth + 1);
  };
  for (const root of tree.roots) visit(root, 0);
  return result;
}

export function descendantIds(tree: UnitTree, unitId: string): Set<string> {
  const ids = new Set<string>();
  const visit = (id: string) => {
    for (const child of tree.childrenOf(id)) {
      ids.add(child.id);
      visit(child.id);
    }
  };
  visit(unitId);
  return ids;
}

/** Units a unit may move under: the right kind, not itself, not below itself. */
export function possibleParents(tree: UnitTree, unit: Unit): Unit[] {
  const below = descendantIds(tree, unit.id);
  const kinds = allowedParentKinds(unit.kind);
  return flatten(tree)
    .map((entry) => entry.unit)
    .filter((candidate) => candidate.id !== unit.id && !below.has(candidate.id) && kinds.includes(candidate.kind));
}

/** Kinds of unit that may be created under a parent of this kind. */
export function childKinds(parentKind: UnitKind): UnitKind[] {
  return UNIT_KINDS.filter((kind) => kind !== 'service_area' && canHaveParent(kind, parentKind));
}

/** "Blandaren htj ute" indented by its depth, for a select. */
export function indentedName(unit: Unit, depth: number): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(depth)}${unit.name}${unit.isActive ? '' : ' (inaktiv)'}`;
}

/** The ids of a unit's parent, grandparent … up to its service area. */
export function ancestorIds(tree: UnitTree, unitId: string): string[] {
  const ids: string[] = [];
  for (let unit = tree.byId.get(unitId); unit?.parentId; unit = tree.byId.get(unit.parentId)) ids.push(unit.parentId);
  return ids;
}
