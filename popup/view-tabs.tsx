// The view switcher, following the WAI-ARIA tabs pattern: one tab stop, arrow keys move between
// tabs (and show them), Home and End jump to the ends. Only the shown panel exists (the others
// would ask the background for data nobody looks at), so only its tab points to a panel.
import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
}

interface ViewTabsProps<Id extends string> {
  tabs: TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  label: string;
}

export const tabId = (id: string) => `tab-${id}`;
export const panelId = (id: string) => `panel-${id}`;

export function ViewTabs<Id extends string>({ tabs, selected, onSelect, label }: ViewTabsProps<Id>) {
  const listRef = useRef<HTMLDivElement>(null);
  const move = (event: KeyboardEvent, index: number) => {
    const last = tabs.length - 1;
    const target = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    onSelect(tabs[target].id);
    listRef.current?.querySelectorAll<HTMLElement>('[role="tab"]')[target]?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={label} ref={listRef}>
      {tabs.map((tab, index) => (
        <button key={tab.id} type="button" role="tab" id={tabId(tab.id)}
          aria-controls={tab.id === selected ? panelId(tab.id) : undefined}
          aria-selected={tab.id === selected} tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)} onKeyDown={(event) => move(event, index)}>
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ id, children }: { id: string; children: ComponentChildren }) {
  return (
    <div role="tabpanel" id={panelId(id)} aria-labelledby={tabId(id)} tabIndex={0} class="tab-panel">
      {children}
    </div>
  );
}
