/** Meddelanden: Inkorg, Arkiv, Skickat and Skriv meddelande, one sub-navigation above each page. */
import { NavLink, Outlet } from 'react-router-dom';
import { UnreadFolderCount } from './UnreadCount.tsx';

export function MessagesLayout() {
  return (
    <div className="messages">
      <nav aria-label="Meddelanden" className="subnav">
        <ul>
          <li>
            <NavLink to="/meddelanden/inkorg" className="subnav__link">
              Inkorg <UnreadFolderCount />
            </NavLink>
          </li>
          <li>
            <NavLink to="/meddelanden/arkiv" className="subnav__link">
              Arkiv
            </NavLink>
          </li>
          <li>
            <NavLink to="/meddelanden/skickat" className="subnav__link">
              Skickat
            </NavLink>
          </li>
          <li>
            <NavLink to="/meddelanden/nytt" className="subnav__link">
              Skriv meddelande
            </NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </div>
  );
}
