/**
 * Not run, only type-checked (it is part of `npm run typecheck`): proof that the typed client
 * refuses what the server does not have. Each `@ts-expect-error` fails the check if the line under
 * it ever compiles, e.g. after the contract gained a route by that name. Rename a route in the
 * contract and every `http.GET('/api/…')` of its old path in the web fails the same way.
 */
import { apiUrl, http, type RequestBody } from './client.ts';

export function typeChecks() {
  // A route the document has, with its parameter: fine.
  void http.GET('/api/persons/{personId}', { params: { path: { personId: 'x' } } });

  // @ts-expect-error a path the OpenAPI document does not have (a renamed route)
  void http.GET('/api/people/{personId}', { params: { path: { personId: 'x' } } });

  // @ts-expect-error a method the route does not take
  void http.DELETE('/api/persons/{personId}', { params: { path: { personId: 'x' } } });

  // @ts-expect-error a required query parameter left out
  void http.GET('/api/persons', { params: { query: {} } });

  // @ts-expect-error a query parameter of the wrong type
  void http.GET('/api/messages/sent', { params: { query: { page: 'two' } } });

  // @ts-expect-error a path parameter left out
  void http.GET('/api/persons/{personId}', { params: { path: {} } });

  // @ts-expect-error a body that misses a required field (the version)
  const body: RequestBody<'/api/persons/{personId}/important-info', 'put'> = { importantInfo: 'x' };

  // @ts-expect-error the PDF's address for a path the document does not have
  void apiUrl('/api/assignments/{assignmentId}/document', { assignmentId: 'x' });

  return body;
}

export async function replyChecks() {
  const { data } = await http.GET('/api/messages/unread-count');
  // @ts-expect-error a reply field the route does not answer with
  return data?.unread;
}
