/** The watches module's public surface (ADR 0017): what other modules, app.ts and main.ts may use. */
export { registerWatchRoutes } from './watch.routes.ts';
export { computeWatches, runWatchChecks, type CheckReport } from './watch.service.ts';
export { startWatchWorker, type WatchWorker } from './watch-worker.ts';
