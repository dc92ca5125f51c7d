/** Provider cases (genomföranden): closing, from "Ej aktuella – att avsluta". Thin: schema, one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/desk.ts';
import * as service from './provider-case.service.ts';

const TAGS = ['Genomförande'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registerProviderCaseRoutes(app: App, { db }: AppDeps): void {
  app.post('/api/provider-cases/:providerCaseId/close', {
    schema: {
      tags: TAGS, summary: 'Close a provider case with nothing ongoing or planned (managers and coordinators of the unit); ends the unit\'s link to the person',
      params: c.CloseProviderCaseParams, body: c.CloseProviderCaseRequest, response: { 200: c.ClosedProviderCase, ...errors },
    },
  }, async (request) => service.closeProviderCase(db, positionedActorOf(request), request.params.providerCaseId, request.body));
}
