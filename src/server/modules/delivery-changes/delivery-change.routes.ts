/** Changing delivery rows: thin routes, each one schema, one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import { PersonParams } from '../../../contract/persons.ts';
import { DeliveryParams } from '../../../contract/deliveries.ts';
import * as c from '../../../contract/delivery-changes.ts';
import * as rows from './delivery-change.service.ts';
import * as interruptions from './interruption.service.ts';
import * as providerChanges from './provider-change.service.ts';

const TAGS = ['Ändra verkställighet'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registerDeliveryChangeRoutes(app: App, { db }: AppDeps): void {
  app.post(
    '/api/deliveries/:deliveryId/withdraw',
    {
      schema: {
        tags: TAGS,
        summary:
          'Change of time (Återkalla): the row ends the day before changeFrom and a new row Under fördelning continues it',
        params: DeliveryParams,
        body: c.WithdrawDeliveryRequest,
        response: { 200: c.WithdrawalResult, ...errors },
      },
    },
    async (request) => rows.withdrawDelivery(db, positionedActorOf(request), request.params.deliveryId, request.body),
  );

  app.post(
    '/api/deliveries/:deliveryId/end',
    {
      schema: {
        tags: TAGS,
        summary: 'End the row (Rätta/Avsluta) on a day with a reason; the case officer is told',
        params: DeliveryParams,
        body: c.EndDeliveryRequest,
        response: { 200: c.EndResult, ...errors },
      },
    },
    async (request) => rows.endDelivery(db, positionedActorOf(request), request.params.deliveryId, request.body),
  );

  app.post(
    '/api/deliveries/:deliveryId/cancel',
    {
      schema: {
        tags: TAGS,
        summary:
          'Cancel a row that has not begun (Avbryt före start): it ends the day before its first day with a reason; the case officer is told',
        params: DeliveryParams,
        body: c.CancelDeliveryRequest,
        response: { 200: c.CancelResult, ...errors },
      },
    },
    async (request) => rows.cancelDelivery(db, positionedActorOf(request), request.params.deliveryId, request.body),
  );

  app.get(
    '/api/deliveries/:deliveryId/interruptions',
    {
      schema: {
        tags: TAGS,
        summary:
          "The row's interruptions (avbrott), each flagged when it must be reported to IVO (audited as a read of the person)",
        params: DeliveryParams,
        response: { 200: c.InterruptionList, ...errors },
      },
    },
    async (request) =>
      interruptions.listDeliveryInterruptions(db, positionedActorOf(request), request.params.deliveryId),
  );

  app.post(
    '/api/deliveries/:deliveryId/interruptions',
    {
      schema: {
        tags: TAGS,
        summary: 'Register an interruption of the row',
        params: DeliveryParams,
        body: c.NewInterruptionRequest,
        response: { 200: c.InterruptionView, ...errors },
      },
    },
    async (request) =>
      interruptions.addInterruption(db, positionedActorOf(request), request.params.deliveryId, request.body),
  );

  app.put(
    '/api/interruptions/:interruptionId',
    {
      schema: {
        tags: TAGS,
        summary: 'Record when delivery resumed (toDate) and the reason',
        params: c.InterruptionParams,
        body: c.UpdateInterruptionRequest,
        response: { 200: c.InterruptionView, ...errors },
      },
    },
    async (request) =>
      interruptions.updateInterruption(db, positionedActorOf(request), request.params.interruptionId, request.body),
  );

  app.get(
    '/api/deliveries/:deliveryId/provider-change-targets',
    {
      schema: {
        tags: TAGS,
        summary: 'The providers and units the row may move to: other providers of its service area',
        params: DeliveryParams,
        response: { 200: c.ProviderChangeTargets, ...errors },
      },
    },
    async (request) =>
      providerChanges.listProviderChangeTargets(db, positionedActorOf(request), request.params.deliveryId),
  );

  app.get(
    '/api/persons/:personId/provider-changes',
    {
      schema: {
        tags: TAGS,
        summary: "The person's changes of provider, newest first, with their status",
        params: PersonParams,
        response: { 200: c.ProviderChangeList, ...errors },
      },
    },
    async (request) => providerChanges.listProviderChanges(db, positionedActorOf(request), request.params.personId),
  );

  app.post(
    '/api/persons/:personId/provider-changes',
    {
      schema: {
        tags: TAGS,
        summary:
          'Change of provider (Byt utförare): sends a new assignment to the new provider; the rows end the day before once it is accepted',
        params: PersonParams,
        body: c.ProviderChangeRequest,
        response: { 200: c.ProviderChangeResult, ...errors },
      },
    },
    async (request) =>
      providerChanges.requestProviderChange(db, positionedActorOf(request), request.params.personId, request.body),
  );
}
