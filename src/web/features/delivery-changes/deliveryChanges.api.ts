/** Changing delivery rows (src/contract/delivery-changes.ts): queries and changes, one function per route. */
import { useQuery } from '@tanstack/react-query';
import type * as c from '../../../contract/delivery-changes.ts';
import { api } from '../../api/client.ts';

export type InterruptionList = c.InterruptionList;
export type InterruptionView = c.InterruptionView;
export type ProviderChangeView = c.ProviderChangeView;
export type ProviderChangeResult = c.ProviderChangeResult;
export type ProviderChangeTargets = c.ProviderChangeTargets;

export const deliveryChangeKeys = {
  interruptions: (deliveryId: string) => ['deliveries', 'interruptions', deliveryId] as const,
  targets: (deliveryId: string) => ['deliveries', 'provider-change-targets', deliveryId] as const,
  providerChanges: (personId: string) => ['deliveries', 'provider-changes', personId] as const,
};

const deliveryPath = (deliveryId: string) => `/api/deliveries/${encodeURIComponent(deliveryId)}`;
const personPath = (personId: string) => `/api/persons/${encodeURIComponent(personId)}`;

export function withdrawDelivery(deliveryId: string, body: c.WithdrawDeliveryRequest) {
  return api<c.WithdrawalResult>(`${deliveryPath(deliveryId)}/withdraw`, { method: 'POST', body });
}

export function endDelivery(deliveryId: string, body: c.EndDeliveryRequest) {
  return api<c.EndResult>(`${deliveryPath(deliveryId)}/end`, { method: 'POST', body });
}

export function useInterruptions(deliveryId: string, enabled: boolean) {
  return useQuery({
    queryKey: deliveryChangeKeys.interruptions(deliveryId),
    queryFn: () => api<c.InterruptionList>(`${deliveryPath(deliveryId)}/interruptions`),
    enabled,
  });
}

export function addInterruption(deliveryId: string, body: c.NewInterruptionRequest) {
  return api<c.InterruptionView>(`${deliveryPath(deliveryId)}/interruptions`, { method: 'POST', body });
}

export function updateInterruption(interruptionId: string, body: c.UpdateInterruptionRequest) {
  return api<c.InterruptionView>(`/api/interruptions/${encodeURIComponent(interruptionId)}`, { method: 'PUT', body });
}

export function useProviderChangeTargets(deliveryId: string, enabled: boolean) {
  return useQuery({
    queryKey: deliveryChangeKeys.targets(deliveryId),
    queryFn: () => api<c.ProviderChangeTargets>(`${deliveryPath(deliveryId)}/provider-change-targets`),
    enabled,
  });
}

export function useProviderChanges(personId: string) {
  // The new provider accepts or stops in its own session: read again whenever the tab opens.
  return useQuery({
    queryKey: deliveryChangeKeys.providerChanges(personId), staleTime: 0,
    queryFn: () => api<c.ProviderChangeList>(`${personPath(personId)}/provider-changes`),
  });
}

export function requestProviderChange(personId: string, body: c.ProviderChangeRequest) {
  return api<c.ProviderChangeResult>(`${personPath(personId)}/provider-changes`, { method: 'POST', body });
}
