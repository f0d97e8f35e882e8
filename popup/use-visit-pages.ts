// The Data view's list of visits, a page at a time: the first page when the search (or the stored
// data) changes, then the next ones appended on demand, each asked for by its offset, so that a
// year of visits is never read or drawn at once.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredVisit } from '../extension/contract-types';
import { useConnector } from './connector';
import { messageOf } from './use-request';

export const VISITS_PAGE = 50;

export interface VisitPages {
  /** The visits listed so far, newest first, and how many match in all (undefined until the first page comes). */
  list: { visits: StoredVisit[]; total: number } | undefined;
  loading: boolean;
  error: string | undefined;
  /** Asks for the next page (nothing while one is on its way, or when all are listed). */
  more: () => void;
}

export function useVisitPages(search: string, refresh: number): VisitPages {
  const connector = useConnector();
  const [list, setList] = useState<VisitPages['list']>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>(undefined);
  // Each new search starts a new round; a page of an older round that comes late is dropped.
  const round = useRef(0);
  const asking = useRef(false);
  const ask = (offset: number, fresh: boolean) => {
    const mine = fresh ? ++round.current : round.current;
    asking.current = true;
    setLoading(true);
    // The answer and the end of loading are set together: one render per page, not two.
    const settle = () => { asking.current = false; setLoading(false); };
    connector.send('data/visits', { ...(search && { search }), limit: VISITS_PAGE, offset }).then(
      (page) => {
        if (mine !== round.current) return;
        settle();
        setList((before) => {
          if (fresh || !before) return page;
          const listed = new Set(before.visits.map((visit) => visit.id)); // a visit recorded meanwhile moves the others down
          return { visits: [...before.visits, ...page.visits.filter((visit) => !listed.has(visit.id))], total: page.total };
        });
        setError(undefined);
      },
      (failure: unknown) => {
        if (mine !== round.current) return;
        settle();
        setError(messageOf(failure));
      },
    );
  };
  useEffect(() => { ask(0, true); }, [connector, search, refresh]);
  const more = () => {
    if (!asking.current && list && list.visits.length < list.total) ask(list.visits.length, false);
  };
  return { list, loading, error, more };
}
