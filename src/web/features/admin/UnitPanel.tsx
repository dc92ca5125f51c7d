/** One unit: what it is, its form (rename, move, regi, system access, active) and new child units. */
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { FieldSpec } from '../../components/FieldList.tsx';
import { VersionedForm } from '../../components/VersionedForm.tsx';
import { useVersionedForm } from '../../components/useVersionedForm.ts';
import { OWNERSHIP_LABELS, SERVICE_AREA_LABELS, UNIT_KIND_LABELS, optionsOf } from '../../i18n/labels.ts';
import { reloadUnits, updateUnit, type Unit } from './admin.api.ts';
import { NewUnitForm } from './NewUnitForm.tsx';
import { indentedName, possibleParents, type UnitTree } from './unitTree.ts';

interface UnitPanelProps {
  unit: Unit;
  tree: UnitTree;
  /** Move focus here when the user picked the unit in the tree. */
  takeFocus: boolean;
  onSelect: (unitId: string) => void;
}

interface UnitValues {
  name: string;
  parentId: string;
  ownership: string;
  hasSystemAccess: boolean;
  isActive: boolean;
}

export function UnitPanel({ unit, tree, takeFocus, onSelect }: UnitPanelProps) {
  const queryClient = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  const isProvider = unit.kind === 'provider';
  const parentOptions = possibleParents(tree, unit).map((candidate) => ({
    value: candidate.id,
    label: indentedName(candidate, depthOf(tree, candidate)),
  }));
  const fields: FieldSpec<UnitValues>[] = [
    { key: 'name', label: 'Namn', kind: 'text', required: true, maxLength: 200 },
    ...(unit.parentId
      ? [
          {
            key: 'parentId',
            label: 'Ligger under',
            kind: 'select',
            options: parentOptions,
            hint: 'Att flytta en enhet ändrar vilka som ser dess personer.',
          } as const,
        ]
      : []),
    ...(isProvider
      ? [
          {
            key: 'ownership',
            label: 'Regi',
            kind: 'select',
            placeholder: 'Ej angiven',
            options: optionsOf(OWNERSHIP_LABELS),
          } as const,
          {
            key: 'hasSystemAccess',
            label: 'Har tillgång till Vardag',
            kind: 'checkbox',
            hint: 'Avmarkera för en privat utförare som arbetar utan systemet och lämnar rapporter i stället.',
          } as const,
        ]
      : []),
    {
      key: 'isActive',
      label: 'Aktiv',
      kind: 'checkbox',
      hint: 'En inaktiv enhet visas grå i trädet och kan inte väljas för nya befattningar.',
    },
  ];

  const state = useVersionedForm<Unit, UnitValues>({
    entity: unit,
    fields,
    toValues: (u) => ({
      name: u.name,
      parentId: u.parentId ?? '',
      ownership: u.ownership ?? '',
      hasSystemAccess: u.hasSystemAccess,
      isActive: u.isActive,
    }),
    save: async (values, version) => {
      await updateUnit(unit.id, {
        version,
        name: values.name.trim(),
        parentId: values.parentId || null,
        ownership: values.ownership === '' ? null : (values.ownership as Unit['ownership']),
        hasSystemAccess: values.hasSystemAccess,
        isActive: values.isActive,
      });
      return findUnit(await reloadUnits(queryClient), unit.id);
    },
    reload: async () => findUnit(await reloadUnits(queryClient), unit.id),
  });

  return (
    <article className="panel" aria-labelledby="unit-panel-title">
      <h2 id="unit-panel-title" ref={heading} tabIndex={-1}>
        {unit.name}
      </h2>
      <dl className="facts">
        <div className="facts__row">
          <dt>Typ</dt>
          <dd>{UNIT_KIND_LABELS[unit.kind]}</dd>
        </div>
        <div className="facts__row">
          <dt>Verksamhetsområde</dt>
          <dd>{SERVICE_AREA_LABELS[unit.serviceArea]}</dd>
        </div>
        {isProvider && (
          <div className="facts__row">
            <dt>Regi</dt>
            <dd>{unit.ownership ? OWNERSHIP_LABELS[unit.ownership] : '–'}</dd>
          </div>
        )}
        {isProvider && (
          <div className="facts__row">
            <dt>Systemåtkomst</dt>
            <dd>{unit.hasSystemAccess ? 'Ja' : 'Nej'}</dd>
          </div>
        )}
        <div className="facts__row">
          <dt>Status</dt>
          <dd>{unit.isActive ? 'Aktiv' : 'Inaktiv'}</dd>
        </div>
      </dl>
      <VersionedForm title="Ändra enhet" headingLevel={3} state={state} fields={fields} />
      <NewUnitForm parent={unit} onCreated={onSelect} />
    </article>
  );
}

function findUnit(units: readonly Unit[], unitId: string): Unit {
  const found = units.find((candidate) => candidate.id === unitId);
  if (!found) throw new Error('Enheten finns inte längre.');
  return found;
}

function depthOf(tree: UnitTree, unit: Unit): number {
  let depth = 0;
  for (let current = unit; current.parentId; depth++) {
    const parent = tree.byId.get(current.parentId);
    if (!parent) break;
    current = parent;
  }
  return depth;
}
