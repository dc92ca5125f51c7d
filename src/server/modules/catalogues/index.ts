/** The catalogues module's public surface (ADR 0017). */
export { registerCatalogueRoutes } from './catalogues.routes.ts';
