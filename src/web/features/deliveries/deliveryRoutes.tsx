/**
 * The deliveries pages, as one fragment of routes that app/routes.tsx places inside the desk's
 * layout: accepting and distributing an assignment (provider managers and coordinators) and the
 * staff's view of a new assignment at their unit, where they acknowledge it.
 */
import { Route } from 'react-router-dom';
import { RequireRole } from '../../session/guards.tsx';
import { DistributionPage } from './DistributionPage.tsx';
import { ProviderCasePage } from './ProviderCasePage.tsx';
import { DISTRIBUTOR_ROLES, PROVIDER_ROLES } from './ProviderIntake.tsx';

/** Called, not rendered: `{deliveryRoutes()}` inside <Routes>. */
export function deliveryRoutes() {
  return (
    <>
      <Route element={<RequireRole roles={DISTRIBUTOR_ROLES} />}>
        <Route path="uppdrag/:assignmentId/fordela" element={<DistributionPage />} />
      </Route>
      <Route element={<RequireRole roles={PROVIDER_ROLES} />}>
        <Route path="genomforande/:providerCaseId" element={<ProviderCasePage />} />
      </Route>
    </>
  );
}
