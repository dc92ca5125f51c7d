/**
 * The actor: who is asking, in which position and unit, and which units' persons they may see.
 * Built once per request from the session; every service takes it and every audit row records it.
 */
import type { Role } from '../../../domain/roles.ts';
import type { ServiceAreaCode } from '../../../domain/organisation.ts';

export interface RequestMeta {
  requestId: string;
  clientAddress: string;
}

export interface Actor extends RequestMeta {
  municipalityId: string;
  userId: string;
  displayName: string;
  sessionId: string;
  /** Must come back in X-CSRF-Token on every request that changes something. */
  csrfToken: string;
  /** Null until the user has chosen a position; most routes require one. */
  position: ActorPosition | null;
}

export interface ActorPosition {
  id: string;
  title: string;
  unitId: string;
  unitName: string;
  serviceArea: ServiceAreaCode;
  roles: readonly Role[];
  /** Units whose persons this position may see (see domain/access.ts). */
  personScopeUnitIds: readonly string[];
  /** The position's unit and every unit below it. */
  unitsBelow: readonly string[];
}

export type PositionedActor = Actor & { position: ActorPosition };

export function hasPosition(actor: Actor): actor is PositionedActor {
  return actor.position !== null;
}
