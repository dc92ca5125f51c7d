/**
 * WAI-ARIA tabs: arrow keys, Home and End move between tabs (and select them), Tab moves into the
 * panel. A panel is mounted the first time it is shown and then kept (hidden), so text typed in
 * one tab survives a visit to another. On a phone the tab list is one row that scrolls sideways
 * (styles.css); the selected tab is kept in view there.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

interface TabsProps {
  /** Names the tab list for screen readers, e.g. "Uppgifter om personen". */
  label: string;
  tabs: readonly TabItem[];
  selectedId: string;
  onSelect: (id: string) => void;
  idPrefix: string;
}

export function Tabs({ label, tabs, selectedId, onSelect, idPrefix }: TabsProps) {
  const selected = tabs.some((tab) => tab.id === selectedId) ? selectedId : tabs[0]?.id;
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set(selected ? [selected] : []));
  if (selected && !visited.has(selected)) setVisited(new Set([...visited, selected]));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const list = useRef<HTMLDivElement>(null);
  // On a phone the tab row scrolls sideways (styles.css): keep the selected tab in it, also when the
  // page opens on a later tab (?flik=insatser). Only the row scrolls, never the page.
  useEffect(() => {
    const row = list.current;
    const tab = selected ? buttons.current.get(selected) : undefined;
    if (!row || !tab || row.scrollWidth <= row.clientWidth) return;
    const left = tab.offsetParent === row ? tab.offsetLeft : tab.offsetLeft - row.offsetLeft;
    if (left < row.scrollLeft || left + tab.offsetWidth > row.scrollLeft + row.clientWidth)
      row.scrollLeft = left - (row.clientWidth - tab.offsetWidth) / 2;
  }, [selected]);

  const moveTo = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (!tab) return;
    onSelect(tab.id);
    buttons.current.get(tab.id)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: tabs.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  };

  return (
    <div className="tabs">
      <div ref={list} role="tablist" aria-label={label} className="tabs__list">
        {tabs.map((tab, index) => (
          <button
            key={tab.id}
            ref={(element) => {
              if (element) buttons.current.set(tab.id, element);
              else buttons.current.delete(tab.id);
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.id}`}
            aria-selected={tab.id === selected}
            aria-controls={`${idPrefix}-panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            className="tabs__tab"
            onClick={() => onSelect(tab.id)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`${idPrefix}-panel-${tab.id}`}
          aria-labelledby={`${idPrefix}-tab-${tab.id}`}
          hidden={tab.id !== selected}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: the WAI-ARIA tabs pattern makes a panel focusable, so the keyboard reaches its content
          tabIndex={0}
          className="tabs__panel"
        >
          {visited.has(tab.id) ? tab.content : null}
        </div>
      ))}
    </div>
  );
}
