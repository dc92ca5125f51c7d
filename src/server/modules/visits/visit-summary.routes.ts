/** Inför besöket: one thin route, the schema and one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { PERSON_RECORD_COST } from '../../platform/rate-limit/read-limits.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import { PersonParams } from '../../../contract/persons.ts';
import * as c from '../../../contract/visits.ts';
import { getVisitSummary } from './visit-summary.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 429: ErrorResponse };

export function registerVisitRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/persons/:personId/visit-summary',
    {
      // One person's record, metered like opening the person (ADR 0016).
      config: { readCost: PERSON_RECORD_COST },
      schema: {
        tags: ['Personer'],
        summary:
          "Inför besöket: contact, the way in, keys, important to know, relatives and reference persons, and today's interventions at your units with their assignments' instructions and needs (provider staff)",
        params: PersonParams,
        response: { 200: c.VisitSummary, ...errors },
      },
    },
    async (request) => getVisitSummary(db, positionedActorOf(request), request.params.personId),
  );
}
