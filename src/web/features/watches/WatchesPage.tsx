/**
 * Tidsfrister (/tidsfrister): the statutory deadlines on the caller's desk, computed by the server
 * from the data (issue 16) — decisions not delivered within three months, interruptions not
 * resumed, assignments not received, short-term stays without a place and decision periods ending
 * — grouped by rule, most urgent first, each opening the record where it is dealt with.
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProtectedTag } from '../../components/PersonTable.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDate, formatTime, personName } from '../../format.ts';
import { WATCH_RULE_LABELS } from '../../i18n/labels.ts';
import type { WatchRule } from '../../../domain/vocabulary.ts';
import { useWatches, useWatchSettings, type WatchItem, type WatchSettings } from './watches.api.ts';
import { countsLine, groupByRule, isReckonedInHours, linksOf, statusOf, type WatchDesk } from './watchView.ts';
import './watches.css';

export function WatchesPage() {
  const list = useWatches();
  const settings = useWatchSettings();
  const data = list.data;
  const shown = data?.items.length ?? 0;
  const total = data ? data.counts.overdue + data.counts.due + data.counts.approaching : 0;
  return (
    <section className="page">
      <PageTitle>Tidsfrister</PageTitle>
      <Intro desk={data?.desk ?? null} settings={settings.data} />
      {list.isPending && <Spinner />}
      <ErrorAlert error={list.error} />
      {data && (
        <>
          <p className="status-message status-message--neutral watch-counts">
            {countsLine(data.counts)}
            {total > shown && ` Visar de ${shown} mest brådskande av ${total}.`}
          </p>
          {data.items.length === 0 || data.desk === null ? (
            <p className="table-empty">Inga tidsfrister att bevaka just nu.</p>
          ) : (
            groupByRule(data.items).map((group) => (
              <WatchSection key={group.rule} rule={group.rule} items={group.items} desk={data.desk!} />
            ))
          )}
        </>
      )}
    </section>
  );
}

function Intro({ desk, settings }: { desk: WatchDesk | null; settings: WatchSettings | undefined }) {
  const months = settings ? `${settings.reminderMonths} ${settings.reminderMonths === 1 ? 'månad' : 'månader'}` : null;
  return (
    <p className="lead">
      Ett beviljat beslut som inte verkställts inom tre månader, eller ett avbrott som inte återupptagits inom tre
      månader, ska rapporteras till IVO{months && `; påminnelse skickas efter ${months}`}. Här ser du sådant som närmar
      sig eller har passerat sin frist, och uppdrag som inte tagits emot
      {desk === 'provider' ? ' hos din utförare' : ', och beslut som snart löper ut'}.
    </p>
  );
}

function WatchSection({ rule, items, desk }: { rule: WatchRule; items: readonly WatchItem[]; desk: WatchDesk }) {
  const headingId = `watch-${rule}`;
  const inHours = isReckonedInHours(rule);
  // A date and a time may break between them: the table then fits a laptop's width.
  const when = (value: string) =>
    inHours ? (
      <>
        <span className="nowrap">{formatDate(value)}</span> <span className="nowrap">{formatTime(value)}</span>
      </>
    ) : (
      <span className="nowrap">{formatDate(value)}</span>
    );
  return (
    <section aria-labelledby={headingId} className="watch-section">
      <h2 id={headingId}>
        {WATCH_RULE_LABELS[rule]} <span className="watch-section__count">({items.length})</span>
      </h2>
      <Table<WatchItem>
        caption={WATCH_RULE_LABELS[rule]}
        captionHidden
        rows={items}
        rowKey={(item) => item.subjectId}
        columns={[
          {
            key: 'person',
            header: 'Person',
            isRowHeader: true,
            render: (item) => (
              <>
                {personName(item.person) ?? <ProtectedTag />}
                <br />
                <span className="nowrap">{item.person.identityNumber}</span>
              </>
            ),
          },
          {
            key: 'intervention',
            header: 'Insats',
            render: (item) => (
              <>
                <PhoneLabel>Insats</PhoneLabel>
                {item.interventionName}
                {item.provider && (
                  <>
                    <br />
                    <span className="muted">{item.provider.name}</span>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'decision',
            header: 'Beslut/Ärende',
            render: (item) => (
              <>
                <PhoneLabel>Beslut/Ärende</PhoneLabel>
                <span className="nowrap">{item.decisionNumber}</span>
                <br />
                <span className="nowrap">{item.caseNumber}</span>
                {item.assignment && rule === 'unacknowledged_assignment' && (
                  <>
                    <br />
                    Uppdrag <span className="nowrap">{item.assignment.number}</span>
                  </>
                )}
              </>
            ),
          },
          {
            key: 'since',
            header: 'Sedan',
            render: (item) => (
              <>
                <PhoneLabel>Sedan</PhoneLabel>
                {when(item.since)}
              </>
            ),
          },
          {
            key: 'due',
            header: 'Frist',
            render: (item) => (
              <>
                <PhoneLabel>Frist</PhoneLabel>
                {when(item.dueOn)}
              </>
            ),
          },
          {
            key: 'status',
            header: 'Status',
            render: (item) => (
              <>
                <PhoneLabel>Status</PhoneLabel>
                <StatusBadge item={item} />
              </>
            ),
          },
          {
            key: 'actions',
            header: <span className="visually-hidden">Åtgärd</span>,
            className: 'watch-actions',
            render: (item) => <ItemLinks item={item} desk={desk} />,
          },
        ]}
      />
    </section>
  );
}

/**
 * The column's name before its value where a phone lays each row out as a card (watches.css);
 * hidden from screen readers, which have the table's own headers.
 */
function PhoneLabel({ children }: { children: ReactNode }) {
  return (
    <span className="watch-phone-label" aria-hidden="true">
      {children}:{' '}
    </span>
  );
}

function StatusBadge({ item }: { item: WatchItem }) {
  const status = statusOf(item);
  return (
    <>
      <span className={`tag watch-tag watch-tag--${status.tone}`}>{status.label}</span>
      {status.detail && (
        <>
          {' '}
          <span className="watch-step">{status.detail}</span>
        </>
      )}
    </>
  );
}

function ItemLinks({ item, desk }: { item: WatchItem; desk: WatchDesk }) {
  const who = personName(item.person) ?? item.person.identityNumber;
  return (
    <ul className="watch-links">
      {linksOf(item, desk).map((link) => (
        <li key={link.key}>
          <Link to={link.to}>
            {link.text}
            <span className="visually-hidden">
              {' '}
              – {item.interventionName}, {who}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
