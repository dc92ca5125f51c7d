/**
 * Inkorg and Arkiv: the messages that reached the user, newest first, unread ones in bold and
 * marked in words. The filter and the page are in the address, so reload and back keep them.
 */
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.tsx';
import { Checkbox } from '../../components/Checkbox.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDateTime } from '../../format.ts';
import { LinkedPerson } from './MessageParts.tsx';
import { Pager, pageFrom } from '../../components/Pager.tsx';
import { useInbox, type InboxItem } from './messages.api.ts';
import './messages.css';

export function InboxPage({ folder }: { folder: 'inbox' | 'archive' }) {
  const [params, setParams] = useSearchParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const isUnreadOnly = folder === 'inbox' && params.get('olasta') === 'ja';
  const page = pageFrom(params);
  const inbox = useInbox(folder, page, isUnreadOnly);
  const title = folder === 'inbox' ? 'Inkorg' : 'Arkiv';

  const change = (next: { page?: number; isUnreadOnly?: boolean }) => {
    const updated = new URLSearchParams(params);
    const unread = next.isUnreadOnly ?? isUnreadOnly;
    if (unread) updated.set('olasta', 'ja');
    else updated.delete('olasta');
    if ((next.page ?? 1) > 1) updated.set('sida', String(next.page));
    else updated.delete('sida');
    setParams(updated, { replace: true });
  };

  return (
    <section className="page">
      <PageTitle>{title}</PageTitle>
      {notice && <Alert tone="success">{notice}</Alert>}
      <p>
        <Link to="/meddelanden/nytt" className="button button--primary">
          Skriv meddelande
        </Link>
      </p>
      {folder === 'inbox' && (
        <div className="filter-row">
          <Checkbox
            label="Visa bara olästa"
            checked={isUnreadOnly}
            onChange={(checked) => change({ isUnreadOnly: checked })}
          />
        </div>
      )}
      {folder === 'archive' && (
        <p className="lead">
          Meddelanden som du har flyttat ut ur inkorgen. Öppna ett meddelande för att flytta tillbaka det.
        </p>
      )}
      {inbox.isPending && <Spinner />}
      <ErrorAlert error={inbox.error} />
      {inbox.data && (
        <>
          <p role="status" className="status-message status-message--neutral">
            {inbox.data.total} {inbox.data.total === 1 ? 'meddelande' : 'meddelanden'}
            {folder === 'inbox' && `, ${inbox.data.unreadCount} olästa i inkorgen`}.
          </p>
          <Table<InboxItem>
            caption={title}
            captionHidden
            rows={inbox.data.items}
            rowKey={(item) => item.id}
            empty={
              isUnreadOnly
                ? 'Du har inga olästa meddelanden.'
                : folder === 'inbox'
                  ? 'Inkorgen är tom.'
                  : 'Arkivet är tomt.'
            }
            rowClassName={(item) => (item.isRead ? undefined : 'message-row--unread')}
            columns={[
              {
                key: 'subject',
                header: 'Ämne',
                isRowHeader: true,
                render: (item) => (
                  <>
                    {!item.isRead && <span className="tag">Oläst</span>}{' '}
                    <Link to={`/meddelanden/${item.id}`}>{item.subject}</Link>
                  </>
                ),
              },
              { key: 'from', header: 'Från', render: (item) => item.senderName },
              {
                key: 'to',
                header: 'Till',
                render: (item) => (item.viaSendList ? `${item.viaSendList} (sändlista)` : item.addressedTo),
              },
              {
                key: 'person',
                header: 'Gäller',
                render: (item) =>
                  item.person ? (
                    <LinkedPerson person={item.person} />
                  ) : item.assignment ? (
                    `Uppdrag ${item.assignment.assignmentNumber}`
                  ) : (
                    '–'
                  ),
              },
              { key: 'sent', header: 'Skickat', className: 'nowrap', render: (item) => formatDateTime(item.sentAt) },
            ]}
          />
          <Pager
            page={page}
            pageSize={inbox.data.pageSize}
            total={inbox.data.total}
            onPage={(next) => change({ page: next })}
          />
        </>
      )}
    </section>
  );
}
