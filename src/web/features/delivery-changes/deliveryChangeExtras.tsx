/** delivery-changes' part of the delivery rows, for the slot in deliveries/deliveryRowExtras.tsx. */
import type { DeliveryRowExtras } from '../deliveries/deliveryRowExtras.tsx';
import { DeliveryRowActions } from './DeliveryRowActions.tsx';
import { ProviderChangesPanel } from './ProviderChangesPanel.tsx';
import { useProviderChanges } from './deliveryChanges.api.ts';

/** A row on its way to another provider is not corrected until the new provider answers. */
function useRowsMoving(personId: string): ReadonlySet<string> {
  const changes = useProviderChanges(personId).data?.items ?? [];
  const pending = changes.filter((change) => change.status === 'pending');
  return new Set(pending.flatMap((change) => change.rows.map((moved) => moved.id)));
}

export const deliveryChangeExtras: DeliveryRowExtras = {
  RowActions: DeliveryRowActions,
  useHeldRowIds: useRowsMoving,
  Panel: ProviderChangesPanel,
};
