/**
 * "Att göra" on the desk overview: what waits for this position, each with its count and a link to
 * the folder — new assignments to accept and to acknowledge, unread messages, persons to close. An
 * assignment must never sit unseen (DOMAIN.md §4), so what waits is the first thing the day shows.
 * The counts are the same queries the folders on the left use, so both always agree.
 */
import { Link } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { NEW_ASSIGNMENT_ROLES } from '../assignments/assignmentLabels.ts';
import { useNewAssignmentCount } from '../assignments/assignments.api.ts';
import { useUnreadCount } from '../messages/messages.api.ts';
import { useDeskOverview } from './desk.api.ts';
import { visibleFolders } from './folders.ts';

interface Waiting {
  key: string;
  count: number;
  text: (count: number) => string;
  to: string;
}

export function WaitingWork() {
  const { roles } = useSession();
  const folders = new Set(visibleFolders(roles).map((folder) => folder.key));
  const toAccept = useNewAssignmentCount(roles.some((role) => NEW_ASSIGNMENT_ROLES.includes(role))).data ?? 0;
  const counts = useDeskOverview().data?.counts;
  const unread = useUnreadCount().data ?? 0;
  const all: Waiting[] = [
    {
      key: 'accept',
      count: toAccept,
      text: (n) => (n === 1 ? 'nytt uppdrag att ta emot och fördela' : 'nya uppdrag att ta emot och fördela'),
      to: '/nya-uppdrag',
    },
    {
      key: 'acknowledge',
      count: folders.has('new-assignments') ? (counts?.unacknowledged ?? 0) : 0,
      text: () => 'att kvittera',
      to: '/nya-uppdrag',
    },
    {
      key: 'unread',
      count: unread,
      text: (n) => (n === 1 ? 'oläst meddelande' : 'olästa meddelanden'),
      to: '/meddelanden/inkorg',
    },
    {
      key: 'not-current',
      count: folders.has('not-current') ? (counts?.notCurrent ?? 0) : 0,
      text: (n) => (n === 1 ? 'person ej aktuell att avsluta' : 'personer ej aktuella att avsluta'),
      to: '/ej-aktuella',
    },
  ];
  const waiting = all.filter((item) => item.count > 0);
  return (
    <section aria-labelledby="waiting-work-title" className="waiting-work">
      <h2 id="waiting-work-title">Att göra</h2>
      {waiting.length === 0 ? (
        <p className="muted">Inget väntar på dig just nu.</p>
      ) : (
        <ul className="folder-cards">
          {waiting.map((item) => (
            <li key={item.key}>
              <Link to={item.to} className="folder-card folder-card--waiting">
                <span className="folder-card__count">{item.count}</span> {item.text(item.count)}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
