// The Data view: every visit Tabula keeps, searchable and forgettable, and the controls over
// what it records (pause, excluded sites, how long visits are kept, learning from past history,
// importing another browser's data). Excluding a site is followed by an offer to forget what was
// stored for it before.
import { useEffect, useState } from 'preact/hooks';
import type { ForgetRequest, ForgetResult, Settings, StoredVisit } from '../../extension/contract-types';
import { isExcluded } from '../../extension/exclusions';
import { count } from '../format';
import { StorageWarning } from '../health-notices';
import { ErrorMessage, Notice, Section, Skeleton } from '../ui';
import { useAction, useRequest } from '../use-request';
import { normalizeHost } from '../use-settings-change';
import { ForgetConfirm, ForgetOffer, forgetSummary } from './forgetting';
import { DataImport } from './data-import';
import { HistoryImport } from './history-import';
import { VisitBrowser } from './visit-list';

interface Forgetting { request: ForgetRequest; visit?: StoredVisit }

interface DataViewProps {
  currentHost?: string;
  /** From `background/status`: a recent full storage is said first. */
  storageFullAt?: number;
}

export function DataView({ currentHost, storageFullAt }: DataViewProps) {
  const settings = useRequest('settings/get', {});
  const current = settings.data;
  const excluded = current?.excluded ?? [];
  const update = useAction('settings/set');
  const [forgetting, setForgetting] = useState<Forgetting | null>(null);
  const [forgotten, setForgotten] = useState<ForgetResult | null>(null);
  const [justExcluded, setJustExcluded] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const change = async (partial: Partial<Settings>) => {
    const answer = await update.run(partial);
    if (answer) settings.setData(answer);
    return answer;
  };
  // One notice at a time: what was just done, not what was done before it.
  const exclude = async (entry: string) => {
    setJustExcluded(null);
    setForgotten(null);
    // Only once the entry is saved: forgetting first would let the site's next report back in.
    if (await change({ excluded: [...excluded, entry] })) setJustExcluded(entry);
  };
  const include = (entry: string) => {
    if (entry === justExcluded) setJustExcluded(null); // its notice would say it is excluded
    return change({ excluded: excluded.filter((other) => other !== entry) });
  };
  const ask = (request: ForgetRequest, visit?: StoredVisit) => { setForgotten(null); setJustExcluded(null); setForgetting({ request, visit }); };
  const done = (result: ForgetResult) => { setForgetting(null); setForgotten(result); setRefresh((n) => n + 1); };
  return (
    <div class="view data-view">
      <StorageWarning fullAt={storageFullAt} />
      <Section title="Recording" minHeight={150}>
        {settings.error && <ErrorMessage>Could not read the settings: {settings.error}</ErrorMessage>}
        {update.error && <ErrorMessage>The change was not saved: {update.error}</ErrorMessage>}
        {current ? (
          <>
            <PauseToggle settings={current} pending={update.pending} onChange={change} />
            <RetentionSetting settings={current} pending={update.pending} onChange={change} />
          </>
        ) : !settings.error && <Skeleton height={110} label="Loading settings…" />}
      </Section>
      <Section title="Excluded sites" minHeight={120}>
        {current && <ExclusionList excluded={excluded} currentHost={currentHost} pending={update.pending}
          onAdd={(entry) => void exclude(entry)} onRemove={(entry) => void include(entry)} />}
        {justExcluded && <ForgetOffer key={justExcluded} entry={justExcluded}
          onForgotten={() => setRefresh((n) => n + 1)} onDismiss={() => setJustExcluded(null)} />}
      </Section>
      <Section title="Past history" minHeight={110}>
        {current && <HistoryImport settings={current} onSaved={(saved, imported) => {
          settings.setData(saved);
          if (imported) setRefresh((n) => n + 1);
        }} />}
      </Section>
      <Section title="Import data">
        <DataImport onImported={() => setRefresh((n) => n + 1)} />
      </Section>
      <Section title="Visits">
        {forgetting && (
          <ForgetConfirm request={forgetting.request} visit={forgetting.visit} onDone={done} onCancel={() => setForgetting(null)} />
        )}
        {forgotten && <Notice>{forgetSummary(forgotten)}</Notice>}
        <VisitBrowser refresh={refresh} onForget={ask} />
        <button type="button" class="danger" onClick={() => ask({ scope: 'all' })}>Forget everything…</button>
      </Section>
    </div>
  );
}

