/** Deliveries at the provider: thin routes, each one schema, one service call. Provider cases: ../provider-cases/. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import { PersonParams } from '../../../contract/persons.ts';
import * as c from '../../../contract/deliveries.ts';
import * as intake from './intake.service.ts';
import * as deliveries from './delivery.service.ts';

const TAGS = ['Verkställighet'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** `settleProviderChange` is the delivery-changes module's, handed over by app.ts. */
export function registerDeliveryRoutes(
  app: App,
  { db }: AppDeps,
  settleProviderChange: intake.ProviderChangeSettler,
): void {
  app.get(
    '/api/assignments/:assignmentId/distribution',
    {
      schema: {
        tags: TAGS,
        summary:
          "What accepting and distributing needs: the interventions, the provider's units, the rows so far, the state version",
        params: c.AssignmentParams,
        response: { 200: c.DistributionOptions, ...errors },
      },
    },
    async (request) => intake.getDistributionOptions(db, positionedActorOf(request), request.params.assignmentId),
  );

  app.post(
    '/api/assignments/:assignmentId/stop',
    {
      schema: {
        tags: TAGS,
        summary: 'Stoppa: send a new assignment back to the case officer with a message',
        params: c.AssignmentParams,
        body: c.StopRequest,
        response: { 200: c.StopResult, ...errors },
      },
    },
    async (request) =>
      intake.stopAssignment(
        db,
        positionedActorOf(request),
        request.params.assignmentId,
        request.body,
        settleProviderChange,
      ),
  );

  app.post(
    '/api/assignments/:assignmentId/distribution',
    {
      schema: {
        tags: TAGS,
        summary: 'Acceptera och fördela: register delivery rows per intervention, optionally sending them to delivery',
        params: c.AssignmentParams,
        body: c.DistributionRequest,
        response: { 200: c.DistributionResult, ...errors },
      },
    },
    async (request) =>
      intake.distributeAssignment(
        db,
        positionedActorOf(request),
        request.params.assignmentId,
        request.body,
        settleProviderChange,
      ),
  );

  app.put(
    '/api/deliveries/:deliveryId',
    {
      schema: {
        tags: TAGS,
        summary: 'Registrera: change a row under distribution',
        params: c.DeliveryParams,
        body: c.UpdateDeliveryRequest,
        response: { 200: c.DeliveryRow, ...errors },
      },
    },
    async (request) =>
      deliveries.updateDelivery(db, positionedActorOf(request), request.params.deliveryId, request.body),
  );

  app.post(
    '/api/deliveries/send-to-delivery',
    {
      schema: {
        tags: TAGS,
        summary: 'Till genomförande: send rows under distribution to delivery',
        body: c.SendToDeliveryRequest,
        response: { 200: c.SentToDelivery, ...errors },
      },
    },
    async (request) => deliveries.sendToDelivery(db, positionedActorOf(request), request.body),
  );

  app.post(
    '/api/deliveries/:deliveryId/start',
    {
      schema: {
        tags: TAGS,
        summary: 'Register the delivery start date (verkställighetsdatum); the case officer is told',
        params: c.DeliveryParams,
        body: c.StartDeliveryRequest,
        response: { 200: c.DeliveryRow, ...errors },
      },
    },
    async (request) =>
      deliveries.startDelivery(db, positionedActorOf(request), request.params.deliveryId, request.body),
  );

  app.post(
    '/api/deliveries/:deliveryId/correct',
    {
      schema: {
        tags: TAGS,
        summary:
          'Rätta: correct a row sent to delivery — its start date and registered fields, not its unit or period — with a reason; a changed start date is told to the case officer',
        params: c.DeliveryParams,
        body: c.CorrectDeliveryRequest,
        response: { 200: c.DeliveryRow, ...errors },
      },
    },
    async (request) =>
      deliveries.correctDelivery(db, positionedActorOf(request), request.params.deliveryId, request.body),
  );

  app.get(
    '/api/deliveries/:deliveryId/history',
    {
      schema: {
        tags: TAGS,
        summary: "A row's history: every event with the row as it stood after it",
        params: c.DeliveryParams,
        response: { 200: c.DeliveryHistory, ...errors },
      },
    },
    async (request) => deliveries.getDeliveryHistory(db, positionedActorOf(request), request.params.deliveryId),
  );

  app.get(
    '/api/persons/:personId/deliveries',
    {
      schema: {
        tags: TAGS,
        summary: "The person's delivery rows the reader may see, with their interruptions",
        params: PersonParams,
        response: { 200: c.PersonDeliveries, ...errors },
      },
    },
    async (request) => deliveries.listPersonDeliveries(db, positionedActorOf(request), request.params.personId),
  );
}
