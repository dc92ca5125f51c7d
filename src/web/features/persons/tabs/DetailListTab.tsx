/**
 * Närstående, Referenspersoner and Nyckelnummer: a list with add, edit and remove. Each row has
 * its own version; a stale one answers 409, and reading in again keeps what the user typed.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../../api/client.ts';
import { StatusMessage } from '../../../components/Alert.tsx';
import { Button } from '../../../components/Button.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { displayValue, type FieldSpec } from '../../../components/FieldList.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import { Table, type Column } from '../../../components/Table.tsx';
import { personKeys, removeDetail, useDetailList, type DetailItems, type DetailListName } from '../persons.api.ts';
import { refreshVisitSummary } from '../../visits/visits.api.ts';
import { DetailEditor, type Editing } from './DetailEditor.tsx';
import { VisibleToOthers } from './ContactTabs.tsx';

export type DetailValues = Record<string, string | boolean>;

export interface DetailListSpec {
  list: DetailListName;
  title: string;
  /** "närstående", "referensperson", "nyckel": used in button texts and messages. */
  singular: string;
  fields: readonly FieldSpec<DetailValues>[];
  /** Columns shown in the table, by field key; the first names the row. */
  columns: readonly string[];
  /** What names a row in buttons and the confirmation ("Ändra Anna Svensson"). */
  nameOf: (item: Record<string, unknown>) => string;
  empty: string;
}

type Item = DetailItems[DetailListName] & Record<string, unknown>;

export function DetailListTab({
  personId,
  spec,
  canEdit,
}: {
  personId: string;
  spec: DetailListSpec;
  canEdit: boolean;
}) {
  const queryClient = useQueryClient();
  const items = useDetailList(personId, spec.list);
  const [editing, setEditing] = useState<Editing | null>(null);
  // A new key each time the editor opens, so it starts from that row; a conflict keeps the key.
  const [editorKey, setEditorKey] = useState(0);
  const openEditor = (next: Editing) => {
    setStatus(null);
    setEditorKey((key) => key + 1);
    setEditing(next);
  };
  const [removing, setRemoving] = useState<Item | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [isRemoving, setIsRemoving] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const rows = (items.data ?? []) as Item[];
  const byKey = new Map(spec.fields.map((field) => [field.key, field]));
  const columns: Column<Item>[] = spec.columns.map((key, index) => {
    const field = byKey.get(key);
    return {
      key,
      header: field?.label ?? key,
      isRowHeader: index === 0,
      render: (item) => (field ? displayValue(field, item[key]) : String(item[key] ?? '–')),
    };
  });
  if (canEdit) {
    columns.push({
      key: 'actions',
      header: <span className="visually-hidden">Åtgärder</span>,
      className: 'actions',
      render: (item) => (
        <span className="button-row button-row--tight">
          <Button
            variant="quiet"
            aria-label={`Ändra ${spec.nameOf(item)}`}
            onClick={() =>
              openEditor({ mode: 'edit', itemId: item.id, version: item.version, values: valuesOf(spec, item) })
            }
          >
            Ändra
          </Button>
          <Button
            variant="quiet"
            aria-label={`Ta bort ${spec.nameOf(item)}`}
            onClick={() => {
              setRemoveError(null);
              setRemoving(item);
            }}
          >
            Ta bort
          </Button>
        </span>
      ),
    });
  }

  const confirmRemove = async () => {
    if (!removing) return;
    // The newest version we know: after a conflict the list has been read in again.
    const latest = rows.find((row) => row.id === removing.id);
    setIsRemoving(true);
    try {
      const list = await removeDetail(personId, spec.list, removing.id, latest?.version ?? removing.version);
      queryClient.setQueryData(personKeys.list(personId, spec.list), list);
      refreshVisitSummary(queryClient, personId);
      setStatus(`${capitalize(spec.nameOf(removing))} är borttagen.`);
      setRemoving(null);
    } catch (error) {
      if (isApiError(error, 409)) {
        await items.refetch();
        setRemoveError(
          'Någon annan har ändrat uppgifterna. Listan är inläst igen; kontrollera och ta bort igen om du vill.',
        );
      } else if (isApiError(error, 404)) {
        await items.refetch();
        setRemoving(null);
        setStatus('Raden fanns inte längre.');
      } else {
        setRemoveError(isApiError(error) ? error.message : 'Det gick inte att ta bort.');
      }
    } finally {
      setIsRemoving(false);
    }
  };

  return (
    <section className="section">
      <h2>{spec.title}</h2>
      <VisibleToOthers />
      {items.isPending && <Spinner />}
      <ErrorAlert error={items.error} />
      {items.data && (
        <Table
          caption={spec.title}
          captionHidden
          columns={columns}
          rows={rows}
          rowKey={(item) => item.id}
          empty={spec.empty}
        />
      )}
      <StatusMessage message={status} />
      {canEdit && !editing && (
        <Button onClick={() => openEditor({ mode: 'add', values: emptyValues(spec) })}>
          Lägg till {spec.singular}
        </Button>
      )}
      {canEdit && editing && (
        <DetailEditor
          key={editorKey}
          personId={personId}
          spec={spec}
          editing={editing}
          onChange={setEditing}
          onDone={(message) => {
            setEditing(null);
            setStatus(message);
          }}
        />
      )}
      <ConfirmDialog
        open={removing !== null}
        title={`Ta bort ${spec.singular}?`}
        confirmLabel="Ta bort"
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
        busy={isRemoving}
        error={removeError}
      >
        <p>{removing ? `${spec.nameOf(removing)} tas bort från personen. Det går inte att ångra.` : ''}</p>
      </ConfirmDialog>
    </section>
  );
}

function valuesOf(spec: DetailListSpec, item: Record<string, unknown>): DetailValues {
  return Object.fromEntries(
    spec.fields.map((field) => {
      const value = item[field.key];
      return [
        field.key,
        field.kind === 'checkbox' ? Boolean(value) : value === null || value === undefined ? '' : String(value),
      ];
    }),
  );
}

function emptyValues(spec: DetailListSpec): DetailValues {
  return Object.fromEntries(spec.fields.map((field) => [field.key, field.kind === 'checkbox' ? false : '']));
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
