// The Data view's list of stored visits: newest first, searchable by title, address or site, a
// page at a time (the next one comes as the list is scrolled near its end, or with "Show more"),
// each with the three ways to forget around it: it, its site, its day.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ForgetRequest, StoredVisit } from '../../extension/contract-types';
import { count, dayKey, dayLabel, duration, shortDateTime } from '../format';
import { ErrorMessage, Skeleton } from '../ui';
import { useVisitPages } from '../use-visit-pages';

const SEARCH_DELAY_MS = 250;

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
  const moreRef = useRef<HTMLButtonElement>(null);
  useNearView(moreRef, more);
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
          {list.visits.length > 0 && <p class="muted">Beside each visit: forget it, its whole site, or its whole day.</p>}
          <ul class="visit-list" aria-busy={loading}>
            {list.visits.map((visit) => <VisitRow key={visit.id} visit={visit} onForget={onForget} />)}
          </ul>
          {list.visits.length < list.total && (
            <button type="button" ref={moreRef} onClick={more} disabled={loading}>Show more</button>
          )}
        </>
      )}
    </div>
  );
}

/** Calls `onNear` when the element comes within a screen of the view: the list grows as it is scrolled. */
function useNearView(ref: { current: Element | null }, onNear: () => void): void {
  const latest = useRef(onNear);
  latest.current = onNear;
  useEffect(() => {
    const element = ref.current; // after each render: the button comes and goes with the list
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => { if (entries.some((entry) => entry.isIntersecting)) latest.current(); },
      { rootMargin: '0px 0px 100% 0px' });
    observer.observe(element);
    return () => observer.disconnect();
  });
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
