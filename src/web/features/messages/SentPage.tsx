/** Skickat: what the user has written, newest first, with how many of the recipients have read it. */
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { Alert } from '../../components/Alert.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDateTime } from '../../format.ts';
import { LinkedPerson } from './MessageParts.tsx';
import { Pager, pageFrom } from '../../components/Pager.tsx';
import { useSent, type SentItem } from './messages.api.ts';

export function SentPage() {
  const [params, setParams] = useSearchParams();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  const page = pageFrom(params);
  const sent = useSent(page);
  const toPage = (next: number) => setParams(next > 1 ? { sida: String(next) } : {}, { replace: true });
  return (
    <section className="page">
      <PageTitle>Skickat</PageTitle>
      {notice && <Alert tone="success">{notice}</Alert>}
      <p>
        <Link to="/meddelanden/nytt" className="button button--primary">
          Skriv meddelande
        </Link>
      </p>
      {sent.isPending && <Spinner />}
      <ErrorAlert error={sent.error} />
      {sent.data && (
        <>
          <Table<SentItem>
            caption="Skickade meddelanden"
            captionHidden
            rows={sent.data.items}
            rowKey={(item) => item.id}
            empty="Du har inte skickat några meddelanden."
            columns={[
              {
                key: 'subject',
                header: 'Ämne',
                isRowHeader: true,
                render: (item) => <Link to={`/meddelanden/${item.id}`}>{item.subject}</Link>,
              },
              { key: 'to', header: 'Till', render: (item) => item.addressedTo },
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
              {
                key: 'read',
                header: 'Läst',
                className: 'nowrap',
                render: (item) => `${item.readCount} av ${item.recipientCount}`,
              },
            ]}
          />
          <Pager page={page} pageSize={sent.data.pageSize} total={sent.data.total} onPage={toPage} />
        </>
      )}
    </section>
  );
}
