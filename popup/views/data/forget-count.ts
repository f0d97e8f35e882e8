// Before anything is forgotten, ask the background exactly what would go, so the confirmation
// can say it in words.
import type { ForgetRequest, StoredVisit } from '../../../extension/contract-types';
import type { Connector } from '../../connector';
import { count, dayLabel } from '../../format';

export interface ForgetScope {
  visits: number;
  events: number;
  /** What goes, in words: "all 42 visits to github.com and their 310 interaction events". */
  description: string;
}

export async function countForget(connector: Connector, request: ForgetRequest, visit?: StoredVisit): Promise<ForgetScope> {
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
      return `all ${count(visits, 'visit')} ${isSite(request.entry) ? 'to' : 'matching'} ${request.entry}${withEvents}`;
    case 'day':
      return `all ${count(visits, 'visit')} of ${dayLabel(request.day)}${withEvents}`;
    case 'all':
      return `every stored visit (${visits.toLocaleString('en')}) and every interaction event (${events.toLocaleString('en')})`;
  }
}

// An exclusion entry that names a site (`paypal.com`), not a pattern (`*bank*`, `*/login*`).
function isSite(entry: string): boolean {
  return !entry.includes('*') && !entry.includes('/');
}
