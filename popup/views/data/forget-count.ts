// Before anything is forgotten, count exactly what will go, so the confirmation can say it.
import type { ForgetRequest, StoredVisit } from '../../../extension/contract-types';
import type { Connector } from '../../connector';
import { count, dayKey, dayLabel } from '../../format';

export interface ForgetScope {
  visits: number;
  /** What goes, in words: "all 42 visits to github.com". */
  description: string;
}

const PAGE = 500;
const MAX_PAGES = 40;

export async function countForget(connector: Connector, request: ForgetRequest, visit?: StoredVisit): Promise<ForgetScope> {
  switch (request.scope) {
    case 'visit':
      return { visits: 1, description: visit ? `1 visit: “${visit.title || visit.url}” on ${visit.host}` : '1 visit' };
    case 'site': {
      const { total } = await connector.send('data/visits', { host: request.host, limit: 1 });
      return { visits: total, description: `all ${count(total, 'visit')} to ${request.host}` };
    }
    case 'day': {
      const visits = await countDay(connector, request.day);
      return { visits, description: `all ${count(visits, 'visit')} of ${dayLabel(request.day)}` };
    }
    case 'all': {
      const { total } = await connector.send('data/visits', { limit: 1 });
      return { visits: total, description: `every stored visit (${total.toLocaleString('en')}) and every interaction event` };
    }
  }
}

/** Visits of one local day. The contract has no day filter, so pages of visits are counted. */
async function countDay(connector: Connector, day: string): Promise<number> {
  let found = 0;
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const { visits, total } = await connector.send('data/visits', { limit: PAGE, offset });
    found += visits.filter((visit) => dayKey(visit.startedAt) === day).length;
    offset += visits.length;
    if (visits.length === 0 || offset >= total) break;
    // Newest first: once a page reaches days before this one, no later page can hold it.
    const oldest = visits[visits.length - 1];
    if (isNewestFirst(visits) && dayKey(oldest.startedAt) < day) break;
  }
  return found;
}

function isNewestFirst(visits: StoredVisit[]): boolean {
  return visits.every((visit, i) => i === 0 || visits[i - 1].startedAt >= visit.startedAt);
}
