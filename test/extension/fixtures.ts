// Visits for the storage and background tests.
import type { Visit } from '../../model/visit';
import type { VisitUpdate } from '../../extension/contract-types';

let counter = 0;

export function visitAt(host: string, startedAt: number, overrides: Partial<Visit> = {}): Visit {
  const path = overrides.path ?? `/page/${++counter}`;
  return {
    url: `https://${host}${path}`, host, path, title: `A page on ${host}`, description: '', lang: 'en', kind: 'article',
    words: 800, links: 40, images: 3, videos: 0, referrerHost: '',
    activeMs: 45_000, scrollDepth: 0.6, clicks: 2, keys: 0, selections: 0, mediaMs: 0,
    startedAt, endedAt: startedAt + 60_000, source: 'page',
    ...overrides,
  };
}

export function update(visit: Visit, final = true, key = `key-${Math.random().toString(36).slice(2, 12)}`): VisitUpdate {
  return { key, visit, final };
}
