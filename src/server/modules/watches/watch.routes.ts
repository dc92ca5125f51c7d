/** Bevakningar: thin routes, each one schema and one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { personListCost } from '../../platform/rate-limit/read-limits.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/watches.ts';
import * as service from './watch.service.ts';

const TAGS = ['Bevakningar'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse };

export function registerWatchRoutes(app: App, { db, clock }: AppDeps): void {
  app.get(
    '/api/watches',
    {
      config: { readCost: personListCost(service.WATCH_LIST_LIMIT) },
      schema: {
        tags: TAGS,
        summary: `The statutory watches on my desk, most urgent first (at most ${service.WATCH_LIST_LIMIT}; the counts count all): a case officer's cases, an authority manager's units, a provider manager's units`,
        response: { 200: c.WatchList, ...errors },
      },
    },
    async (request) => service.listWatches(db, positionedActorOf(request), clock),
  );

  app.get(
    '/api/watches/counts',
    {
      schema: {
        tags: TAGS,
        summary: 'How many of my watches are overdue, due and approaching (no names, not audited): the desk polls it',
        response: { 200: c.WatchCounts, ...errors },
      },
    },
    async (request) => service.getWatchCounts(db, positionedActorOf(request), clock),
  );

  app.get(
    '/api/watches/settings',
    {
      schema: {
        tags: TAGS,
        summary:
          "The municipality's times for the watches: reminder months, hours before escalation, days before a period ends",
        response: { 200: c.WatchSettings, ...errors },
      },
    },
    async (request) => service.getWatchSettings(db, positionedActorOf(request)),
  );

  app.put(
    '/api/watches/settings',
    {
      schema: {
        tags: TAGS,
        summary: 'Change the times for the watches (administrator)',
        body: c.WatchSettings,
        response: { 200: c.WatchSettings, ...errors },
      },
    },
    async (request) => service.updateWatchSettings(db, positionedActorOf(request), request.body),
  );
}
