/** Provider cases (genomföranden): closing one (POST /api/provider-cases/:providerCaseId/close, src/contract/desk.ts). */
import type { QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/desk.ts';
import { api } from '../../api/client.ts';
import { deskKeys } from '../desk/desk.api.ts';

export function closeProviderCase(providerCaseId: string, body: c.CloseProviderCaseRequest) {
  return api<c.ClosedProviderCase>(`/api/provider-cases/${encodeURIComponent(providerCaseId)}/close`, { method: 'POST', body });
}

/** After a close (or a refused one): the folder and the desk's counts read again. */
export function onProviderCaseClosed(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['desk', 'not-current'] });
  void queryClient.invalidateQueries({ queryKey: deskKeys.overview, exact: true });
}
