/**
 * "Att göra" on the desk overview: what waits for this position, each with its count and a link to
 * the folder — new assignments to accept and to acknowledge, unread messages, persons to close, my
 * watches overdue and due today —
 * and each row whose start date waits to be registered, linking straight to that row's dialog. An
 * assignment must never sit unseen (DOMAIN.md §4), so what waits is the first thing the day shows.
 * The counts are the same queries the folders on the left use, so both always agree.
 */
import { Link } from 'react-router-dom';
import { useSession } from '../../session/session.tsx';
import { NEW_ASSIGNMENT_ROLES } from '../assignments/assignmentLabels.ts';
import { useNewAssignmentCount } from '../assignments/assignments.api.ts';
import { useUnreadCount } from '../messages/messages.api.ts';
import { usePersonalWatchSummary } from '../personal-watches/personalWatches.api.ts';
import { formatDate, personName } from '../../format.ts';
import { useDeskOverview, useStartsToRegister, type StartToRegister } from './desk.api.ts';
import { visibleFolders } from './folders.ts';
import { urgentCount } from '../watches/watchView.ts';
import { useWatchCounts } from '../watches/watches.api.ts';

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
  const startsToRegister = counts?.startsToRegister ?? 0;
  const watches = usePersonalWatchSummary(folders.has('personal-watches')).data;
  const deadlines = useWatchCounts(folders.has('watches')).data;
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
    {
      key: 'watches-overdue',
      count: watches?.overdue ?? 0,
      text: (n) => (n === 1 ? 'förfallen bevakning' : 'förfallna bevakningar'),
      to: '/bevakningar',
    },
    {
      key: 'watches-today',
      count: watches?.dueToday ?? 0,
      text: (n) => (n === 1 ? 'bevakning i dag' : 'bevakningar i dag'),
      to: '/bevakningar',
    },
    {
      key: 'watches',
      count: folders.has('watches') ? urgentCount(deadlines) : 0,
      text: (n) => watchesText(n, deadlines?.overdue ?? 0),
      to: '/tidsfrister',
    },
    // The rows are listed below the cards (StartsToRegister): the card takes the user there on the page.
    { key: 'starts', count: startsToRegister, text: startsText, to: '#att-registrera' },
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
              <WaitingCard item={item} />
            </li>
          ))}
        </ul>
      )}
      {startsToRegister > 0 && <StartsToRegister />}
    </section>
  );
}

/** A folder is a route; a place on this page (#…) is a plain link, which the browser scrolls to. */
function WaitingCard({ item }: { item: Waiting }) {
  const content = (
    <>
      <span className="folder-card__count">{item.count}</span> {item.text(item.count)}
    </>
  );
  const className = 'folder-card folder-card--waiting';
  return item.to.startsWith('#') ? (
    <a href={item.to} className={className}>
      {content}
    </a>
  ) : (
    <Link to={item.to} className={className}>
      {content}
    </Link>
  );
}

/** "3 tidsfrister att bevaka, 2 passerade": the passed said apart, since they may be reportable. */
function watchesText(count: number, overdue: number): string {
  const what = count === 1 ? 'tidsfrist att bevaka' : 'tidsfrister att bevaka';
  if (overdue === 0) return what;
  return `${what}, ${overdue} ${overdue === 1 ? 'passerad' : 'passerade'}`;
}

function startsText(count: number): string {
  return count === 1 ? 'insats väntar på verkställighetsdatum' : 'insatser väntar på verkställighetsdatum';
}

/** Where a row's start is registered: the person's Insatser tab, with that row's dialog open. */
export function startRowPath(item: Pick<StartToRegister, 'deliveryId' | 'person'>): string {
  return `/personer/${item.person.id}?flik=insatser&rad=${item.deliveryId}&atgard=verkstallighet`;
}

function StartsToRegister() {
  const list = useStartsToRegister(true);
  if (!list.data) return null;
  const { items, total } = list.data;
  return (
    <section aria-labelledby="att-registrera" className="starts-to-register">
      <h3 id="att-registrera" tabIndex={-1}>
        Registrera verkställighetsdatum
      </h3>
      <p className="muted">
        Insatserna har börjat enligt planen men saknar verkställighetsdatum, som debitering och statistik bygger på.
        {total > items.length && ` Visar de ${items.length} som väntat längst av ${total}.`}
      </p>
      <ul className="todo-rows">
        {items.map((item) => (
          <li key={item.deliveryId}>
            <Link to={startRowPath(item)} className="todo-row">
              <span className="todo-row__what">
                {personName(item.person) ?? 'Skyddad identitet'}{' '}
                <span className="nowrap">{item.person.identityNumber}</span>
              </span>
              <span>
                {item.intervention}, {item.unit.name}, från {formatDate(item.periodFrom)}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
