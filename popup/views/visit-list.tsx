// The Data view's list of stored visits: newest first, searchable by title, address or site, a
// page at a time (the next one asked for while the rows before it are still being scrolled through,
// or with "Show more"), each with the three ways to forget around it: it, its site, its day. Only
// the rows near the view are in the page (visit-window.ts); each says where it stands in the list.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ForgetRequest, StoredVisit } from '../../extension/contract-types';
import { count, dayKey, dayLabel, duration, shortDateTime } from '../format';
import { ErrorMessage, Skeleton } from '../ui';
import { useVisitPages } from '../use-visit-pages';
import { useRowWindow } from '../visit-window';

const SEARCH_DELAY_MS = 250;
/** The next page is asked for when fewer rows than this are left below the drawn ones. */
const AHEAD_ROWS = 16;

interface VisitBrowserProps {
  /** Bumped after a change to the stored data, so the list is read again. */
  refresh: number;
  onForget: (request: ForgetRequest, visit: StoredVisit) => void;
}

export function VisitBrowser({ refresh, onForget }: VisitBrowserProps) {
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  useEffect(() => {
    // Wait for a pause in typing rather than ask the background on every key.
    const timer = setTimeout(() => setSearch(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  const { list, loading, error, more } = useVisitPages(search, refresh);
  const listed = list?.visits.length ?? 0;
  const listRef = useRef<HTMLUListElement>(null);
  const shown = useRowWindow(listRef, listed);
  // Until the window is worked out again for a list that just got shorter (a search), it may lie past the end.
  const end = Math.min(shown.end, listed);
  const first = Math.min(shown.first, end);
  useEffect(() => { if (list && end + AHEAD_ROWS > listed) more(); }, [list, end]);
  return (
    <div class="visit-browser">
      <label class="field">
        <span>Search visits</span>
        <input type="search" value={typed} placeholder="Title, address or site"
          onInput={(event) => setTyped(event.currentTarget.value)} />
      </label>
      {error && <ErrorMessage>Could not read visits: {error}</ErrorMessage>}
      {!list ? <Skeleton height={240} label="Loading visits…" /> : (
        <>
          <p class="muted" role="status">
            {search ? `${count(list.total, 'visit')} match “${search}”` : `${count(list.total, 'visit')} stored`}
          </p>
          {listed > 0 && <p class="muted">Beside each visit: forget it, its whole site, or its whole day.</p>}
          {/* The rows not drawn keep their place as padding, so the page scrolls as if all were there. */}
          <ul class="visit-list" ref={listRef} aria-busy={loading}
            style={{ paddingTop: `${first * shown.rowPx}px`, paddingBottom: `${(listed - end) * shown.rowPx}px` }}>
            {list.visits.slice(first, end).map((visit, i) => (
              <VisitRow key={visit.id} visit={visit} position={first + i + 1} of={list.total} onForget={onForget} />
            ))}
          </ul>
          {listed < list.total && (
            <button type="button" onClick={more} disabled={loading}>Show more</button>
          )}
        </>
      )}
    </div>
  );
}

interface VisitRowProps {
  visit: StoredVisit;
  /** Its place in the whole list (from 1) and the list's length, for screen readers: most rows are not in the page. */
  position: number;
  of: number;
  onForget: (request: ForgetRequest, visit: StoredVisit) => void;
}

function VisitRow({ visit, position, of, onForget }: VisitRowProps) {
  const day = dayKey(visit.startedAt);
  const name = visit.title || visit.url;
  return (
    <li class="visit-row" aria-posinset={position} aria-setsize={of}>
      <div class="visit-text">
        <span class="visit-title" title={visit.url}>{name}</span>
        {/* A long site name is shortened, never the time and the active time after it; a mark goes first. */}
        <span class="visit-meta muted">
          <span class="shrinks">{visit.host}</span>
          <span class="stays">{` · ${shortDateTime(visit.startedAt)} · ${duration(visit.activeMs / 1000)} active`}</span>
          {visit.feedback && <span class="shrinks first">{` · marked ${visit.feedback === 'useful' ? 'useful' : 'not interesting'}`}</span>}
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
