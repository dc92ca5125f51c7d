/**
 * The shape of the organisation tree: which kind of unit may sit under which, and the service areas.
 */
export const SERVICE_AREAS = ['AO', 'FH', 'LSS', 'IFO'] as const;
export type ServiceAreaCode = (typeof SERVICE_AREAS)[number];

export const UNIT_KINDS = [
  'service_area',
  'authority_unit',
  'provider',
  'provider_unit',
  'residential_unit',
  'department',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const OWNERSHIPS = ['municipal', 'private'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

/** For each kind, the kinds its parent may have. A service area is a root. */
const ALLOWED_PARENTS: Record<UnitKind, readonly UnitKind[]> = {
  service_area: [],
  authority_unit: ['service_area', 'authority_unit'],
  provider: ['service_area'],
  provider_unit: ['provider', 'provider_unit'],
  residential_unit: ['provider', 'provider_unit'],
  department: ['residential_unit'],
};

export function canHaveParent(kind: UnitKind, parentKind: UnitKind | null): boolean {
  if (parentKind === null) return kind === 'service_area';
  return ALLOWED_PARENTS[kind].includes(parentKind);
}

export function allowedParentKinds(kind: UnitKind): readonly UnitKind[] {
  return ALLOWED_PARENTS[kind];
}
