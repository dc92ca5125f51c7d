/**
 * The organisation as nested lists with disclosure buttons: Tab reaches every toggle and unit,
 * Enter or Space expands. Inactive units are greyed and say "inaktiv" in words.
 */
import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { OWNERSHIP_LABELS, UNIT_KIND_LABELS } from '../../i18n/labels.ts';
import type { Unit } from './admin.api.ts';
import { ancestorIds, type UnitTree } from './unitTree.ts';

interface UnitTreeViewProps {
  tree: UnitTree;
  selectedId: string | null;
  onSelect: (unitId: string) => void;
}

export function UnitTreeView({ tree, selectedId, onSelect }: UnitTreeViewProps) {
  // Service areas open, and the way down to the chosen unit.
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(tree.roots.map((unit) => unit.id)));
  // A newly chosen unit (just created, or from the address) is shown by opening the way down to
  // it, once: the user may still close its parents afterwards.
  const [shownId, setShownId] = useState<string | null>(null);
  if (selectedId && selectedId !== shownId) {
    setShownId(selectedId);
    setExpanded(new Set([...expanded, ...ancestorIds(tree, selectedId)]));
  }
  const toggle = (unitId: string) => {
    const next = new Set(expanded);
    if (next.has(unitId)) next.delete(unitId);
    else next.add(unitId);
    setExpanded(next);
  };
  const node = (unit: Unit) => {
    const children = tree.childrenOf(unit.id);
    const isOpen = expanded.has(unit.id);
    return (
      <li key={unit.id}>
        <div
          className={`tree-node${unit.isActive ? '' : ' tree-node--inactive'}${unit.id === selectedId ? ' tree-node--selected' : ''}`}
        >
          {children.length > 0 ? (
            <button type="button" className="tree-node__toggle" aria-expanded={isOpen} onClick={() => toggle(unit.id)}>
              <span aria-hidden="true">{isOpen ? '▾' : '▸'}</span>
              <span className="visually-hidden">Underenheter till {unit.name}</span>
            </button>
          ) : (
            <span className="tree-node__toggle tree-node__toggle--leaf" aria-hidden="true" />
          )}
          <button
            type="button"
            className="tree-node__name"
            aria-current={unit.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(unit.id)}
          >
            {unit.name}
          </button>
          <span className="tree-node__meta">
            {UNIT_KIND_LABELS[unit.kind]}
            {unit.ownership && <>, {OWNERSHIP_LABELS[unit.ownership].toLowerCase()}</>}
            {unit.kind === 'provider' && !unit.hasSystemAccess && (
              <>
                , <span className="tag tag--muted">utan systemåtkomst</span>
              </>
            )}
            {!unit.isActive && (
              <>
                , <span className="tag tag--muted">inaktiv</span>
              </>
            )}
          </span>
        </div>
        {children.length > 0 && isOpen && <ul className="tree__group">{children.map(node)}</ul>}
      </li>
    );
  };
  return (
    <div className="tree">
      <h2 className="visually-hidden">Organisationsträd</h2>
      <div className="button-row button-row--tight">
        <Button variant="quiet" onClick={() => setExpanded(new Set(tree.byId.keys()))}>
          Visa alla
        </Button>
        <Button variant="quiet" onClick={() => setExpanded(new Set())}>
          Dölj alla
        </Button>
      </div>
      <ul className="tree__root">{tree.roots.map(node)}</ul>
    </div>
  );
}
