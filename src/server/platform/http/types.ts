/**
 * The typed Fastify instance every module registers its routes on, and what routes declare
 * about access: 'public' (no session), 'session' (signed in, position not needed) or the default
 * 'position' (signed in with a chosen position).
 */
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor, PositionedActor } from '../access/actor.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../clock.ts';
import type { Config } from '../config.ts';
import { UnauthorizedError } from '../errors.ts';

export type RouteAccess = 'public' | 'session' | 'position';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface AppDeps {
  db: Db;
  config: Config;
  /** The time deadline rules reckon with; the system clock unless a test injects one. */
  clock?: Clock;
}

/** The signed-in actor; the access hook has already refused requests without one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthorizedError();
  return request.actor;
}

/** The actor with a chosen position, for routes with the default access. */
export function positionedActorOf(request: FastifyRequest): PositionedActor {
  const actor = actorOf(request);
  if (!actor.position) throw new UnauthorizedError();
  return actor as PositionedActor;
}
