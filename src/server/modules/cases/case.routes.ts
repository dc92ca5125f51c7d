/** Authority cases and decisions: thin routes, each one schema, one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import { PersonParams } from '../../../contract/persons.ts';
import * as c from '../../../contract/cases.ts';
import * as service from './case.service.ts';
import * as decisions from './decision.service.ts';

const TAGS = ['Ärenden och beslut'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registerCaseRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/persons/:personId/cases',
    {
      schema: {
        tags: TAGS,
        summary: "The person's cases in your service area, open first, with their decisions",
        params: PersonParams,
        response: { 200: c.PersonCases, ...errors },
      },
    },
    async (request) => service.listPersonCases(db, positionedActorOf(request), request.params.personId),
  );

  app.post(
    '/api/persons/:personId/cases',
    {
      schema: {
        tags: TAGS,
        summary: 'Open a case in your service area (409 when one is already open)',
        params: PersonParams,
        body: c.OpenCaseRequest,
        response: { 200: c.OpenCaseResponse, ...errors },
      },
    },
    async (request) => service.openCase(db, positionedActorOf(request), request.params.personId, request.body),
  );

  app.get(
    '/api/cases/mine',
    {
      schema: {
        tags: TAGS,
        summary: 'Mina ärenden: open cases where you are the case officer (each person listed is audited)',
        response: { 200: c.MyCases, ...errors },
      },
    },
    async (request) => service.listMyCases(db, positionedActorOf(request)),
  );

  app.get(
    '/api/cases/staffing',
    {
      schema: {
        tags: TAGS,
        summary: 'The authority units and case officers of your service area, for the case forms',
        response: { 200: c.CaseStaffing, ...errors },
      },
    },
    async (request) => service.getCaseStaffing(db, positionedActorOf(request)),
  );

  app.get(
    '/api/cases/:caseId',
    {
      schema: {
        tags: TAGS,
        summary: 'The case with its decisions and history (audited as a read of the person)',
        params: c.CaseParams,
        response: { 200: c.CaseView, ...errors },
      },
    },
    async (request) => service.getCase(db, positionedActorOf(request), request.params.caseId),
  );

  app.put(
    '/api/cases/:caseId/case-officer',
    {
      schema: {
        tags: TAGS,
        summary: 'Change the case officer',
        params: c.CaseParams,
        body: c.ChangeCaseOfficerRequest,
        response: { 200: c.CaseView, ...errors },
      },
    },
    async (request) => service.changeCaseOfficer(db, positionedActorOf(request), request.params.caseId, request.body),
  );

  app.post(
    '/api/cases/:caseId/decisions',
    {
      schema: {
        tags: TAGS,
        summary: 'Record a decision, granted or refused, with its interventions',
        params: c.CaseParams,
        body: c.RecordDecisionRequest,
        response: { 200: c.RecordDecisionResponse, ...errors },
      },
    },
    async (request) => decisions.recordDecision(db, positionedActorOf(request), request.params.caseId, request.body),
  );

  app.get(
    '/api/decisions/:decisionId/end-preview',
    {
      schema: {
        tags: TAGS,
        summary:
          'What ending the decision on the day would do at the provider: rows that end, assignments withdrawn from Nya uppdrag',
        params: c.DecisionParams,
        querystring: c.DecisionEndPreviewQuery,
        response: { 200: c.DecisionEndEffects, ...errors },
      },
    },
    async (request) =>
      decisions.previewDecisionEnd(db, positionedActorOf(request), request.params.decisionId, request.query.endedOn),
  );

  app.post(
    '/api/decisions/:decisionId/end',
    {
      schema: {
        tags: TAGS,
        summary:
          'End a decision early, with a reason: its rows end on the day, waiting assignments are withdrawn, the provider units are told',
        params: c.DecisionParams,
        body: c.EndDecisionRequest,
        response: { 200: c.CaseView, ...errors },
      },
    },
    async (request) => decisions.endDecision(db, positionedActorOf(request), request.params.decisionId, request.body),
  );

  app.post(
    '/api/cases/:caseId/close',
    {
      schema: {
        tags: TAGS,
        summary:
          'Close the case when every decision has ended or run out; assignments still waiting in Nya uppdrag are withdrawn',
        params: c.CaseParams,
        body: c.CloseCaseRequest,
        response: { 200: c.CaseView, ...errors },
      },
    },
    async (request) => service.closeCase(db, positionedActorOf(request), request.params.caseId, request.body),
  );
}
