/** The IVO report module's public surface (ADR 0017): what app.ts may use. */
export { registerIvoReportRoutes } from './ivo-report.routes.ts';
