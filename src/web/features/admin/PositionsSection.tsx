/**
 * A user's positions (befattningar): unit, title and roles. Add, change, deactivate. Roles are
 * what the policies reason with; the unit decides which persons the position sees.
 */
import { useMemo, useState } from 'react';
import { StatusMessage } from '../../components/Alert.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Spinner } from '../../components/Spinner.tsx';
import { Table } from '../../components/Table.tsx';
import { rolesText } from '../../i18n/labels.ts';
import { useUnits, type Position, type User } from './admin.api.ts';
import { EditPositionForm, NewPositionForm } from './PositionForms.tsx';
import { buildTree, flatten, indentedName } from './unitTree.ts';

type Editing = { mode: 'add' } | { mode: 'edit'; positionId: string };

export function PositionsSection({ user }: { user: User }) {
  const units = useUnits();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [editorKey, setEditorKey] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const open = (next: Editing) => {
    setStatus(null);
    setEditorKey((key) => key + 1);
    setEditing(next);
  };
  const close = (message: string | null) => {
    setEditing(null);
    setStatus(message);
  };

  const unitOptions = useMemo(() => {
    if (!units.data) return [];
    return flatten(buildTree(units.data)).map(({ unit, depth }) => ({
      value: unit.id,
      label: indentedName(unit, depth),
      disabled: !unit.isActive,
    }));
  }, [units.data]);
  const editingPosition =
    editing?.mode === 'edit' ? user.positions.find((p) => p.id === editing.positionId) : undefined;

  return (
    <section className="section">
      <h2>Befattningar</h2>
      <Table<Position>
        caption={`Befattningar för ${user.displayName}`}
        captionHidden
        rows={user.positions}
        rowKey={(p) => p.id}
        empty="Användaren har ingen befattning och kan inte arbeta med personer."
        rowClassName={(p) => (p.isActive ? undefined : 'row--inactive')}
        columns={[
          { key: 'title', header: 'Titel', isRowHeader: true, render: (p) => p.title },
          { key: 'unit', header: 'Enhet', render: (p) => p.unitName },
          { key: 'roles', header: 'Roller', render: (p) => rolesText(p.roles) },
          { key: 'status', header: 'Status', render: (p) => (p.isActive ? 'Aktiv' : 'Inaktiv') },
          {
            key: 'actions',
            header: <span className="visually-hidden">Åtgärder</span>,
            className: 'actions',
            render: (p) => (
              <Button
                variant="quiet"
                aria-label={`Ändra ${p.title}, ${p.unitName}`}
                onClick={() => open({ mode: 'edit', positionId: p.id })}
              >
                Ändra
              </Button>
            ),
          },
        ]}
      />
      <StatusMessage message={status} />
      {units.isPending && editing && <Spinner label="Hämtar enheter …" />}
      <ErrorAlert error={units.error} />
      {!editing && <Button onClick={() => open({ mode: 'add' })}>Lägg till befattning</Button>}
      {editing?.mode === 'add' && units.data && (
        <NewPositionForm key={editorKey} userId={user.id} unitOptions={unitOptions} onDone={close} />
      )}
      {editingPosition && units.data && (
        <EditPositionForm
          key={editorKey}
          userId={user.id}
          position={editingPosition}
          unitOptions={unitOptions}
          onDone={close}
        />
      )}
    </section>
  );
}
