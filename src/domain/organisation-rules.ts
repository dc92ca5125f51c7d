/**
 * Rules for keeping the organisation tree: where a unit may sit, what a kind of unit may carry,
 * when a unit may be switched off, and which roles fit which kind of unit. Pure: the caller loads
 * the tree and the counts; the answers are Swedish messages per field, shown as they are.
 */
import { canHaveParent, type Ownership, type ServiceAreaCode, type UnitKind } from './organisation.ts';
import type { Role } from './roles.ts';

/** Messages per field (contract field names); empty when all is well. */
export type FieldErrors = Record<string, string>;

/** What the rules need to know about a unit in the tree. */
export interface TreeUnit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  serviceArea: ServiceAreaCode;
  isActive: boolean;
  hasSystemAccess: boolean;
}

export type Tree = ReadonlyMap<string, TreeUnit>;

/** Kind names with their article, for messages ("en utförarenhet", "ett verksamhetsområde"). */
const KIND_NAME: Record<UnitKind, string> = {
  service_area: 'ett verksamhetsområde',
  authority_unit: 'en myndighetsenhet',
  provider: 'en utförare',
  provider_unit: 'en utförarenhet',
  residential_unit: 'en boendeenhet',
  department: 'en avdelning',
};

const ROLE_NAME: Record<Role, string> = {
  case_officer: 'biståndshandläggare',
  authority_manager: 'enhetschef myndighet',
  operations_manager: 'verksamhetschef',
  unit_manager: 'enhetschef',
  coordinator: 'samordnare',
  care_staff: 'omvårdnadspersonal',
  licensed_staff: 'legitimerad personal',
  alarm_manager: 'larmansvarig',
  administrator: 'administratör',
};

const PROVIDER_SIDE: readonly UnitKind[] = ['provider', 'provider_unit', 'residential_unit', 'department'];

/**
 * Where each role makes sense. Access follows the position's unit (domain/access.ts), so a case
 * officer placed in a provider unit, or care staff in an authority unit, would see the wrong persons.
 */