// Whether Tabula records at all, and for how long it keeps what it recorded.
interface RecordingSettingsProps {
  settings: Settings;
  pending: boolean;
  onChange: (change: Partial<Settings>) => void;
}

function PauseToggle({ settings, pending, onChange }: RecordingSettingsProps) {
  return (
    <label class="toggle">
      <input type="checkbox" checked={settings.paused} disabled={pending}
        onChange={(event) => onChange({ paused: event.currentTarget.checked })} />
      <span>Pause Tabula: record and learn nothing</span>
    </label>
  );
}

function RetentionSetting({ settings, pending, onChange }: RecordingSettingsProps) {
  const [days, setDays] = useState(String(settings.visitRetentionDays));
  useEffect(() => setDays(String(settings.visitRetentionDays)), [settings.visitRetentionDays]);
  const value = Number(days);
  const valid = Number.isInteger(value) && value >= 1 && value <= 3650;
  const save = (event: Event) => {
    event.preventDefault();
    if (valid) onChange({ visitRetentionDays: value });
  };
  return (
    <form class="retention" onSubmit={save}>
      <label class="field">
        <span>Keep visits for (days)</span>
        <input type="number" min={1} max={3650} step={1} value={days} aria-invalid={!valid}
          onInput={(event) => setDays(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={pending || !valid || value === settings.visitRetentionDays}>Save</button>
      <p class="muted">Visits older than {settings.visitRetentionDays} days are deleted; the model keeps what it learned from them.</p>
    </form>
  );
}

// Sites Tabula never records: add the current site in one press, or any site by name; remove any.
interface ExclusionListProps {
  excluded: string[];
  currentHost?: string;
  pending: boolean;
  onAdd: (entry: string) => void;
  onRemove: (entry: string) => void;
}

function ExclusionList({ excluded, currentHost, pending, onAdd, onRemove }: ExclusionListProps) {
  const [typed, setTyped] = useState('');
  const [invalid, setInvalid] = useState(false);
  const current = currentHost ? normalizeHost(withoutRootDot(currentHost)) : null;
  // Covered already when the whole site is, by its own entry or a pattern (`*bank*`).
  const currentCovered = current !== null && isExcluded(current, '/', excluded);
  const add = (host: string) => { if (!excluded.includes(host)) onAdd(host); };
  const submit = (event: Event) => {
    event.preventDefault();
    const host = normalizeHost(withoutRootDot(typed));
    setInvalid(host === null);
    if (host) { add(host); setTyped(''); }
  };
  return (
    <div class="exclusions">
      {current && !currentCovered && (
        <button type="button" onClick={() => add(current)} disabled={pending}>Exclude {current}</button>
      )}
      {excluded.length === 0 ? <p class="muted">No site is excluded.</p> : (
        // Folded: the default list alone is some 150 entries, and the visits come after it.
        <details class="exclusions-shown">
          <summary>{count(excluded.length, 'excluded site or page', 'excluded sites and pages')}</summary>
          <ul class="exclusion-list">
            {/* The last added first: the default list is long, and what was just added is what one looks for. */}
            {[...excluded].reverse().map((entry) => (
              <li key={entry}>
                <span>{entry}</span>
                <button type="button" class="small" disabled={pending} aria-label={`Remove ${entry} from the exclusion list`}
                  onClick={() => onRemove(entry)}>Remove</button>
              </li>
            ))}
          </ul>
        </details>
      )}
      <form class="inline-form" onSubmit={submit}>
        <label class="field">
          <span>Exclude a site</span>
          <input type="text" value={typed} placeholder="example.com" aria-invalid={invalid}
            onInput={(event) => setTyped(event.currentTarget.value)} />
        </label>
        <button type="submit" disabled={pending}>Add</button>
      </form>
      {invalid && <ErrorMessage>That does not look like a site name (for example: example.com).</ErrorMessage>}
    </div>
  );
}

/** `paypal.com.` (with the DNS root's final dot, as a browser may show it) is the site `paypal.com`. */
function withoutRootDot(address: string): string {
  return address.trim().replace(/\.+(?=$|[/:?#])/, '');
}
