/** The desk (Mitt skrivbord): thin routes, each one schema, one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/desk.ts';
import * as service from './desk.service.ts';
import * as providerFolders from './provider-folders.service.ts';
import * as myPersons from './my-persons.service.ts';
import { personListCost } from '../../platform/rate-limit/read-limits.ts';

const TAGS = ['Mitt skrivbord'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
/** Lists of persons are metered at their page size (ADR 0016) and may answer 429. */
const metered = { ...errors, 429: ErrorResponse };

export function registerDeskRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/desk',
    {
      schema: {
        tags: TAGS,
        summary: "Every folder's count, and my units with their person counts (no names, not audited)",
        querystring: c.DeskOverviewQuery,
        response: { 200: c.DeskOverview, ...errors },
      },
    },
    async (request) => service.getDeskOverview(db, positionedActorOf(request), request.query),
  );

  app.get(
    '/api/desk/recent-persons',
    {
      config: { readCost: personListCost(service.RECENT_LIMIT) },
      schema: {
        tags: TAGS,
        summary: 'Persons I opened lately and still may see, newest first (each listing audited)',
        response: { 200: c.RecentPersons, ...metered },
      },
    },
    async (request) => service.listRecentPersons(db, positionedActorOf(request)),
  );

  app.get(
    '/api/desk/units/:unitId/persons',
    {
      config: { readCost: personListCost(service.UNIT_PAGE_SIZE) },
      schema: {
        tags: TAGS,
        summary: 'One page of the persons of one of my units, by name, optionally filtered (each person shown audited)',
        params: c.UnitPersonsParams,
        querystring: c.UnitPersonsQuery,
        response: { 200: c.UnitPersons, ...metered },
      },
    },
    async (request) => service.listUnitPersons(db, positionedActorOf(request), request.params.unitId, request.query),
  );

  app.get(
    '/api/desk/unacknowledged',
    {
      config: { readCost: personListCost(providerFolders.UNACKNOWLEDGED_PAGE_SIZE) },
      schema: {
        tags: TAGS,
        summary:
          '"Nya uppdrag" to acknowledge (kvittera): open provider cases at my units, waiting longest first, 50 a page (each audited)',
        querystring: c.UnacknowledgedQuery,
        response: { 200: c.UnacknowledgedList, ...metered },
      },
    },
    async (request) => providerFolders.listUnacknowledged(db, positionedActorOf(request), request.query),
  );

  app.get(
    '/api/desk/not-current',
    {
      config: { readCost: personListCost(providerFolders.NOT_CURRENT_PAGE_SIZE) },
      schema: {
        tags: TAGS,
        summary:
          '"Ej aktuella – att avsluta": open provider cases at my units with nothing ongoing or planned (managers and coordinators; each audited)',
        querystring: c.NotCurrentQuery,
        response: { 200: c.NotCurrentList, ...metered },
      },
    },
    async (request) => providerFolders.listNotCurrent(db, positionedActorOf(request), request.query),
  );

  app.get(
    '/api/desk/starts-to-register',
    {
      config: { readCost: personListCost(providerFolders.STARTS_TO_REGISTER_LIMIT) },
      schema: {
        tags: TAGS,
        summary:
          'Rows sent to delivery at my units whose first day has come with no start date registered, first day longest ago first, at most 50 (managers and coordinators; each audited)',
        response: { 200: c.StartsToRegisterList, ...metered },
      },
    },
    async (request) => providerFolders.listStartsToRegister(db, positionedActorOf(request)),
  );

  app.get(
    '/api/desk/my-persons',
    {
      config: { readCost: personListCost(myPersons.MY_PERSONS_MAX) },
      schema: {
        tags: TAGS,
        summary: '"Mina personer" still in my scope, by name (each listing audited)',
        response: { 200: c.MyPersons, ...metered },
      },
    },
    async (request) => myPersons.listMyPersons(db, positionedActorOf(request)),
  );

  app.post(
    '/api/desk/my-persons',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a person in my scope to "Mina personer"',
        body: c.AddMyPersonRequest,
        response: { 200: c.MyPersonStatus, ...errors },
      },
    },
    async (request) => myPersons.addMyPerson(db, positionedActorOf(request), request.body.personId),
  );

  app.get(
    '/api/desk/my-persons/:personId',
    {
      schema: {
        tags: TAGS,
        summary: 'Whether a person in my scope is in "Mina personer" (the person page\'s toggle)',
        params: c.MyPersonParams,
        response: { 200: c.MyPersonStatus, ...errors },
      },
    },
    async (request) => myPersons.getMyPersonStatus(db, positionedActorOf(request), request.params.personId),
  );

  app.delete(
    '/api/desk/my-persons/:personId',
    {
      schema: {
        tags: TAGS,
        summary: 'Remove a person from "Mina personer"',
        params: c.MyPersonParams,
        response: { 200: c.MyPersonStatus, ...errors },
      },
    },
    async (request) => myPersons.removeMyPerson(db, positionedActorOf(request), request.params.personId),
  );
}