const KINDS_FOR_ROLE: Record<Role, readonly UnitKind[]> = {
  case_officer: ['authority_unit'],
  authority_manager: ['authority_unit'],
  // A verksamhetschef may lead a whole service area's provision from its root.
  operations_manager: ['service_area', ...PROVIDER_SIDE],
  unit_manager: ['service_area', ...PROVIDER_SIDE],
  coordinator: PROVIDER_SIDE,
  care_staff: PROVIDER_SIDE,
  licensed_staff: PROVIDER_SIDE,
  alarm_manager: PROVIDER_SIDE,
  // The administrator keeps the organisation, not persons: any unit will do.
  administrator: ['service_area', 'authority_unit', ...PROVIDER_SIDE],
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Ownership belongs to providers only; only a provider may work without Vardag. */
export function unitAttributeProblems(
  kind: UnitKind,
  ownership: Ownership | null,
  hasSystemAccess: boolean,
): FieldErrors {
  const problems: FieldErrors = {};
  if (kind === 'provider' && ownership === null) problems.ownership = 'Ange om utföraren är i egen eller enskild regi.';
  if (kind !== 'provider' && ownership !== null) problems.ownership = 'Regiform anges bara för utförare.';
  if (kind !== 'provider' && !hasSystemAccess)
    problems.hasSystemAccess = 'Bara en utförare kan sakna tillgång till Vardag.';
  return problems;
}

/** Problems with putting a unit of `kind` under `parent` (null = at the top). */
export function placementProblems(kind: UnitKind, parent: TreeUnit | null): FieldErrors {
  if (kind === 'service_area') {
    return parent === null ? {} : { parentId: 'Ett verksamhetsområde ligger alltid överst och kan inte flyttas.' };
  }
  if (parent === null) return { parentId: 'Välj en överordnad enhet.' };
  if (!canHaveParent(kind, parent.kind)) {
    return { parentId: `${capitalise(KIND_NAME[kind])} kan inte ligga under ${KIND_NAME[parent.kind]}.` };
  }
  return {};
}

/** Problems with a new unit under `parent`; a service area is never created through the API. */
export function newUnitProblems(
  input: { kind: UnitKind; ownership: Ownership | null; hasSystemAccess: boolean },
  parent: TreeUnit,
): FieldErrors {
  if (input.kind === 'service_area') return { kind: 'Ett verksamhetsområde kan inte skapas här.' };
  return {
    ...unitAttributeProblems(input.kind, input.ownership, input.hasSystemAccess),
    ...placementProblems(input.kind, parent),
    ...(parent.isActive ? {} : { parentId: 'Den överordnade enheten är inaktiv.' }),
  };
}

/** True when `unitId` is `ancestorId` or lies somewhere below it. */
export function isSelfOrBelow(tree: Tree, ancestorId: string, unitId: string): boolean {
  const seen = new Set<string>();
  for (
    let current: string | null = unitId;
    current !== null && !seen.has(current);
    current = tree.get(current)?.parentId ?? null
  ) {
    if (current === ancestorId) return true;
    seen.add(current);
  }
  return false;
}

/**
 * Problems with changing a unit's place and attributes. A move keeps the unit's service area
 * (cases, catalogues and statistics are per area) and may not put a unit below itself.
 */
export function unitChangeProblems(
  tree: Tree,
  unit: TreeUnit,
  next: { parentId: string | null; ownership: Ownership | null; hasSystemAccess: boolean; isActive: boolean },
): FieldErrors {
  const problems: FieldErrors = unitAttributeProblems(unit.kind, next.ownership, next.hasSystemAccess);
  const parent = next.parentId === null ? null : (tree.get(next.parentId) ?? null);
  const placement = placementProblems(unit.kind, parent);
  if (placement.parentId) return { ...problems, ...placement };
  if (parent === null) return problems;
  if (next.parentId !== unit.parentId) {
    if (parent.serviceArea !== unit.serviceArea)
      return { ...problems, parentId: 'Enheten kan inte flyttas till ett annat verksamhetsområde.' };
    if (isSelfOrBelow(tree, unit.id, parent.id))
      return { ...problems, parentId: 'Enheten kan inte flyttas under sig själv eller en av sina underenheter.' };
  }
  if (next.isActive && !parent.isActive) return { ...problems, parentId: 'Den överordnade enheten är inaktiv.' };
  return problems;
}

/**
 * Why a unit may not be switched off (or a provider lose system access) yet, or null. Active
 * positions would keep working in a unit that no longer exists for choices; active units below
 * would be left hanging under an inactive one.
 */
export function deactivationConflict(counts: { activePositions: number; activeChildren: number }): string | null {
  if (counts.activePositions > 0)
    return 'Enheten har aktiva befattningar. Avsluta eller flytta dem innan enheten inaktiveras.';
  if (counts.activeChildren > 0) return 'Enheten har aktiva underenheter. Inaktivera dem först.';
  return null;
}

/** A provider that stops using Vardag must first have no active positions below it. */
export function systemAccessConflict(activePositionsBelow: number): string | null {
  return activePositionsBelow > 0
    ? 'Utföraren har aktiva befattningar. Avsluta dem innan tillgången till Vardag tas bort.'
    : null;
}

/** The nearest provider at or above the unit, if any. */
export function providerOf(tree: Tree, unitId: string): TreeUnit | undefined {
  const seen = new Set<string>();
  for (
    let current = tree.get(unitId);
    current && !seen.has(current.id);
    current = current.parentId ? tree.get(current.parentId) : undefined
  ) {
    if (current.kind === 'provider') return current;
    seen.add(current.id);
  }
  return undefined;
}

/** Problems with a position's unit and roles; `isActive` false skips what only matters for work. */
export function positionProblems(tree: Tree, unit: TreeUnit, roles: readonly Role[], isActive: boolean): FieldErrors {
  const problems: FieldErrors = {};
  const misfit = roles.find((role) => !KINDS_FOR_ROLE[role].includes(unit.kind));
  if (misfit) problems.roles = `Rollen ${ROLE_NAME[misfit]} passar inte i ${KIND_NAME[unit.kind]}.`;
  if (!isActive) return problems;
  if (!unit.isActive) problems.unitId = 'Enheten är inaktiv.';
  else if (providerOf(tree, unit.id)?.hasSystemAccess === false)
    problems.unitId = 'Utföraren har inte tillgång till Vardag.';
  return problems;
}

/** Roles in the order the list above gives them, each once. */
export function normaliseRoles(roles: readonly Role[]): Role[] {
  return (Object.keys(KINDS_FOR_ROLE) as Role[]).filter((role) => roles.includes(role));
}
