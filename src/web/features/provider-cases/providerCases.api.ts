/** Provider cases (genomföranden): closing one (POST /api/provider-cases/:providerCaseId/close, src/contract/desk.ts). */
import type { QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/desk.ts';
import { call, http } from '../../api/client.ts';
import { deskKeys } from '../../api/queryKeys.ts';

export function closeProviderCase(
  providerCaseId: string,
  body: c.CloseProviderCaseRequest,
): Promise<c.ClosedProviderCase> {
  return call(http.POST('/api/provider-cases/{providerCaseId}/close', { params: { path: { providerCaseId } }, body }));
}

/** After a close (or a refused one): the folder and the desk's counts read again. */
export function onProviderCaseClosed(queryClient: QueryClient): void {
  void queryClient.invalidateQueries({ queryKey: ['desk', 'not-current'] });
  void queryClient.invalidateQueries({ queryKey: deskKeys.overview, exact: true });
}
