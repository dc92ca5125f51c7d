/** The organisation: thin routes, each one schema, one service call. */
import type { App, AppDeps } from '../../platform/http/types.ts';
import { positionedActorOf } from '../../platform/http/types.ts';
import { ErrorResponse } from '../../../contract/common.ts';
import * as c from '../../../contract/organisation.ts';
import * as units from './unit.service.ts';
import * as users from './user.service.ts';

const TAGS = ['Organisation'];
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export function registerOrganisationRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  app.get(
    '/api/organisation/units',
    {
      schema: {
        tags: TAGS,
        summary: 'The whole unit tree, flat with parent ids (any positioned user)',
        response: { 200: c.UnitList, ...errors },
      },
    },
    async (request) => units.listUnits(db, positionedActorOf(request)),
  );

  app.post(
    '/api/organisation/units',
    {
      schema: {
        tags: TAGS,
        summary: 'Create a unit under a parent (administrators)',
        body: c.CreateUnitRequest,
        response: { 200: c.Unit, ...errors },
      },
    },
    async (request) => units.createUnit(db, positionedActorOf(request), request.body),
  );

  app.put(
    '/api/organisation/units/:unitId',
    {
      schema: {
        tags: TAGS,
        summary: 'Rename, move, switch off or change a unit (administrators)',
        params: c.UnitParams,
        body: c.UpdateUnitRequest,
        response: { 200: c.Unit, ...errors },
      },
    },
    async (request) => units.updateUnit(db, positionedActorOf(request), request.params.unitId, request.body),
  );

  app.get(
    '/api/organisation/users',
    {
      schema: {
        tags: TAGS,
        summary: 'Every user with their positions (administrators)',
        response: { 200: c.UserList, ...errors },
      },
    },
    async (request) => users.listUsers(db, positionedActorOf(request)),
  );

  app.get(
    '/api/organisation/users/:userId',
    {
      schema: {
        tags: TAGS,
        summary: 'A user with their positions (administrators)',
        params: c.UserParams,
        response: { 200: c.User, ...errors },
      },
    },
    async (request) => users.getUser(db, positionedActorOf(request), request.params.userId),
  );

  app.post(
    '/api/organisation/users',
    {
      schema: {
        tags: TAGS,
        summary: 'Create a user who signs in with user name and password (administrators)',
        body: c.CreateUserRequest,
        response: { 200: c.User, ...errors },
      },
    },
    async (request) => users.createUser(db, positionedActorOf(request), request.body),
  );

  app.put(
    '/api/organisation/users/:userId',
    {
      schema: {
        tags: TAGS,
        summary: 'Change a user; switching off ends their sessions (administrators)',
        params: c.UserParams,
        body: c.UpdateUserRequest,
        response: { 200: c.User, ...errors },
      },
    },
    async (request) => users.updateUser(db, positionedActorOf(request), request.params.userId, request.body),
  );

  app.put(
    '/api/organisation/users/:userId/password',
    {
      schema: {
        tags: TAGS,
        summary: "Set a user's password (administrators)",
        params: c.UserParams,
        body: c.SetPasswordRequest,
        response: { 200: c.User, ...errors },
      },
    },
    async (request) => users.setPassword(db, positionedActorOf(request), request.params.userId, request.body.password),
  );

  app.post(
    '/api/organisation/users/:userId/positions',
    {
      schema: {
        tags: TAGS,
        summary: 'Give a user a position with roles in a unit (administrators)',
        params: c.UserParams,
        body: c.PositionInput,
        response: { 200: c.User, ...errors },
      },
    },
    async (request) => users.createPosition(db, positionedActorOf(request), request.params.userId, request.body),
  );

  app.put(
    '/api/organisation/positions/:positionId',
    {
      schema: {
        tags: TAGS,
        summary: 'Change or end a position (administrators)',
        params: c.PositionParams,
        body: c.UpdatePositionRequest,
        response: { 200: c.User, ...errors },
      },
    },
    async (request) => users.updatePosition(db, positionedActorOf(request), request.params.positionId, request.body),
  );

  // The desk's folders are the organisation's units as one position sees them; registered from
  // here so that app.ts keeps a single line for both.
}
