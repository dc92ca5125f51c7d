/** The folders on the left of the desk, as a list of links with their counts; "Mina enheter" lists its units. */
import { NavLink } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { useDeskOverview } from './desk.api.ts';
import { visibleFolders, type DeskFolder } from './folders.ts';
import { UnreadFolderCount } from '../messages/UnreadCount.tsx';
import { NEW_ASSIGNMENT_ROLES } from '../assignments/assignmentLabels.ts';
import { useNewAssignmentCount } from '../assignments/assignments.api.ts';
import { usePersonalWatchSummary } from '../personal-watches/personalWatches.api.ts';
import { spokenCount, urgentCount } from '../watches/watchView.ts';
import { useWatchCounts } from '../watches/watches.api.ts';

/** `isOpen` matters below a tablet's width only, where the folders fold away behind the Meny button. */
export function DeskNav({ id, isOpen }: { id: string; isOpen: boolean }) {
  const { roles } = useSession();
  const folders = visibleFolders(roles);
  return (
    <nav id={id} aria-label="Mitt skrivbord" className={isOpen ? 'desk-nav desk-nav--open' : 'desk-nav'}>
      <p className="desk-nav__title" aria-hidden="true">
        Mitt skrivbord
      </p>
      <ul className="desk-nav__list">
        <li>
          <NavLink to="/" end className="desk-nav__link">
            Översikt
          </NavLink>
        </li>
        {folders.map((folder) => (
          <li key={folder.key}>
            <NavLink to={folder.to} className="desk-nav__link">
              {folder.label}
              {folder.showsUnreadMessages && <UnreadFolderCount />}
              {folder.showsNewAssignments && <NewAssignmentsCount />}
              {folder.showsPersonalWatches && <PersonalWatchesCount />}
              {folder.showsCount && <OverviewCount count={folder.showsCount} />}
              {folder.showsWatches && <WatchesCount />}
            </NavLink>
            {folder.listsUnits && <UnitLinks folder={folder} />}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** "4" after the folder name, with what it counts for screen readers; nothing while it is zero. */
function FolderCount({ count, spoken }: { count: number; spoken: string }) {
  if (count === 0) return null;
  return (
    <span className="desk-nav__count desk-nav__count--unread">
      <span className="visually-hidden">, </span>
      {count}
      <span className="visually-hidden"> {spoken}</span>
    </span>
  );
}

const SPOKEN: Record<NonNullable<DeskFolder['showsCount']>, (count: number) => string> = {
  myPersons: (count) => (count === 1 ? 'person' : 'personer'),
  notCurrent: () => 'att avsluta',
};

function OverviewCount({ count }: { count: NonNullable<DeskFolder['showsCount']> }) {
  const overview = useDeskOverview();
  const value = overview.data?.counts[count] ?? 0;
  return <FolderCount count={value} spoken={SPOKEN[count](value)} />;
}

/** Mina bevakningar: overdue and due today together, said apart to screen readers. */
function PersonalWatchesCount() {
  const summary = usePersonalWatchSummary().data;
  const overdue = summary?.overdue ?? 0;
  const dueToday = summary?.dueToday ?? 0;
  if (overdue + dueToday === 0) return null;
  const parts = [overdue > 0 ? `${overdue} förfallna` : null, dueToday > 0 ? `${dueToday} i dag` : null].filter(
    Boolean,
  );
  return (
    <span className="desk-nav__count desk-nav__count--unread">
      <span className="visually-hidden">, </span>
      <span aria-hidden="true">{overdue + dueToday}</span>
      <span className="visually-hidden">{parts.join(' och ')}</span>
    </span>
  );
}

/**
 * Nya uppdrag: those to accept and distribute (asked every 30 s, like unread messages) and those
 * to acknowledge (from the overview), together, and said apart to screen readers.
 */
function NewAssignmentsCount() {
  const { roles } = useSession();
  const toAccept = useNewAssignmentCount(roles.some((role) => NEW_ASSIGNMENT_ROLES.includes(role))).data ?? 0;
  const toAcknowledge = useDeskOverview().data?.counts.unacknowledged ?? 0;
  const parts = [
    toAccept > 0 ? `${toAccept} ${toAccept === 1 ? 'nytt uppdrag' : 'nya uppdrag'}` : null,
    toAcknowledge > 0 ? `${toAcknowledge} att kvittera` : null,
  ].filter(Boolean);
  const total = toAccept + toAcknowledge;
  if (total === 0) return null;
  return (
    <span className="desk-nav__count desk-nav__count--unread">
      <span className="visually-hidden">, </span>
      <span aria-hidden="true">{total}</span>
      <span className="visually-hidden">{parts.join(' och ')}</span>
    </span>
  );
}

/** Tidsfrister: passed and due (or waiting), together, and said apart to screen readers ("3 passerade, 1 idag eller väntar"). */
function WatchesCount() {
  const counts = useWatchCounts(true).data;
  const total = urgentCount(counts);
  if (!counts || total === 0) return null;
  return (
    <span className="desk-nav__count desk-nav__count--unread">
      <span className="visually-hidden">, </span>
      <span aria-hidden="true">{total}</span>
      <span className="visually-hidden">{spokenCount(counts)}</span>
    </span>
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
              {unit.personCount}
              <span className="visually-hidden"> {unit.personCount === 1 ? 'person' : 'personer'}</span>
            </span>
          </NavLink>
        </li>
      ))}
    </ul>
  );
}
