/**
 * The organisation tree, users and positions (src/contract/organisation.ts). Changes answer
 * whatever the server answers; the screens read the list again afterwards rather than rely on it.
 */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/organisation.ts';
import { api } from '../../api/client.ts';

export type Unit = c.Unit;
export type User = c.User;
export type Position = c.Position;

export const adminKeys = {
  units: ['admin', 'units'] as const,
  users: ['admin', 'users'] as const,
  user: (userId: string) => ['admin', 'users', userId] as const,
};

const UNITS = '/api/organisation/units';
const USERS = '/api/organisation/users';

export const fetchUnits = () => api<{ units: Unit[] }>(UNITS).then((body) => body.units);
export const fetchUser = (userId: string) => api<User>(`${USERS}/${encodeURIComponent(userId)}`);

export function useUnits() {
  return useQuery({ queryKey: adminKeys.units, queryFn: fetchUnits });
}

export function useUsers() {
  return useQuery({ queryKey: adminKeys.users, queryFn: () => api<{ users: User[] }>(USERS).then((body) => body.users) });
}

export function useUser(userId: string) {
  return useQuery({ queryKey: adminKeys.user(userId), queryFn: () => fetchUser(userId) });
}

export function createUnit(body: c.CreateUnitRequest) {
  return api<Partial<Unit> | undefined>(UNITS, { method: 'POST', body });
}

export function updateUnit(unitId: string, body: c.UpdateUnitRequest) {
  return api<unknown>(`${UNITS}/${encodeURIComponent(unitId)}`, { method: 'PUT', body });
}

export function createUser(body: c.CreateUserRequest) {
  return api<Partial<User> | undefined>(USERS, { method: 'POST', body });
}

export function updateUser(userId: string, body: c.UpdateUserRequest) {
  return api<unknown>(`${USERS}/${encodeURIComponent(userId)}`, { method: 'PUT', body });
}

export function setPassword(userId: string, password: string) {
  return api<unknown>(`${USERS}/${encodeURIComponent(userId)}/password`, { method: 'PUT', body: { password } });
}

export function addPosition(userId: string, body: c.PositionInput) {
  return api<unknown>(`${USERS}/${encodeURIComponent(userId)}/positions`, { method: 'POST', body });
}

export function updatePosition(positionId: string, body: c.UpdatePositionRequest) {
  return api<unknown>(`/api/organisation/positions/${encodeURIComponent(positionId)}`, { method: 'PUT', body });
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
  return queryClient.fetchQuery({ queryKey: adminKeys.users, queryFn: () => api<{ users: User[] }>(USERS).then((body) => body.users), staleTime: 0 });
}
