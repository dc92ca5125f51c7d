/**
 * The permission matrix: every route × role × (own scope, another unit, another municipality,
 * signed out), from rows each module has in `test/permissions/<area>.permissions.ts`. Later issues
 * extend the matrix by adding rows there; test/permission-matrix.test.ts runs them all.
 */
import type { Db } from '../src/server/platform/db/database.ts';
import type { TestWorld, UserKey } from './factories.ts';

/**
 * What a row acts on; the runner provides one in the user's scope, one outside it, one in another
 * municipality. What the runner gives as `id` (test/permission-matrix.test.ts):
 * - 'person': own = a fixture person in the user's person scope; out of scope = one outside it
 *   (for the administrator, who has no person scope, every person is out of scope → 404);
 *   foreign = the same fixture in another municipality.
 * - 'unit': own = the requesting user's own unit; foreign = the same-named unit elsewhere.
 * - 'user': own = a target user in the same municipality who is none of the signed-in test users
 *   (one position, care staff in homeCareNorth), so a row may change them safely; foreign = their twin.
 * - 'position': that target user's position; foreign = its twin.
 * - 'none': id '' and the user's own world; only own and signed out are run.
 */
export type TargetKind = 'person' | 'unit' | 'user' | 'position' | 'none';

export interface MatrixTarget {
  /** The id of the thing (person, unit, user or position); empty for 'none'. */
  id: string;
  world: TestWorld;
  /** The test user making the request; undefined when signed out. */
  actor?: UserKey;
}

export interface MatrixRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
}

export interface PermissionRow {
  /** As in the OpenAPI document, e.g. 'GET /api/persons/:personId'. */
  route: string;
  /** What sets this row apart from another row of the same route, e.g. 'new' / 'distributed'; part of the test's name. */
  variant?: string;
  target: TargetKind;
  /** Builds the request for a target; may read current versions through ownerDb. */
  request(target: MatrixTarget, ownerDb: Db): Promise<MatrixRequest> | MatrixRequest;
  /** Roles (as test users) that succeed on a target in their own scope. */
  allowed: readonly UserKey[];
  /** Status for success; 200 unless said. */
  successStatus?: number;
  /**
   * Status for a user whose scope holds the target but whose role may not do this:
   * 403 where existence is already known (they can read it), 404 where it must not leak.
   */
  deniedStatus?: 403 | 404;
  /**
   * When who may read the target differs by role: users (not in `allowed`) who read it and so get
   * 403; every other user not allowed gets 404, deniedStatus aside.
   */
  readableBy?: readonly UserKey[];
  /** The request ends the session (sign-out): the runner sends it from a freshly signed-in client. */
  endsSession?: boolean;
}
