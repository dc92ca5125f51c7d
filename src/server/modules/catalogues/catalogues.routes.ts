/** The catalogues: thin routes, each one schema, one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/catalogues.ts';
import * as legalBases from './legal-basis.service.ts';
import * as interventionTypes from './intervention-type.service.ts';

const TAGS = ['Kataloger'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registerCatalogueRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.get(
    '/api/catalogues/legal-bases',
    {
      schema: {
        tags: TAGS,
        summary: 'Legal bases by code, optionally only those valid on a day or of a service area (any positioned user)',
        querystring: c.LegalBasisQuery,
        response: { 200: c.LegalBasisList, ...errors },
      },
    },
    async (request) =>
      legalBases.listLegalBases(db, positionedActorOf(request), {
        validOn: request.query.validOn,
        serviceArea: request.query.serviceArea,
      }),
  );

  app.post(
    '/api/catalogues/legal-bases',
    {
      schema: {
        tags: TAGS,
        summary:
          'Add a legal basis for one or more service areas; the same code again only with validity that does not overlap (administrators)',
        body: c.CreateLegalBasisRequest,
        response: { 200: c.LegalBasis, ...errors },
      },
    },
    async (request) => legalBases.createLegalBasis(db, positionedActorOf(request), request.body),
  );

  app.put(
    '/api/catalogues/legal-bases/:legalBasisId',
    {
      schema: {
        tags: TAGS,
        summary:
          "Change a legal basis; one in use keeps its code, covers its decisions' dates and keeps the areas they were made in (administrators)",
        params: c.LegalBasisParams,
        body: c.UpdateLegalBasisRequest,
        response: { 200: c.LegalBasis, ...errors },
      },
    },
    async (request) =>
      legalBases.updateLegalBasis(db, positionedActorOf(request), request.params.legalBasisId, request.body),
  );

  app.get(
    '/api/catalogues/intervention-types',
    {
      schema: {
        tags: TAGS,
        summary: 'Intervention types in Swedish name order, active only unless asked (any positioned user)',
        querystring: c.InterventionTypeQuery,
        response: { 200: c.InterventionTypeList, ...errors },
      },
    },
    async (request) =>
      interventionTypes.listInterventionTypes(db, positionedActorOf(request), {
        serviceArea: request.query.serviceArea,
        includeInactive: request.query.includeInactive === 'true',
      }),
  );

  app.post(
    '/api/catalogues/intervention-types',
    {
      schema: {
        tags: TAGS,
        summary: 'Add an intervention type to a service area (administrators)',
        body: c.CreateInterventionTypeRequest,
        response: { 200: c.InterventionType, ...errors },
      },
    },
    async (request) => interventionTypes.createInterventionType(db, positionedActorOf(request), request.body),
  );

  app.put(
    '/api/catalogues/intervention-types/:interventionTypeId',
    {
      schema: {
        tags: TAGS,
        summary: 'Change an intervention type; its service area is fixed once a decision grants it (administrators)',
        params: c.InterventionTypeParams,
        body: c.UpdateInterventionTypeRequest,
        response: { 200: c.InterventionType, ...errors },
      },
    },
    async (request) =>
      interventionTypes.updateInterventionType(
        db,
        positionedActorOf(request),
        request.params.interventionTypeId,
        request.body,
      ),
  );
}
