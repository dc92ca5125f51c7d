/**
 * Tidsfrister's pages, as fragments of routes that app/routes.tsx places: the desk folder (case
 * officers, authority managers, the provider's managers) and the administrator's settings.
 */
import { Route } from 'react-router-dom';
import { RequireRole } from '../../session/guards.tsx';
import { WatchesPage } from './WatchesPage.tsx';
import { WatchSettingsPage } from './WatchSettingsPage.tsx';
import { WATCH_ROLES } from './watchView.ts';

/** Called, not rendered: `{watchRoutes()}` inside <Routes>, in the desk's layout. */
export function watchRoutes() {
  return (
    <Route element={<RequireRole roles={WATCH_ROLES} />}>
      <Route path="tidsfrister" element={<WatchesPage />} />
    </Route>
  );
}

/** Inside the administration's routes (already for the administrator only). */
export function watchAdminRoutes() {
  return <Route path="tidsfrister" element={<WatchSettingsPage />} />;
}
