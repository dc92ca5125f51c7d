/**
 * The desk's provider folders, Mina personer and Mina bevakningar, as one fragment of routes that app/routes.tsx
 * places inside the desk's layout; the folders themselves are in folders.ts.
 */
import { Route } from 'react-router-dom';
import { RequireRole } from '../../session/guards.tsx';
import { CLOSER_ROLES, PROVIDER_SIDE_ROLES, WORKS_WITH_PERSONS } from './folders.ts';
import { MyPersonsPage } from './MyPersonsPage.tsx';
import { NewAssignmentsFolderPage } from './NewAssignmentsFolderPage.tsx';
import { NotCurrentPage } from './NotCurrentPage.tsx';
import { PersonalWatchesPage } from '../personal-watches/PersonalWatchesPage.tsx';

/** Called, not rendered: `{deskRoutes()}` inside <Routes>. */
export function deskRoutes() {
  return (
    <>
      <Route element={<RequireRole roles={WORKS_WITH_PERSONS} />}>
        <Route path="mina-personer" element={<MyPersonsPage />} />
        <Route path="bevakningar" element={<PersonalWatchesPage />} />
      </Route>
      <Route element={<RequireRole roles={PROVIDER_SIDE_ROLES} />}>
        <Route path="nya-uppdrag" element={<NewAssignmentsFolderPage />} />
      </Route>
      <Route element={<RequireRole roles={CLOSER_ROLES} />}>
        <Route path="ej-aktuella" element={<NotCurrentPage />} />
      </Route>
    </>
  );
}
