/** Assignments: thin routes, each one schema, one service call. */
import { z } from 'zod';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse, Ok } from '../../../contract/common.ts';
import * as c from '../../../contract/assignments.ts';
import * as service from './assignment.service.ts';
import * as sending from './assignment-sending.service.ts';
import * as newAssignments from './new-assignments.service.ts';
import { getAssignmentDocument } from './assignment-document.service.ts';

const TAGS = ['Uppdrag'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registerAssignmentRoutes(app: App, { db }: AppDeps): void {
  app.get(
    '/api/decisions/:decisionId/assignment-options',
    {
      schema: {
        tags: TAGS,
        summary:
          "What the assignment form needs: the decision's interventions, the providers, assignments it may replace",
        params: c.DecisionParams,
        response: { 200: c.AssignmentOptions, ...errors },
      },
    },
    async (request) => service.getAssignmentOptions(db, positionedActorOf(request), request.params.decisionId),
  );

  app.post(
    '/api/decisions/:decisionId/assignments',
    {
      schema: {
        tags: TAGS,
        summary: 'Write a draft assignment from a granted decision to one provider',
        params: c.DecisionParams,
        body: c.AssignmentDraftRequest,
        response: { 200: c.CreatedAssignment, ...errors },
      },
    },
    async (request) => service.createDraft(db, positionedActorOf(request), request.params.decisionId, request.body),
  );

  app.get(
    '/api/cases/:caseId/assignments',
    {
      schema: {
        tags: TAGS,
        summary: "The case's assignments, drafts and sent, with their state",
        params: c.CaseParams,
        response: { 200: c.CaseAssignmentList, ...errors },
      },
    },
    async (request) => service.listCaseAssignments(db, positionedActorOf(request), request.params.caseId),
  );

  app.get(
    '/api/assignments/new',
    {
      schema: {
        tags: TAGS,
        summary: '"Nya uppdrag": sent assignments waiting at your providers, waiting longest first, 50 a page',
        querystring: c.NewAssignmentsQuery,
        response: { 200: c.NewAssignmentList, ...errors },
      },
    },
    async (request) => newAssignments.listNewAssignments(db, positionedActorOf(request), request.query),
  );

  app.get(
    '/api/assignments/new/count',
    {
      schema: {
        tags: TAGS,
        summary: 'How many new assignments wait (for the desk)',
        querystring: c.NewAssignmentsQuery.pick({ providerUnitId: true }),
        response: { 200: c.NewAssignmentCount, ...errors },
      },
    },
    async (request) => newAssignments.countNewAssignments(db, positionedActorOf(request), request.query),
  );

  app.get(
    '/api/assignments/:assignmentId',
    {
      schema: {
        tags: TAGS,
        summary: "One assignment: the authority's always, a provider's once sent to it",
        params: c.AssignmentParams,
        response: { 200: c.AssignmentDetail, ...errors },
      },
    },
    async (request) => service.getAssignment(db, positionedActorOf(request), request.params.assignmentId),
  );

  app.put(
    '/api/assignments/:assignmentId',
    {
      schema: {
        tags: TAGS,
        summary: 'Save a draft (a sent assignment never changes: write one that replaces it)',
        params: c.AssignmentParams,
        body: c.UpdateAssignmentRequest,
        response: { 200: c.AssignmentDetail, ...errors },
      },
    },
    async (request) => {
      const { version, ...draft } = request.body;
      return service.updateDraft(db, positionedActorOf(request), request.params.assignmentId, version, draft);
    },
  );

  app.delete(
    '/api/assignments/:assignmentId',
    {
      schema: {
        tags: TAGS,
        summary: 'Delete a draft',
        params: c.AssignmentParams,
        querystring: c.VersionQuery,
        response: { 200: Ok, ...errors },
      },
    },
    async (request) =>
      service.deleteDraft(db, positionedActorOf(request), request.params.assignmentId, request.query.version),
  );

  app.get(
    '/api/assignments/:assignmentId/document.pdf',
    {
      schema: {
        tags: TAGS,
        summary: 'The assignment document as PDF (the same the provider reads)',
        params: c.AssignmentParams,
        produces: ['application/pdf'],
        response: { 200: z.any().describe('application/pdf'), ...errors },
      },
    },
    async (request, reply) => {
      const document = await getAssignmentDocument(db, positionedActorOf(request), request.params.assignmentId);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${document.filename}"`)
        .send(document.pdf);
    },
  );

  app.post(
    '/api/assignments/:assignmentId/send',
    {
      schema: {
        tags: TAGS,
        summary: 'Send to a provider in Vardag: "Nya uppdrag" and a message to its receivers',
        params: c.AssignmentParams,
        body: c.VersionBody,
        response: { 200: c.AssignmentDetail, ...errors },
      },
    },
    async (request) =>
      sending.sendAssignment(db, positionedActorOf(request), request.params.assignmentId, request.body.version),
  );

  app.post(
    '/api/assignments/:assignmentId/record-sent-outside',
    {
      schema: {
        tags: TAGS,
        summary: 'Record that the PDF was sent by secure mail or by post to a provider without system access',
        params: c.AssignmentParams,
        body: c.RecordSentOutsideRequest,
        response: { 200: c.AssignmentDetail, ...errors },
      },
    },
    async (request) =>
      sending.recordSentOutside(
        db,
        positionedActorOf(request),
        request.params.assignmentId,
        request.body.version,
        request.body.via,
      ),
  );
}
