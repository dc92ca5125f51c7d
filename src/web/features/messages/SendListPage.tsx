/**
 * One send list: its name, whether it is in use and whether it is the alarm group (only the unit's
 * manager or an administrator may change that), and its members, added by searching for a name.
 */
import { useState } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client.ts';
import { Alert, StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import type { FieldSpec } from '../../components/FieldList.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { VersionedForm } from '../../components/VersionedForm.tsx';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { RecipientPicker } from './RecipientPicker.tsx';
import { ALARM_GROUP_LABEL } from './SendListsPage.tsx';
import {
  addSendListMember,
  fetchSendList,
  removeSendListMember,
  storeSendList,
  updateSendList,
  useSendList,
  type SendListDetail,
} from './messages.api.ts';

export function SendListPage() {
  const { sendListId = '' } = useParams();
  const list = useSendList(sendListId);
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  if (list.isPending)
    return (
      <section className="page">
        <PageTitle>Sändlista</PageTitle>
        <Spinner />
      </section>
    );
  if (!list.data) {
    return (
      <section className="page">
        <PageTitle>
          {isApiError(list.error, 404) || isApiError(list.error, 400)
            ? 'Sändlistan hittades inte'
            : 'Sändlistan kunde inte visas'}
        </PageTitle>
        <ErrorAlert error={list.error} />
      </section>
    );
  }
  return (
    <section className="page">
      <PageTitle documentTitle={list.data.name}>{list.data.name}</PageTitle>
      <p className="lead">
        {list.data.unitName} · {list.data.isActive ? 'Används' : 'Avstängd'}
        {list.data.purpose === 'alarm_group' && ` · ${ALARM_GROUP_LABEL}`}
      </p>
      {notice && <Alert tone="success">{notice}</Alert>}
      <DetailsForm list={list.data} />
      <Members list={list.data} />
    </section>
  );
}

interface Values {
  name: string;
  isActive: boolean;
  isAlarmGroup: boolean;
}

function DetailsForm({ list }: { list: SendListDetail }) {
  const queryClient = useQueryClient();
  const fields: FieldSpec<Values>[] = [
    { key: 'name', label: 'Namn', kind: 'text', required: true, maxLength: 120 },
    { key: 'isActive', label: 'Används', kind: 'checkbox', hint: 'En avstängd lista kan inte väljas som mottagare.' },
  ];
  if (list.permissions.canSetPurpose || list.purpose === 'alarm_group') {
    fields.push({
      key: 'isAlarmGroup',
      label: ALARM_GROUP_LABEL,
      kind: 'checkbox',
      hint: 'Uppdrag med trygghetslarm skickas också till den här listan. Bara enhetens chef eller en administratör ändrar det.',
    });
  }
  const state = useVersionedForm<SendListDetail, Values>({
    entity: list,
    fields,
    toValues: (l) => ({ name: l.name, isActive: l.isActive, isAlarmGroup: l.purpose === 'alarm_group' }),
    save: async (values, version) => {
      const purpose = list.permissions.canSetPurpose ? (values.isAlarmGroup ? 'alarm_group' : null) : list.purpose;
      const saved = await updateSendList(list.id, {
        name: values.name.trim(),
        isActive: values.isActive,
        purpose,
        version,
      });
      storeSendList(queryClient, saved);
      return saved;
    },
    reload: async () => {
      const latest = await fetchSendList(list.id);
      storeSendList(queryClient, latest);
      return latest;
    },
  });
  return (
    <VersionedForm
      title="Uppgifter"
      state={state}
      fields={fields}
      canEdit={list.permissions.canManage}
      readOnlyNote="Du kan se listan men inte ändra den: den hålls av en annan enhet."
    />
  );
}

function Members({ list }: { list: SendListDetail }) {
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<unknown>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [busyUserId, setBusyUserId] = useState<string | null>(null);

  const change = async (userId: string, action: () => Promise<SendListDetail>, done: string) => {
    setFailure(null);
    setStatus(null);
    setBusyUserId(userId);
    try {
      storeSendList(queryClient, await action());
      setStatus(done);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusyUserId(null);
    }
  };

  return (
    <section className="section">
      <h2>Medlemmar</h2>
      <ErrorAlert error={failure} />
      <Table
        caption="Medlemmar"
        captionHidden
        rows={list.members}
        rowKey={(member) => member.userId}
        empty="Listan har inga medlemmar."
        rowClassName={(member) => (member.isActive ? undefined : 'row--inactive')}
        columns={[
          {
            key: 'name',
            header: 'Namn',
            isRowHeader: true,
            render: (member) => (
              <>
                {member.displayName}
                {!member.isActive && (
                  <>
                    {' '}
                    <span className="tag tag--muted">Inaktiv, får inget</span>
                  </>
                )}
              </>
            ),
          },
          { key: 'positions', header: 'Befattning', render: (member) => member.description || '–' },
          ...(list.permissions.canManage
            ? [
                {
                  key: 'actions',
                  header: <span className="visually-hidden">Åtgärder</span>,
                  className: 'actions',
                  render: (member: SendListDetail['members'][number]) => (
                    <Button
                      variant="quiet"
                      busy={busyUserId === member.userId}
                      aria-label={`Ta bort ${member.displayName} från listan`}
                      onClick={() =>
                        void change(
                          member.userId,
                          () => removeSendListMember(list.id, member.userId),
                          `${member.displayName} har tagits bort från listan.`,
                        )
                      }
                    >
                      Ta bort
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {list.permissions.canManage && (
        <div className="form form--boxed">
          <RecipientPicker
            label="Lägg till medlem"
            includesSendLists={false}
            hidesSelected
            hint="Skriv minst 2 tecken av namnet och välj personen i listan."
            selected={list.members.map((member) => ({
              kind: 'user',
              id: member.userId,
              label: member.displayName,
              detail: '',
            }))}
            onSelect={(user) =>
              void change(user.id, () => addSendListMember(list.id, user.id), `${user.label} har lagts till i listan.`)
            }
            error={isApiError(failure) ? failure.fieldErrors.userId : undefined}
          />
        </div>
      )}
      <StatusMessage message={status} />
    </section>
  );
}
