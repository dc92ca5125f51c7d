/** Provider cases (genomföranden): the staff view, acknowledging, closing. Thin: schema, one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/provider-cases.ts';
import * as service from './provider-case.service.ts';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registerProviderCaseRoutes(app: App, { db }: AppDeps): void {
  // The staff view and acknowledging keep the tag they were published under (Verkställighet).
  app.get(
    '/api/provider-cases/:providerCaseId',
    {
      schema: {
        tags: ['Verkställighet'],
        summary: "A person's case at a provider unit as its staff receive it",
        params: c.ProviderCaseParams,
        response: { 200: c.ProviderCaseView, ...errors },
      },
    },
    async (request) => service.getProviderCase(db, positionedActorOf(request), request.params.providerCaseId),
  );

  app.post(
    '/api/provider-cases/:providerCaseId/acknowledge',
    {
      schema: {
        tags: ['Verkställighet'],
        summary:
          'Kvittera: staff of the unit acknowledge the assignment, optionally keeping the person under Mina personer',
        params: c.ProviderCaseParams,
        body: c.AcknowledgeRequest,
        response: { 200: c.ProviderCaseView, ...errors },
      },
    },
    async (request) =>
      service.acknowledgeProviderCase(db, positionedActorOf(request), request.params.providerCaseId, request.body),
  );

  app.post(
    '/api/provider-cases/:providerCaseId/close',
    {
      schema: {
        tags: ['Genomförande'],
        summary:
          "Close a provider case with nothing ongoing or planned (managers and coordinators of the unit); ends the unit's link to the person",
        params: c.ProviderCaseParams,
        body: c.CloseProviderCaseRequest,
        response: { 200: c.ClosedProviderCase, ...errors },
      },
    },
    async (request) =>
      service.closeProviderCase(db, positionedActorOf(request), request.params.providerCaseId, request.body),
  );
}
