/** Personal watches (bevakningar): thin routes, each one schema and one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { systemClock } from '../../platform/clock.ts';
import { PERSON_RECORD_COST, personListCost } from '../../platform/rate-limit/read-limits.ts';
import { ErrorResponse, Ok } from '../../../contract/common.ts';
import { PersonParams } from '../../../contract/persons.ts';
import * as c from '../../../contract/personal-watches.ts';
import * as service from './personal-watch.service.ts';

const TAGS = ['Bevakningar'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
const metered = { ...errors, 429: ErrorResponse };

export function registerPersonalWatchRoutes(app: App, { db, clock = systemClock }: AppDeps): void {
  app.get(
    '/api/personal-watches',
    {
      // A list of persons, metered at its size (ADR 0016).
      config: { readCost: personListCost(service.PERSONAL_WATCHES_MAX) },
      schema: {
        tags: TAGS,
        summary: 'My watches on persons still in my scope, open by due date or done, with their state today (audited)',
        querystring: c.PersonalWatchListQuery,
        response: { 200: c.PersonalWatchList, ...metered },
      },
    },
    async (request) =>
      service.listPersonalWatches(db, clock, positionedActorOf(request), request.query.status ?? 'open'),
  );

  app.get(
    '/api/personal-watches/summary',
    {
      schema: {
        tags: TAGS,
        summary: 'How many of my open watches are overdue, due today and due within 7 days (no names, not audited)',
        response: { 200: c.PersonalWatchSummary, ...errors },
      },
    },
    async (request) => service.getPersonalWatchSummary(db, clock, positionedActorOf(request)),
  );

  app.get(
    '/api/persons/:personId/watches',
    {
      config: { readCost: PERSON_RECORD_COST },
      schema: {
        tags: TAGS,
        summary: 'My watches on this person, open by due date, then the latest done (audited)',
        params: PersonParams,
        response: { 200: c.PersonWatchList, ...metered },
      },
    },
    async (request) => service.listWatchesOfPerson(db, clock, positionedActorOf(request), request.params.personId),
  );

  app.post(
    '/api/persons/:personId/watches',
    {
      schema: {
        tags: TAGS,
        summary: "Set a watch on this person, optionally on one of the person's records I may open",
        params: PersonParams,
        body: c.CreatePersonalWatch,
        response: { 200: c.PersonalWatch, ...errors },
      },
    },
    async (request) =>
      service.createPersonalWatch(db, clock, positionedActorOf(request), request.params.personId, request.body),
  );

  app.post(
    '/api/personal-watches/:watchId/done',
    {
      schema: {
        tags: TAGS,
        summary: 'Clear (klarmarkera) my watch: it is kept, marked done',
        params: c.PersonalWatchParams,
        response: { 200: c.PersonalWatch, ...errors },
      },
    },
    async (request) => service.markPersonalWatchDone(db, clock, positionedActorOf(request), request.params.watchId),
  );

  app.post(
    '/api/personal-watches/:watchId/reopen',
    {
      schema: {
        tags: TAGS,
        summary: 'Open my cleared watch again',
        params: c.PersonalWatchParams,
        response: { 200: c.PersonalWatch, ...errors },
      },
    },
    async (request) => service.reopenPersonalWatch(db, clock, positionedActorOf(request), request.params.watchId),
  );

  app.delete(
    '/api/personal-watches/:watchId',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete my watch while it is not done (a done one is kept: 409)',
        params: c.PersonalWatchParams,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) => service.deletePersonalWatch(db, positionedActorOf(request), request.params.watchId),
  );
}
