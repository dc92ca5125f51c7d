/**
 * The IVO report's pages, as one fragment of routes that app/routes.tsx places inside the desk's
 * layout: the quarter report and the form for a late item's details (the desk's watch list links
 * to /ivo/uppgifter/beslut/:id and /ivo/uppgifter/avbrott/:id).
 */
import { Route } from 'react-router-dom';
import { RequireRole } from '../../session/guards.tsx';
import { IVO_ROLES } from './ivoLabels.ts';
import { IvoReportPage } from './IvoReportPage.tsx';
import { LateDetailsPage } from './LateDetailsPage.tsx';

/** Called, not rendered: `{ivoRoutes()}` inside <Routes>. */
export function ivoRoutes() {
  return (
    <Route element={<RequireRole roles={IVO_ROLES} />}>
      <Route path="ivo/rapport" element={<IvoReportPage />} />
      <Route path="ivo/uppgifter/:kind/:subjectId" element={<LateDetailsPage />} />
    </Route>
  );
}
