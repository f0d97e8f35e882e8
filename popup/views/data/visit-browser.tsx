// Recent visits, newest first, searchable by title, address or site, a page at a time.
import { useEffect, useState } from 'preact/hooks';
import type { ForgetRequest, StoredVisit } from '../../../extension/contract-types';
import { count } from '../../format';
import { ErrorMessage, Skeleton } from '../../ui';
import { useRequest } from '../../use-request';
import { VisitRow } from './visit-row';

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
