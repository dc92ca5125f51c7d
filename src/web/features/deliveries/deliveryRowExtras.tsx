/**
 * What a feature built on deliveries adds to the delivery rows (the person's Insatser tab and the
 * rows on an assignment's page): delivery-changes' buttons per row (Återkalla, Avsluta, Avbrott,
 * Byt utförare), the rows it holds back from Rätta uppgifter while they move to another provider,
 * and its panel under the tab. A slot that app/App.tsx fills, so deliveries does not import the
 * feature that imports it; without a provider the rows have only their own actions.
 */
import { createContext, useContext, type ComponentType } from 'react';
import type { DeliveryRow } from './deliveries.api.ts';

export interface DeliveryRowExtras {
  RowActions: ComponentType<{ row: DeliveryRow; personId: string }>;
  /** A hook: the ids of the person's rows that may not be corrected now. */
  useHeldRowIds: (personId: string) => ReadonlySet<string>;
  Panel: ComponentType<{ personId: string }>;
}

const NO_IDS: ReadonlySet<string> = new Set();
const NONE: DeliveryRowExtras = { RowActions: () => null, useHeldRowIds: () => NO_IDS, Panel: () => null };

const DeliveryRowExtrasContext = createContext<DeliveryRowExtras>(NONE);

export const DeliveryRowExtrasProvider = DeliveryRowExtrasContext.Provider;

export function useDeliveryRowExtras(): DeliveryRowExtras {
  return useContext(DeliveryRowExtrasContext);
}
