/**
 * The case pages, as one fragment of routes that app/routes.tsx places inside the desk's layout:
 * Mina ärenden, the case, and recording a decision. Authority roles only, as on the server.
 */
import { Route } from 'react-router-dom';
import { RequireRole } from '../../session/guards.tsx';
import type { Role } from '../../../domain/roles.ts';
import { AUTHORITY_ROLES } from '../../../domain/roles.ts';
import { CasePage } from './CasePage.tsx';
import { MyCasesPage } from './MyCasesPage.tsx';
import { RecordDecisionPage } from './RecordDecisionPage.tsx';

/** Mirrors canWorkWithCases in the server's case policy. */
export const CASE_ROLES: readonly Role[] = AUTHORITY_ROLES;

/** Called, not rendered: `{caseRoutes()}` inside <Routes>. */
export function caseRoutes() {
  return (
    <Route element={<RequireRole roles={CASE_ROLES} />}>
      <Route path="arenden" element={<MyCasesPage />} />
      <Route path="arenden/:caseId" element={<CasePage />} />
      <Route path="arenden/:caseId/beslut/nytt" element={<RecordDecisionPage />} />
    </Route>
  );
}
