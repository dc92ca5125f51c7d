/**
 * Rules for the service areas of the catalogues. A legal basis serves one or more areas; what
 * already rests on it in an area (a decision, an intervention type that proposes it) keeps that
 * area, and an intervention type proposes only a legal basis of its own area. Pure; messages are
 * Swedish because the catalogue screens show them next to the field.
 */
import { SERVICE_AREAS, type ServiceAreaCode } from './organisation.ts';
import { CASE_NUMBER_PREFIX, isLegalBasisForServiceArea } from './decision-rules.ts';

/** Each area once, in the catalogue's order (ÄO, FH, LSS, IFO), so stored lists compare equal. */
export function orderedServiceAreas(areas: readonly ServiceAreaCode[]): ServiceAreaCode[] {
  return SERVICE_AREAS.filter((area) => areas.includes(area));
}

/** "ÄO, FH och IFO", as staff write the areas. */
export function serviceAreaNames(areas: readonly ServiceAreaCode[]): string {
  const names = orderedServiceAreas(areas).map((area) => CASE_NUMBER_PREFIX[area]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} och ${names.at(-1)}` : (names[0] ?? '');
}

/** The areas in use that a new choice of areas would take away; empty when the change may be made. */
export function areasTakenAway(
  chosen: readonly ServiceAreaCode[],
  inUse: readonly ServiceAreaCode[],
): ServiceAreaCode[] {
  return orderedServiceAreas(inUse.filter((area) => !chosen.includes(area)));
}

/** Why a legal basis cannot lose areas its decisions were made in, or null. */
export function areasInDecisionsProblem(
  chosen: readonly ServiceAreaCode[],
  decisionAreas: readonly ServiceAreaCode[],
): string | null {
  const taken = areasTakenAway(chosen, decisionAreas);
  if (taken.length === 0) return null;
  return `Lagrummet används i beslut inom ${serviceAreaNames(taken)}, så ${taken.length > 1 ? 'de områdena' : 'det området'} måste vara kvar.`;
}

/** Why a legal basis cannot lose areas whose intervention types propose it, or null. */
export function areasOfProposingTypesProblem(
  chosen: readonly ServiceAreaCode[],
  proposingTypes: readonly { serviceArea: ServiceAreaCode; name: string }[],
): string | null {
  const blocking = proposingTypes.filter((type) => !chosen.includes(type.serviceArea));
  if (blocking.length === 0) return null;
  const names = blocking.map((type) => `${type.name} (${CASE_NUMBER_PREFIX[type.serviceArea]})`).join(', ');
  const [types, them] = blocking.length > 1 ? ['insatstyperna', 'dem'] : ['insatstypen', 'den'];
  return `Lagrummet föreslås för ${types} ${names}. Välj ett annat lagrum för ${them} först, eller behåll området.`;
}

/** Why an intervention type of the area cannot propose the legal basis, or null. */
export function proposedLegalBasisProblem(
  basis: { code: string; serviceAreas: readonly ServiceAreaCode[] },
  serviceArea: ServiceAreaCode,
): string | null {
  if (isLegalBasisForServiceArea(basis, serviceArea)) return null;
  return `${basis.code} hör inte till ${CASE_NUMBER_PREFIX[serviceArea]}. Välj ett lagrum för insatstypens verksamhetsområde.`;
}
