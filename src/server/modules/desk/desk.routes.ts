/** The desk (Mitt skrivbord): thin routes, each one schema, one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/desk.ts';
import * as service from './desk.service.ts';

const TAGS = ['Mitt skrivbord'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };

export function registerDeskRoutes(app: App, { db }: AppDeps): void {
  app.get('/api/desk', {
    schema: { tags: TAGS, summary: 'My units with their person counts, and how many persons I opened lately', response: { 200: c.DeskOverview, ...errors } },
  }, async (request) => service.getDeskOverview(db, positionedActorOf(request)));

  app.get('/api/desk/recent-persons', {
    schema: { tags: TAGS, summary: 'Persons I opened lately and still may see, newest first (each listing audited)', response: { 200: c.RecentPersons, ...errors } },
  }, async (request) => service.listRecentPersons(db, positionedActorOf(request)));

  app.get('/api/desk/units/:unitId/persons', {
    schema: { tags: TAGS, summary: 'The persons of one of my units, by name (each listing audited)', params: c.UnitPersonsParams, response: { 200: c.UnitPersons, ...errors } },
  }, async (request) => service.listUnitPersons(db, positionedActorOf(request), request.params.unitId));
}
