/** Relatives, reference persons and keys: the same four routes for each list. */
import { z } from 'zod';
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import { PersonParams } from '../../../contract/persons.ts';
import * as c from '../../../contract/person-details.ts';
import { PERSON_RECORD_COST } from '../../platform/rate-limit/read-limits.ts';
import {
  changePersonDetail,
  listPersonDetails,
  KEYS,
  REFERENCE_PERSONS,
  RELATIVES,
  type DetailList,
} from './person-details.service.ts';

const TAGS = ['Personer'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registerPersonDetailRoutes(app: App, { db }: AppDeps): void {
  register('relatives', 'relatives (närstående)', RELATIVES, c.RelativeInput, c.Relative);
  register('reference-persons', 'reference persons', REFERENCE_PERSONS, c.ReferencePersonInput, c.ReferencePerson);
  register('keys', 'key numbers', KEYS, c.KeyInput, c.PersonKey);

  function register<I extends z.ZodObject, O extends z.ZodObject>(
    path: string,
    what: string,
    list: DetailList,
    input: I,
    output: O,
  ) {
    const base = `/api/persons/:personId/${path}`;
    const many = z.array(output);
    app.get(
      base,
      {
        config: { readCost: PERSON_RECORD_COST },
        schema: {
          tags: TAGS,
          summary: `List ${what}`,
          params: PersonParams,
          response: { 200: many, ...errors, 429: ErrorResponse },
        },
      },
      async (request) =>
        listPersonDetails(db, positionedActorOf(request), list, request.params.personId) as Promise<
          z.infer<typeof many>
        >,
    );
    app.post(
      base,
      {
        schema: {
          tags: TAGS,
          summary: `Add to ${what}`,
          params: PersonParams,
          body: input,
          response: { 200: many, ...errors },
        },
      },
      async (request) =>
        changePersonDetail(db, positionedActorOf(request), list, request.params.personId, {
          kind: 'add',
          input: request.body as Record<string, unknown>,
        }) as Promise<z.infer<typeof many>>,
    );
    app.put(
      `${base}/:itemId`,
      {
        schema: {
          tags: TAGS,
          summary: `Change one of ${what}`,
          params: c.DetailParams,
          body: input.extend({ version: c.WithVersion.shape.version }),
          response: { 200: many, ...errors },
        },
      },
      async (request) => {
        const { version, ...rest } = request.body as Record<string, unknown> & { version: number };
        return changePersonDetail(db, positionedActorOf(request), list, request.params.personId, {
          kind: 'update',
          itemId: request.params.itemId,
          version,
          input: rest,
        }) as Promise<z.infer<typeof many>>;
      },
    );
    app.delete(
      `${base}/:itemId`,
      {
        schema: {
          tags: TAGS,
          summary: `Remove one of ${what}`,
          params: c.DetailParams,
          querystring: c.VersionQuery,
          response: { 200: many, ...errors },
        },
      },
      async (request) =>
        changePersonDetail(db, positionedActorOf(request), list, request.params.personId, {
          kind: 'remove',
          itemId: request.params.itemId,
          version: request.query.version,
        }) as Promise<z.infer<typeof many>>,
    );
  }
}
