/** Persons: thin routes, each one schema, one service call. */
import { z } from 'zod';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/persons.ts';
import * as service from './person.service.ts';
import { registerPersonDetailRoutes } from './person-details.routes.ts';
import { PERSON_RECORD_COST, personListCost } from '../../platform/rate-limit/read-limits.ts';

const TAGS = ['Personer'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };
/** Reads of personal data are metered (ADR 0016) and may answer 429. */
const metered = { ...errors, 429: ErrorResponse };

export function registerPersonRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.get(
    '/api/persons',
    {
      config: { readCost: personListCost(service.SEARCH_LIMIT) },
      schema: {
        tags: TAGS,
        summary: 'Search persons in your scope by identity number, birth date or name',
        querystring: c.PersonSearchQuery,
        response: { 200: c.PersonSearchResult, ...metered },
      },
    },
    async (request) => service.searchPersons(db, positionedActorOf(request), request.query.q),
  );

  app.post(
    '/api/persons',
    {
      schema: {
        tags: TAGS,
        summary: 'Register a person (or link an already registered number to your unit)',
        body: c.RegisterPersonRequest,
        response: { 200: c.RegisterPersonResponse, ...errors },
      },
    },
    async (request) => service.registerPerson(db, positionedActorOf(request), request.body),
  );

  app.get(
    '/api/persons/:personId',
    {
      config: { readCost: PERSON_RECORD_COST },
      schema: {
        tags: TAGS,
        summary: 'A person with the details of every tab',
        params: c.PersonParams,
        response: { 200: c.PersonDetail, ...metered },
      },
    },
    async (request) => service.getPerson(db, positionedActorOf(request), request.params.personId),
  );

  app.put(
    '/api/persons/:personId/core',
    {
      schema: {
        tags: TAGS,
        summary: 'Save the personal details tab',
        params: c.PersonParams,
        body: c.UpdatePersonCore,
        response: { 200: c.PersonDetail, ...errors },
      },
    },
    async (request) =>
      service.updatePersonSection(
        db,
        positionedActorOf(request),
        request.params.personId,
        'core',
        request.body.version,
        service.corePatch(request.body),
      ),
  );

  app.put(
    '/api/persons/:personId/contact',
    {
      schema: {
        tags: TAGS,
        summary: 'Save telephone and e-mail',
        params: c.PersonParams,
        body: c.UpdatePersonContact,
        response: { 200: c.PersonDetail, ...errors },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      return service.updatePersonSection(
        db,
        positionedActorOf(request),
        request.params.personId,
        'contact',
        version,
        patch,
      );
    },
  );

  app.put(
    '/api/persons/:personId/visit-info',
    {
      schema: {
        tags: TAGS,
        summary: 'Save visit information and door code',
        params: c.PersonParams,
        body: c.UpdatePersonVisitInfo,
        response: { 200: c.PersonDetail, ...errors },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      return service.updatePersonSection(
        db,
        positionedActorOf(request),
        request.params.personId,
        'visit_info',
        version,
        patch,
      );
    },
  );

  app.put(
    '/api/persons/:personId/important-info',
    {
      schema: {
        tags: TAGS,
        summary: 'Save "important to know" (visible to others; never diagnoses)',
        params: c.PersonParams,
        body: c.UpdatePersonImportantInfo,
        response: { 200: c.PersonDetail, ...errors },
      },
    },
    async (request) => {
      const { version, ...patch } = request.body;
      return service.updatePersonSection(
        db,
        positionedActorOf(request),
        request.params.personId,
        'important_info',
        version,
        patch,
      );
    },
  );

  app.get(
    '/api/persons/:personId/addresses',
    {
      config: { readCost: PERSON_RECORD_COST },
      schema: {
        tags: TAGS,
        summary: 'Registered address history, newest first',
        params: c.PersonParams,
        response: { 200: z.array(c.Address), ...metered },
      },
    },
    async (request) => service.listAddresses(db, positionedActorOf(request), request.params.personId),
  );

  app.post(
    '/api/persons/:personId/addresses',
    {
      schema: {
        tags: TAGS,
        summary: 'Add a registered address from a date',
        params: c.PersonParams,
        body: c.NewAddress,
        response: { 200: z.array(c.Address), ...errors },
      },
    },
    async (request) => service.addAddress(db, positionedActorOf(request), request.params.personId, request.body),
  );

  app.post(
    '/api/persons/:personId/reveal',
    {
      schema: {
        tags: TAGS,
        summary: "Show a protected identity's name and address (audited with the reason)",
        params: c.PersonParams,
        body: c.RevealRequest,
        response: { 200: c.RevealedIdentity, ...errors },
      },
    },
    async (request) =>
      service.revealProtectedIdentity(db, positionedActorOf(request), request.params.personId, request.body.reason),
  );

  app.get(
    '/api/persons/:personId/access-log',
    {
      config: { readCost: PERSON_RECORD_COST },
      schema: {
        tags: TAGS,
        summary: 'Who has read or changed the person (managers)',
        params: c.PersonParams,
        response: { 200: c.AccessLog, ...metered },
      },
    },
    async (request) => service.getPersonAccessLog(db, positionedActorOf(request), request.params.personId),
  );

  registerPersonDetailRoutes(app, deps);
}
