// The Data view: every visit Tabula keeps, searchable and forgettable, and the controls over
// what it records (pause, excluded sites, how long visits are kept, learning from past history).
// Excluding a site is followed by an offer to forget what was stored for it before.
import { useState } from 'preact/hooks';
import type { ForgetRequest, ForgetResult, Settings, StoredVisit } from '../../../extension/contract-types';
import { StorageWarning } from '../../health-notices';
import { ErrorMessage, Notice, Section, Skeleton } from '../../ui';
import { useAction, useRequest } from '../../use-request';
import { ExclusionList } from './exclusion-list';
import { ForgetConfirm, forgetSummary } from './forget-confirm';
import { ForgetOffer } from './forget-offer';
import { HistoryImport } from './history-import';
import { PauseToggle, RetentionSetting } from './recording-settings';
import { VisitBrowser } from './visit-browser';

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
  const exclude = async (entry: string) => {
    setJustExcluded(null);
    // Only once the entry is saved: forgetting first would let the site's next report back in.
    if (await change({ excluded: [...excluded, entry] })) setJustExcluded(entry);
  };
  const include = (entry: string) => change({ excluded: excluded.filter((other) => other !== entry) });
  const ask = (request: ForgetRequest, visit?: StoredVisit) => { setForgotten(null); setForgetting({ request, visit }); };
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
