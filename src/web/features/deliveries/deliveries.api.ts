/** Deliveries (src/contract/deliveries.ts): queries and changes, one function per route. */
import { useQuery, type QueryClient } from '@tanstack/react-query';
import type * as c from '../../../contract/deliveries.ts';
import { api } from '../../api/client.ts';
import { assignmentKeys } from '../assignments/assignments.api.ts';

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

const assignmentPath = (assignmentId: string) => `/api/assignments/${encodeURIComponent(assignmentId)}`;
const deliveryPath = (deliveryId: string) => `/api/deliveries/${encodeURIComponent(deliveryId)}`;

export function useDistributionOptions(assignmentId: string, enabled = true) {
  return useQuery({
    queryKey: deliveryKeys.distribution(assignmentId),
    queryFn: () => api<c.DistributionOptions>(`${assignmentPath(assignmentId)}/distribution`),
    enabled: enabled && assignmentId !== '',
  });
}

export function usePersonDeliveries(personId: string) {
  // Rows change under other hands (the officer, another provider accepting a change): read them
  // again whenever the tab opens, not only after this user's own change.
  return useQuery({
    queryKey: deliveryKeys.ofPerson(personId), staleTime: 0,
    queryFn: () => api<c.PersonDeliveries>(`/api/persons/${encodeURIComponent(personId)}/deliveries`),
  });
}

export function useDeliveryHistory(deliveryId: string, enabled: boolean) {
  return useQuery({ queryKey: deliveryKeys.history(deliveryId), queryFn: () => api<c.DeliveryHistory>(`${deliveryPath(deliveryId)}/history`), enabled });
}

export function useProviderCase(providerCaseId: string) {
  return useQuery({ queryKey: deliveryKeys.providerCase(providerCaseId), queryFn: () => api<c.ProviderCaseView>(`/api/provider-cases/${encodeURIComponent(providerCaseId)}`) });
}

export function distributeAssignment(assignmentId: string, body: c.DistributionRequest) {
  return api<c.DistributionResult>(`${assignmentPath(assignmentId)}/distribution`, { method: 'POST', body });
}

export function stopAssignment(assignmentId: string, body: c.StopRequest) {
  return api<c.StopResult>(`${assignmentPath(assignmentId)}/stop`, { method: 'POST', body });
}

export function updateDelivery(deliveryId: string, body: c.UpdateDeliveryRequest) {
  return api<c.DeliveryRow>(deliveryPath(deliveryId), { method: 'PUT', body });
}

export function sendToDelivery(body: c.SendToDeliveryRequest) {
  return api<c.SentToDelivery>('/api/deliveries/send-to-delivery', { method: 'POST', body });
}

export function startDelivery(deliveryId: string, body: c.StartDeliveryRequest) {
  return api<c.DeliveryRow>(`${deliveryPath(deliveryId)}/start`, { method: 'POST', body });
}

export function correctDelivery(deliveryId: string, body: c.CorrectDeliveryRequest) {
  return api<c.DeliveryRow>(`${deliveryPath(deliveryId)}/correct`, { method: 'POST', body });
}

export function acknowledgeProviderCase(providerCaseId: string, body: c.AcknowledgeRequest) {
  return api<c.ProviderCaseView>(`/api/provider-cases/${encodeURIComponent(providerCaseId)}/acknowledge`, { method: 'POST', body });
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
