/** Changing delivery rows (src/contract/delivery-changes.ts): queries and changes, one function per route. */
import { useQuery } from '@tanstack/react-query';
import type * as c from '../../../contract/delivery-changes.ts';
import { call, http } from '../../api/client.ts';

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

const byDelivery = (deliveryId: string) => ({ params: { path: { deliveryId } } });
const byPerson = (personId: string) => ({ params: { path: { personId } } });

export function withdrawDelivery(deliveryId: string, body: c.WithdrawDeliveryRequest): Promise<c.WithdrawalResult> {
  return call(http.POST('/api/deliveries/{deliveryId}/withdraw', { ...byDelivery(deliveryId), body }));
}

export function endDelivery(deliveryId: string, body: c.EndDeliveryRequest): Promise<c.EndResult> {
  return call(http.POST('/api/deliveries/{deliveryId}/end', { ...byDelivery(deliveryId), body }));
}

export function cancelDelivery(deliveryId: string, body: c.CancelDeliveryRequest): Promise<c.CancelResult> {
  return call(http.POST('/api/deliveries/{deliveryId}/cancel', { ...byDelivery(deliveryId), body }));
}

export function useInterruptions(deliveryId: string, enabled: boolean) {
  return useQuery({
    queryKey: deliveryChangeKeys.interruptions(deliveryId),
    queryFn: (): Promise<c.InterruptionList> =>
      call(http.GET('/api/deliveries/{deliveryId}/interruptions', byDelivery(deliveryId))),
    enabled,
  });
}

export function addInterruption(deliveryId: string, body: c.NewInterruptionRequest): Promise<c.InterruptionView> {
  return call(http.POST('/api/deliveries/{deliveryId}/interruptions', { ...byDelivery(deliveryId), body }));
}

export function updateInterruption(
  interruptionId: string,
  body: c.UpdateInterruptionRequest,
): Promise<c.InterruptionView> {
  return call(http.PUT('/api/interruptions/{interruptionId}', { params: { path: { interruptionId } }, body }));
}

export function useProviderChangeTargets(deliveryId: string, enabled: boolean) {
  return useQuery({
    queryKey: deliveryChangeKeys.targets(deliveryId),
    queryFn: (): Promise<c.ProviderChangeTargets> =>
      call(http.GET('/api/deliveries/{deliveryId}/provider-change-targets', byDelivery(deliveryId))),
    enabled,
  });
}

export function useProviderChanges(personId: string) {
  // The new provider accepts or stops in its own session: read again whenever the tab opens.
  return useQuery({
    queryKey: deliveryChangeKeys.providerChanges(personId),
    staleTime: 0,
    queryFn: (): Promise<c.ProviderChangeList> =>
      call(http.GET('/api/persons/{personId}/provider-changes', byPerson(personId))),
  });
}

export function requestProviderChange(
  personId: string,
  body: c.ProviderChangeRequest,
): Promise<c.ProviderChangeResult> {
  return call(http.POST('/api/persons/{personId}/provider-changes', { ...byPerson(personId), body }));
}
