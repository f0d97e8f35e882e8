// The Data view's list of stored visits: newest first, searchable by title, address or site, a
// page at a time, each with the three ways to forget around it: it, its site, its day.
import { useEffect, useState } from 'preact/hooks';
import type { ForgetRequest, StoredVisit } from '../../extension/contract-types';
import { count, dayKey, dayLabel, duration, shortDateTime } from '../format';
import { ErrorMessage, Skeleton } from '../ui';
import { useRequest } from '../use-request';

const PAGE = 20;
const SEARCH_DELAY_MS = 250;

interface VisitBrowserProps {
  /** Bumped after a change to the stored data, so the list is read again. */
  refresh: number;
  onForget: (request: ForgetRequest, visit: StoredVisit) => void;
}

export function VisitBrowser({ refresh, onForget }: VisitBrowserProps) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => {
    // Wait for a pause in typing rather than ask the background on every key.
    const timer = setTimeout(() => { setSearch(typed.trim()); setLimit(PAGE); }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const visits = useRequest('data/visits', search ? { search, limit } : { limit });
  const { reload } = visits;
  useEffect(() => { if (refresh > 0) reload(); }, [refresh, reload]);
  const page = visits.data;
  return (
    <div class="visit-browser">
      <label class="field">
        <span>Search visits</span>
        <input type="search" value={typed} placeholder="Title, address or site"
          onInput={(event) => setTyped(event.currentTarget.value)} />
      </label>
      {visits.error && <ErrorMessage>Could not read visits: {visits.error}</ErrorMessage>}
      {!page ? <Skeleton height={240} label="Loading visits…" /> : (
        <>
          <p class="muted" role="status">
            {search ? `${count(page.total, 'visit')} match “${search}”` : `${count(page.total, 'visit')} stored`}
          </p>
          {page.visits.length > 0 && <p class="muted">Beside each visit: forget it, its whole site, or its whole day.</p>}
          <ul class="visit-list" aria-busy={visits.loading}>
            {page.visits.map((visit) => <VisitRow key={visit.id} visit={visit} onForget={onForget} />)}
          </ul>
          {page.visits.length < page.total && (
            <button type="button" onClick={() => setLimit(limit + PAGE)} disabled={visits.loading}>Show more</button>
          )}
        </>
      )}
    </div>
  );
}

interface VisitRowProps {
  visit: StoredVisit;
  onForget: (request: ForgetRequest, visit: StoredVisit) => void;
}

function VisitRow({ visit, onForget }: VisitRowProps) {
  const day = dayKey(visit.startedAt);
  const name = visit.title || visit.url;
  return (
    <li class="visit-row">
      <div class="visit-text">
        <span class="visit-title" title={visit.url}>{name}</span>
        <span class="muted">
          {visit.host} · {shortDateTime(visit.startedAt)} · {duration(visit.activeMs / 1000)} active
          {visit.feedback && ` · marked ${visit.feedback === 'useful' ? 'useful' : 'not interesting'}`}
        </span>
      </div>
      <div class="visit-actions" role="group" aria-label={`Forget options for ${name}`}>
        <button type="button" class="small" aria-label={`Forget this visit to ${visit.host}`}
          onClick={() => onForget({ scope: 'visit', id: visit.id }, visit)}>Visit</button>
        <button type="button" class="small" aria-label={`Forget the whole site ${visit.host}`}
          onClick={() => onForget({ scope: 'site', host: visit.host }, visit)}>Site</button>
        <button type="button" class="small" aria-label={`Forget the whole day ${dayLabel(day)}`}
          onClick={() => onForget({ scope: 'day', day }, visit)}>Day</button>
      </div>
    </li>
  );
}
