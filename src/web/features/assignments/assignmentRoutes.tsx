/**
 * The assignment pages, as one fragment of routes that app/routes.tsx places inside the desk's
 * layout: writing and changing (the authority), "Nya uppdrag" (provider managers, coordinators,
 * alarm managers) and one assignment (everyone who works with persons; the server decides).
 */
import { Route } from 'react-router-dom';
import { RequireRole, WORKS_WITH_PERSONS } from '../../session/guards.tsx';
import { ASSIGNMENT_WRITER_ROLES, NEW_ASSIGNMENT_ROLES } from './assignmentLabels.ts';
import { AssignmentPage, type ProviderIntakeSlot } from './AssignmentPage.tsx';
import { EditAssignmentPage, NewAssignmentPage } from './AssignmentFormPages.tsx';
import { NewAssignmentsPage } from './NewAssignmentsPage.tsx';

/**
 * Called, not rendered: `{assignmentRoutes({ ProviderIntake })}` inside <Routes>; the provider's part
 * of an assignment's page comes from the deliveries feature.
 */
export function assignmentRoutes({ ProviderIntake }: { ProviderIntake: ProviderIntakeSlot }) {
  return (
    <>
      <Route element={<RequireRole roles={NEW_ASSIGNMENT_ROLES} />}>
        <Route path="uppdrag/nya" element={<NewAssignmentsPage />} />
      </Route>
      <Route element={<RequireRole roles={ASSIGNMENT_WRITER_ROLES} />}>
        <Route path="uppdrag/nytt" element={<NewAssignmentPage />} />
        <Route path="uppdrag/:assignmentId/redigera" element={<EditAssignmentPage />} />
      </Route>
      <Route element={<RequireRole roles={WORKS_WITH_PERSONS} />}>
        <Route path="uppdrag/:assignmentId" element={<AssignmentPage ProviderIntake={ProviderIntake} />} />
      </Route>
    </>
  );
}
