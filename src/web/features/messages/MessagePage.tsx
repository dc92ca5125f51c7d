/**
 * One message: who wrote it, to whom, when, what it is about (person or assignment, as links), the
 * text, and for a recipient "Markera som oläst", "Arkivera" and "Svara". The sender sees who has
 * read it. Opening marks it read on the server, so the counts are read again.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { formatDateTime } from '../../format.ts';
import { LinkedPerson } from './MessageParts.tsx';
import { refreshMessages, setArchived, setRead, useMessage, type MessageDetail } from './messages.api.ts';
import type { ComposeDraft } from '../../api/messageDraft.ts';
import './messages.css';

export function MessagePage() {
  const { messageId = '' } = useParams();
  const message = useMessage(messageId);
  const queryClient = useQueryClient();
  const openedId = message.data?.id;

  useEffect(() => {
    if (openedId) refreshMessages(queryClient);
  }, [openedId, queryClient]);

  if (message.isPending)
    return (
      <section className="page">
        <PageTitle>Meddelande</PageTitle>
        <Spinner />
      </section>
    );
  if (!message.data) {
    const isMissing = isApiError(message.error, 404) || isApiError(message.error, 400);
    return (
      <section className="page">
        <PageTitle>{isMissing ? 'Meddelandet hittades inte' : 'Meddelandet kunde inte visas'}</PageTitle>
        {isMissing ? (
          <p>Meddelandet finns inte, eller så är du varken avsändare eller mottagare.</p>
        ) : (
          <ErrorAlert error={message.error} />
        )}
        <p>
          <Link to="/meddelanden/inkorg">Till inkorgen</Link>
        </p>
      </section>
    );
  }
  return <MessageView message={message.data} />;
}

function MessageView({ message }: { message: MessageDetail }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<'read' | 'archive' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  const mark = async (what: 'read' | 'archive') => {
    setBusy(what);
    setFailure(null);
    try {
      const state =
        what === 'read' ? await setRead(message.id, false) : await setArchived(message.id, !message.isArchived);
      refreshMessages(queryClient, state.unreadCount);
      queryClient.removeQueries({ queryKey: ['messages', 'detail', message.id] });
      const notice =
        what === 'read'
          ? 'Meddelandet är markerat som oläst.'
          : state.isArchived
            ? 'Meddelandet är flyttat till arkivet.'
            : 'Meddelandet är flyttat till inkorgen.';
      navigate(what === 'read' && message.isArchived ? '/meddelanden/arkiv' : '/meddelanden/inkorg', {
        state: { notice },
      });
    } catch (error) {
      setFailure(error);
      setBusy(null);
    }
  };

  const reply: ComposeDraft | null =
    message.kind === 'personal' && message.senderId && !message.isSender
      ? {
          recipients: [{ kind: 'user', id: message.senderId, label: message.senderName, detail: '' }],
          subject: message.subject.startsWith('Sv: ') ? message.subject : `Sv: ${message.subject}`,
          personId: message.person?.isInScope ? message.person.id : null,
        }
      : null;

  return (
    <section className="page">
      <PageTitle documentTitle={message.subject}>{message.subject}</PageTitle>
      <dl className="facts">
        <div className="facts__row">
          <dt>Från</dt>
          <dd>{message.senderName}</dd>
        </div>
        <div className="facts__row">
          <dt>Skickat</dt>
          <dd>{formatDateTime(message.sentAt)}</dd>
        </div>
        <div className="facts__row facts__row--wide">
          <dt>Till</dt>
          <dd>{message.addressedTo}</dd>
        </div>
        {message.person && (
          <div className="facts__row">
            <dt>Gäller person</dt>
            <dd>
              <LinkedPerson person={message.person} />
            </dd>
          </div>
        )}
        {message.assignment && (
          <div className="facts__row">
            <dt>Gäller uppdrag</dt>
            <dd>
              <Link to={`/uppdrag/${message.assignment.id}`}>Uppdrag {message.assignment.assignmentNumber}</Link>
            </dd>
          </div>
        )}
        {message.isArchived && (
          <div className="facts__row">
            <dt>Status</dt>
            <dd>Arkiverat</dd>
          </div>
        )}
      </dl>
      <h2 className="visually-hidden">Meddelandetext</h2>
      <div className="message-body">{message.body}</div>
      <ErrorAlert error={failure} />
      <div className="button-row">
        {reply && (
          <Button variant="primary" onClick={() => navigate('/meddelanden/nytt', { state: { draft: reply } })}>
            Svara
          </Button>
        )}
        {message.isRecipient && (
          <Button onClick={() => void mark('read')} busy={busy === 'read'}>
            Markera som oläst
          </Button>
        )}
        {message.isRecipient && (
          <Button onClick={() => void mark('archive')} busy={busy === 'archive'}>
            {message.isArchived ? 'Flytta till inkorgen' : 'Arkivera'}
          </Button>
        )}
      </div>
      {message.recipients && (
        <>
          <h2>Mottagare</h2>
          <Table
            caption="Mottagare och om de har läst"
            captionHidden
            rows={message.recipients}
            rowKey={(recipient) => recipient.userId}
            columns={[
              { key: 'name', header: 'Namn', isRowHeader: true, render: (recipient) => recipient.displayName },
              { key: 'via', header: 'Via sändlista', render: (recipient) => recipient.viaSendList ?? '–' },
              {
                key: 'read',
                header: 'Läst',
                className: 'nowrap',
                render: (recipient) => (recipient.readAt ? formatDateTime(recipient.readAt) : 'Inte läst'),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}
