/** Every page and its address. Paths are Swedish, as users see them in the address bar. */
import { Navigate, Route, Routes } from 'react-router-dom';
import { ChoosePositionPage } from '../features/auth/ChoosePositionPage.tsx';
import { SignInPage } from '../features/auth/SignInPage.tsx';
import { DeskHomePage } from '../features/desk/DeskHomePage.tsx';
import { MyUnitsPage } from '../features/desk/MyUnitsPage.tsx';
import { RecentPersonsPage } from '../features/desk/RecentPersonsPage.tsx';
import { UnitPersonsPage } from '../features/desk/UnitPersonsPage.tsx';
import { REGISTER_ROLES, WORKS_WITH_PERSONS } from '../features/desk/folders.ts';
import { PersonPage } from '../features/persons/PersonPage.tsx';
import { RegisterPersonPage } from '../features/persons/RegisterPersonPage.tsx';
import { SearchPersonsPage } from '../features/persons/SearchPersonsPage.tsx';
import { AdminLayout } from '../features/admin/AdminLayout.tsx';
import { OrganisationPage } from '../features/admin/OrganisationPage.tsx';
import { UsersPage } from '../features/admin/UsersPage.tsx';
import { UserPage } from '../features/admin/UserPage.tsx';
import { NewUserPage } from '../features/admin/NewUserPage.tsx';
import { InterventionTypesPage } from '../features/catalogues/InterventionTypesPage.tsx';
import { NewInterventionTypePage } from '../features/catalogues/NewInterventionTypePage.tsx';
import { InterventionTypePage } from '../features/catalogues/InterventionTypePage.tsx';
import { LegalBasesPage } from '../features/catalogues/LegalBasesPage.tsx';
import { NewLegalBasisPage } from '../features/catalogues/NewLegalBasisPage.tsx';
import { LegalBasisPage } from '../features/catalogues/LegalBasisPage.tsx';
import { messageRoutes } from '../features/messages/messageRoutes.tsx';
import { caseRoutes } from '../features/cases/caseRoutes.tsx';
import { assignmentRoutes } from '../features/assignments/assignmentRoutes.tsx';
import { deliveryRoutes } from '../features/deliveries/deliveryRoutes.tsx';
import { ProviderIntake } from '../features/deliveries/ProviderIntake.tsx';
import { deskRoutes } from '../features/desk/deskRoutes.tsx';
import { watchAdminRoutes, watchRoutes } from '../features/watches/watchRoutes.tsx';
import { ivoRoutes } from '../features/ivo-reports/ivoRoutes.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { RequirePosition, RequireRole, RequireSession } from '../session/guards.tsx';
import { Layout, PlainLayout } from './Layout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

export function AppRoutes() {
  return (
    <ErrorBoundary>
      <Routes>
        <Route element={<PlainLayout />}>
          <Route path="/logga-in" element={<SignInPage />} />
          <Route
            path="/befattning"
            element={
              <RequireSession>
                <ChoosePositionPage />
              </RequireSession>
            }
          />
        </Route>
        <Route element={<RequireSession standalone />}>
          <Route element={<RequirePosition />}>
            <Route element={<Layout />}>
              <Route index element={<DeskHomePage />} />
              <Route element={<RequireRole roles={WORKS_WITH_PERSONS} />}>
                <Route path="personer/sok" element={<SearchPersonsPage />} />
                <Route path="personer/senast" element={<RecentPersonsPage />} />
                <Route element={<RequireRole roles={REGISTER_ROLES} />}>
                  <Route path="personer/ny" element={<RegisterPersonPage />} />
                </Route>
                <Route path="personer/:personId" element={<PersonPage />} />
                <Route path="enheter" element={<MyUnitsPage />} />
                <Route path="enheter/:unitId" element={<UnitPersonsPage />} />
              </Route>
              <Route path="admin" element={<RequireRole roles={['administrator']} />}>
                <Route element={<AdminLayout />}>
                  <Route index element={<Navigate to="organisation" replace />} />
                  <Route path="organisation" element={<OrganisationPage />} />
                  <Route path="anvandare" element={<UsersPage />} />
                  <Route path="anvandare/ny" element={<NewUserPage />} />
                  <Route path="anvandare/:userId" element={<UserPage />} />
                  <Route path="insatskatalog" element={<InterventionTypesPage />} />
                  <Route path="insatskatalog/ny" element={<NewInterventionTypePage />} />
                  <Route path="insatskatalog/:interventionTypeId" element={<InterventionTypePage />} />
                  <Route path="lagrum" element={<LegalBasesPage />} />
                  <Route path="lagrum/ny" element={<NewLegalBasisPage />} />
                  <Route path="lagrum/:legalBasisId" element={<LegalBasisPage />} />
                  {watchAdminRoutes()}
                </Route>
              </Route>
              {messageRoutes()}
              {caseRoutes()}
              {assignmentRoutes({ ProviderIntake })}
              {deliveryRoutes()}
              {deskRoutes()}
              {watchRoutes()}
              {ivoRoutes()}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Route>
        </Route>
      </Routes>
    </ErrorBoundary>
  );
}
