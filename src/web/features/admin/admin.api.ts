/**
 * The organisation tree, users and positions (src/contract/organisation.ts). Changes answer
 * whatever the server answers; the screens read the list again afterwards rather than rely on it.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/organisation.ts';
import { call, http } from '../../api/client.ts';

export type Unit = c.Unit;
export type User = c.User;
export type Position = c.Position;

export const adminKeys = {
  units: ['admin', 'units'] as const,
  users: ['admin', 'users'] as const,
  user: (userId: string) => ['admin', 'users', userId] as const,
};

const userPath = (userId: string) => ({ params: { path: { userId } } });

export const fetchUnits = () => call(http.GET('/api/organisation/units')).then((body) => body.units);
export const fetchUser = (userId: string) => call(http.GET('/api/organisation/users/{userId}', userPath(userId)));
const fetchUsers = () => call(http.GET('/api/organisation/users')).then((body) => body.users);

export function useUnits() {
  return useQuery({ queryKey: adminKeys.units, queryFn: fetchUnits });
}

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: fetchUsers });
}

export function useUser(userId: string) {
  return useQuery({ queryKey: adminKeys.user(userId), queryFn: () => fetchUser(userId) });
}

export function createUnit(body: c.CreateUnitRequest) {
  return call(http.POST('/api/organisation/units', { body }));
}

export function updateUnit(unitId: string, body: c.UpdateUnitRequest) {
  return call(http.PUT('/api/organisation/units/{unitId}', { params: { path: { unitId } }, body }));
}

export function createUser(body: c.CreateUserRequest) {
  return call(http.POST('/api/organisation/users', { body }));
}

export function updateUser(userId: string, body: c.UpdateUserRequest) {
  return call(http.PUT('/api/organisation/users/{userId}', { ...userPath(userId), body }));
}

export function setPassword(userId: string, password: string) {
  return call(http.PUT('/api/organisation/users/{userId}/password', { ...userPath(userId), body: { password } }));
}

export function addPosition(userId: string, body: c.PositionInput) {
  return call(http.POST('/api/organisation/users/{userId}/positions', { ...userPath(userId), body }));
}

export function updatePosition(positionId: string, body: c.UpdatePositionRequest) {
  return call(http.PUT('/api/organisation/positions/{positionId}', { params: { path: { positionId } }, body }));
}

/** The units as they now stand (after a change), straight from the server. */
export function reloadUnits(queryClient: QueryClient): Promise<Unit[]> {
  return queryClient.fetchQuery({ queryKey: adminKeys.units, queryFn: fetchUnits, staleTime: 0 });
}

/** One user as now stored; the user list is marked stale so it follows. */
export async function reloadUser(queryClient: QueryClient, userId: string): Promise<User> {
  void queryClient.invalidateQueries({ queryKey: adminKeys.users, exact: true });
  return queryClient.fetchQuery({ queryKey: adminKeys.user(userId), queryFn: () => fetchUser(userId), staleTime: 0 });
}

export function fetchUsersFresh(queryClient: QueryClient): Promise<User[]> {
  return queryClient.fetchQuery({ queryKey: adminKeys.users, queryFn: fetchUsers, staleTime: 0 });
}
