/** Administration: the organisation, the users, the catalogues and the watches' times, for the administrator role only. */
import { NavLink, Outlet } from 'react-router-dom';

export function AdminLayout() {
  return (
    <div className="admin">
      <nav aria-label="Administration" className="subnav">
        <ul>
          <li>
            <NavLink to="/admin/organisation" className="subnav__link">
              Organisation
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/anvandare" className="subnav__link">
              Användare
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/insatskatalog" className="subnav__link">
              Insatskatalog
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/lagrum" className="subnav__link">
              Lagrum
            </NavLink>
          </li>
          <li>
            <NavLink to="/admin/tidsfrister" className="subnav__link">
              Tidsfrister
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
