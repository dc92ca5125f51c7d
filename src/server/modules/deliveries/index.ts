/** The deliveries module's public surface (ADR 0017): what other modules and app.ts may use. */
export { registerDeliveryRoutes } from './delivery.routes.ts';
export { toNumber, type DeliveryRecord } from './delivery-snapshot.ts';
export { insertDeliveries, insertDeliveryEvents } from './delivery-writer.ts';
export { listConcerned, recordAcknowledged, type ProviderChangeSettler } from './intake.service.ts';
export { listProviderCaseRows } from './delivery.service.ts';
export type { NewDelivery, DeliveryEvent } from './delivery-write.repository.ts';
export type { InterruptionRecord } from './delivery.repository.ts';
export type { Concerned } from './intake.repository.ts';
