/** The folders on the left of the desk, as a list of links; "Mina enheter" lists its units. */
import { NavLink } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { useDeskOverview } from './desk.api.ts';
import { visibleFolders, type DeskFolder } from './folders.ts';
import { UnreadFolderCount } from '../messages/UnreadCount.tsx';
import { NewAssignmentFolderCount } from '../assignments/NewAssignmentCount.tsx';

export function DeskNav() {
  const { roles } = useSession();
  const folders = visibleFolders(roles);
  return (
    <nav aria-label="Mitt skrivbord" className="desk-nav">
      <p className="desk-nav__title" aria-hidden="true">Mitt skrivbord</p>
      <ul className="desk-nav__list">
        <li><NavLink to="/" end className="desk-nav__link">Översikt</NavLink></li>
        {folders.map((folder) => (
          <li key={folder.key}>
            <NavLink to={folder.to} className="desk-nav__link">{folder.label}{folder.showsUnreadMessages && <UnreadFolderCount />}{folder.showsNewAssignments && <NewAssignmentFolderCount />}</NavLink>
            {folder.listsUnits && <UnitLinks folder={folder} />}
          </li>
        ))}
      </ul>
    </nav>
  );
}

function UnitLinks({ folder }: { folder: DeskFolder }) {
  const overview = useDeskOverview();
  const units = overview.data?.units ?? [];
  if (units.length === 0) return null;
  return (
    <ul className="desk-nav__sublist" aria-label={folder.label}>
      {units.map((unit) => (
        <li key={unit.id}>
          <NavLink to={`${folder.to}/${unit.id}`} className="desk-nav__link desk-nav__link--unit">
            <span>{unit.name}</span>
            <span className="desk-nav__count">
              <span className="visually-hidden">, </span>
              {unit.personCount}<span className="visually-hidden"> {unit.personCount === 1 ? 'person' : 'personer'}</span>
            </span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
