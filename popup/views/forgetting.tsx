// The Data view's forgetting: count what will go, say it in words, wait for a confirmation, forget,
// then report what was removed and how many visits the model relearned from. Asked from a visit
// (it, its site, its day) or for everything; offered on its own right after a site is excluded.
import { useEffect, useState } from 'preact/hooks';
import type { ForgetRequest, ForgetResult, StoredVisit } from '../../extension/contract-types';
import { isSiteEntry } from '../../extension/exclusions';
import { useConnector, type Connector } from '../connector';
import { count, dayLabel } from '../format';
import { JobProgressBar, useJobProgress } from '../job-progress';
import { Confirm, ErrorMessage, Notice } from '../ui';
import { messageOf, useAction } from '../use-request';

interface ForgetConfirmProps {
  request: ForgetRequest;
  visit?: StoredVisit;
  onDone: (result: ForgetResult) => void;
  onCancel: () => void;
}

export function ForgetConfirm({ request, visit, onDone, onCancel }: ForgetConfirmProps) {
  const forget = useAction('data/forget');
  const { scope, countError } = useForgetCount(request, visit);
  const confirm = async () => {
    const result = await forget.run(request);
    if (result) onDone(result);
  };
  return (
    <Confirm title="Forget for good?" confirmLabel={request.scope === 'all' ? 'Forget everything' : 'Forget'}
      onConfirm={confirm} onCancel={onCancel} pending={forget.pending} ready={scope !== undefined && scope.visits > 0}>
      {scope ? (
        <p>Tabula will delete {scope.description}, then relearn its model from the visits that remain.</p>
      ) : countError ? <ErrorMessage>Could not count what would be forgotten: {countError}</ErrorMessage>
        : <p role="status">Counting what would be forgotten…</p>}
      {scope?.visits === 0 && <p>There is nothing to forget.</p>}
      {scope !== undefined && scope.visits > 0 && (
        <p class="muted">It stays forgotten: importing a data file, even one exported before, does not bring it back.</p>
      )}
      {forget.pending && <ForgetProgress />}
      {forget.error && <ErrorMessage>Nothing was forgotten: {forget.error}</ErrorMessage>}
    </Confirm>
  );
}

/** While forgetting: deleting, then relearning the model from what remains, with the count. */
function ForgetProgress() {
  const progress = useJobProgress(true);
  return <JobProgressBar progress={progress} starting="Deleting…" />;
}

interface ForgetOfferProps {
  /** The exclusion entry just saved, as stored (`paypal.com`, `*bank*`). */
  entry: string;
  onForgotten: (result: ForgetResult) => void;
  onDismiss: () => void;
}

/**
 * Right after a site is excluded: Tabula records nothing more from it, but what it stored before
 * is still there. Count it, and if there is any, offer to forget it (else say that none is).
 */
export function ForgetOffer({ entry, onForgotten, onDismiss }: ForgetOfferProps) {
  const forget = useAction('data/forget');
  const [request] = useState<ForgetRequest>(() => ({ scope: 'matching', entry }));
  const { scope: stored, countError } = useForgetCount(request);
  const confirm = async () => {
    const result = await forget.run(request);
    if (result) onForgotten(result);
  };
  if (forget.result) return <Notice>{forgetSummary(forget.result)}</Notice>;
  if (countError) return <ErrorMessage>Could not count what is already stored for {entry}: {countError}</ErrorMessage>;
  if (!stored) return null;
  if (stored.visits === 0) return <Notice>{entry} is excluded from now on. Tabula had stored nothing of it.</Notice>;
  return (
    <Confirm title={`Forget the ${count(stored.visits, 'visit')} already stored for ${entry}?`} confirmLabel="Forget"
      onConfirm={confirm} onCancel={onDismiss} pending={forget.pending}>
      <p>{entry} is excluded from now on. Tabula can also delete {stored.description}, then relearn its model from the
        visits that remain.</p>
      {forget.pending && <ForgetProgress />}
      {forget.error && <ErrorMessage>Nothing was forgotten: {forget.error}</ErrorMessage>}
    </Confirm>
  );
}

/**
 * On the page of an excluded site: what Tabula stored of it before it was excluded is still there
 * until it is forgotten (the offer made as it was excluded may have been left unanswered, or the
 * popup closed). Counted, and offered to be forgotten; nothing is shown when nothing is stored.
 */
export function StillStored({ entry }: { entry: string }) {
  const [request] = useState<ForgetRequest>(() => ({ scope: 'matching', entry }));
  const { scope } = useForgetCount(request);
  const [asking, setAsking] = useState(false);
  const [result, setResult] = useState<ForgetResult | null>(null);
  if (result) return <Notice>{forgetSummary(result)}</Notice>;
  if (!scope || scope.visits === 0) return null;
  return (
    <>
      <button type="button" onClick={() => setAsking(true)}>Forget the {count(scope.visits, 'visit')} still stored for {entry}…</button>
      {asking && <ForgetConfirm request={request} onDone={(done) => { setAsking(false); setResult(done); }} onCancel={() => setAsking(false)} />}
    </>
  );
}

export function forgetSummary(result: ForgetResult): string {
  return `Forgot ${count(result.removedVisits, 'visit')} and ${count(result.removedEvents, 'interaction event')}. `
    + `Tabula relearned its model from ${count(result.relearnedVisits, 'remaining visit')}.`;
}

interface ForgetScope {
  visits: number;
  events: number;
  /** What goes, in words: "all 42 visits to github.com and their 310 interaction events". */
  description: string;
}

/** Before anything is forgotten, the background says exactly what would go, so the confirmation can say it. */
function useForgetCount(request: ForgetRequest, visit?: StoredVisit): { scope?: ForgetScope; countError?: string } {
  const connector = useConnector();
  const [scope, setScope] = useState<ForgetScope | undefined>(undefined);
  const [countError, setCountError] = useState<string | undefined>(undefined);
  useEffect(() => {
    let current = true;
    countForget(connector, request, visit).then(
      (counted) => { if (current) setScope(counted); },
      (failure: unknown) => { if (current) setCountError(messageOf(failure)); },
    );
    return () => { current = false; };
  }, [connector, request, visit]);
  return { scope, countError };
}

async function countForget(connector: Connector, request: ForgetRequest, visit?: StoredVisit): Promise<ForgetScope> {
  const { visits, events } = await connector.send('data/forget-preview', request);
  return { visits, events, description: describe(request, visits, events, visit) };
}

function describe(request: ForgetRequest, visits: number, events: number, visit?: StoredVisit): string {
  const withEvents = events > 0 ? ` and ${visits === 1 ? 'its' : 'their'} ${count(events, 'interaction event')}` : '';
  switch (request.scope) {
    case 'visit':
      return `${visit ? `1 visit: “${visit.title || visit.url}” on ${visit.host}` : '1 visit'}${withEvents}`;
    case 'site':
      return `all ${count(visits, 'visit')} to ${request.host}${withEvents}`;
    case 'matching':
      return `all ${count(visits, 'visit')} ${isSiteEntry(request.entry) ? 'to' : 'matching'} ${request.entry}${withEvents}`;
    case 'day':
      return `all ${count(visits, 'visit')} of ${dayLabel(request.day)}${withEvents}`;
    case 'all':
      return `every stored visit (${visits.toLocaleString('en')}) and every interaction event (${events.toLocaleString('en')})`;
  }
}

