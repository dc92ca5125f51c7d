/**
 * The delivery-changes module's public surface (ADR 0017). app.ts hands settleProviderChange to
 * the deliveries routes: accepting or stopping an assignment settles the change of provider that
 * sent it, and deliveries may not import this module back.
 */
export { registerDeliveryChangeRoutes } from './delivery-change.routes.ts';
export { settleProviderChange, markChangeDecided } from './provider-change.settle.ts';
export { fitInterruptionsToLastDay } from './interruption.service.ts';
