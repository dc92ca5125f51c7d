/** Deliveries (src/contract/deliveries.ts): queries and changes, one function per route. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/deliveries.ts';
import { call, http } from '../../api/client.ts';
import { assignmentKeys } from '../../api/queryKeys.ts';

export type DeliveryRow = c.DeliveryRow;
export type DistributionOptions = c.DistributionOptions;
export type SentToDelivery = c.SentToDelivery;
export type ProviderCaseView = c.ProviderCaseView;
export type DeliveryHistory = c.DeliveryHistory;

export const deliveryKeys = {
  all: ['deliveries'] as const,
  distribution: (assignmentId: string) => ['deliveries', 'distribution', assignmentId] as const,
  ofPerson: (personId: string) => ['deliveries', 'person', personId] as const,
  history: (deliveryId: string) => ['deliveries', 'history', deliveryId] as const,
  providerCase: (providerCaseId: string) => ['deliveries', 'provider-case', providerCaseId] as const,
};

const byAssignment = (assignmentId: string) => ({ params: { path: { assignmentId } } });
const byDelivery = (deliveryId: string) => ({ params: { path: { deliveryId } } });
const byProviderCase = (providerCaseId: string) => ({ params: { path: { providerCaseId } } });

export function useDistributionOptions(assignmentId: string, enabled = true) {
  return useQuery({
    queryKey: deliveryKeys.distribution(assignmentId),
    queryFn: (): Promise<c.DistributionOptions> =>
      call(http.GET('/api/assignments/{assignmentId}/distribution', byAssignment(assignmentId))),
    enabled: enabled && assignmentId !== '',
  });
}

export function usePersonDeliveries(personId: string) {
  // Rows change under other hands (the officer, another provider accepting a change): read them
  // again whenever the tab opens, not only after this user's own change.
  return useQuery({
    queryKey: deliveryKeys.ofPerson(personId),
    staleTime: 0,
    queryFn: (): Promise<c.PersonDeliveries> =>
      call(http.GET('/api/persons/{personId}/deliveries', { params: { path: { personId } } })),
  });
}

export function useDeliveryHistory(deliveryId: string, enabled: boolean) {
  return useQuery({
    queryKey: deliveryKeys.history(deliveryId),
    enabled,
    queryFn: (): Promise<c.DeliveryHistory> =>
      call(http.GET('/api/deliveries/{deliveryId}/history', byDelivery(deliveryId))),
  });
}

export function useProviderCase(providerCaseId: string) {
  return useQuery({
    queryKey: deliveryKeys.providerCase(providerCaseId),
    queryFn: (): Promise<c.ProviderCaseView> =>
      call(http.GET('/api/provider-cases/{providerCaseId}', byProviderCase(providerCaseId))),
  });
}

export function distributeAssignment(assignmentId: string, body: c.DistributionRequest): Promise<c.DistributionResult> {
  return call(http.POST('/api/assignments/{assignmentId}/distribution', { ...byAssignment(assignmentId), body }));
}

export function stopAssignment(assignmentId: string, body: c.StopRequest): Promise<c.StopResult> {
  return call(http.POST('/api/assignments/{assignmentId}/stop', { ...byAssignment(assignmentId), body }));
}

export function updateDelivery(deliveryId: string, body: c.UpdateDeliveryRequest): Promise<c.DeliveryRow> {
  return call(http.PUT('/api/deliveries/{deliveryId}', { ...byDelivery(deliveryId), body }));
}

export function sendToDelivery(body: c.SendToDeliveryRequest): Promise<c.SentToDelivery> {
  return call(http.POST('/api/deliveries/send-to-delivery', { body }));
}

export function startDelivery(deliveryId: string, body: c.StartDeliveryRequest): Promise<c.DeliveryRow> {
  return call(http.POST('/api/deliveries/{deliveryId}/start', { ...byDelivery(deliveryId), body }));
}

export function correctDelivery(deliveryId: string, body: c.CorrectDeliveryRequest): Promise<c.DeliveryRow> {
  return call(http.POST('/api/deliveries/{deliveryId}/correct', { ...byDelivery(deliveryId), body }));
}

export function acknowledgeProviderCase(
  providerCaseId: string,
  body: c.AcknowledgeRequest,
): Promise<c.ProviderCaseView> {
  const params = { path: { providerCaseId } };
  return call(http.POST('/api/provider-cases/{providerCaseId}/acknowledge', { params, body }));
}

/** After a change on the provider side: every view of rows, the assignment and the desk's lists read again. */
export async function refreshDeliveries(queryClient: QueryClient, assignmentId?: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: deliveryKeys.all }),
    assignmentId ? queryClient.invalidateQueries({ queryKey: assignmentKeys.detail(assignmentId) }) : undefined,
    queryClient.invalidateQueries({ queryKey: assignmentKeys.newList }),
    queryClient.invalidateQueries({ queryKey: ['desk'] }),
  ]);
}
