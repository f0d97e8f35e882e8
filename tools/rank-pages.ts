// Candidate pages ranked by a model: each page's predicted chance of engagement and active time,
// best first (engagement, then active time), with the features that moved each prediction most.
// Pages are lines of the visit-log format (docs/visit-log.md): only their page fields are read.
import type { Contribution } from '../model/explain';
import type { Learner } from '../model/learner';
import type { PageFeatures } from '../model/visit';
import { parseVisitLine } from './visit-log';

export interface RankedPage {
  rank: number;
  url: string;
  title: string;
  engaged: number;
  activeSeconds: number;
  /** The largest effects on each prediction, as the popup explains it (model/explain.ts). */
  reasons: { engaged: Contribution[]; activeTime: Contribution[] };
}

/** A page line of the visit-log format; `at` stands in for a missing `startedAt` (when the page would be opened). */
export function parsePageLine(line: string, lineNumber: number, at: number): PageFeatures & { startedAt: number } {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    record = undefined;
  }
  const withTime = record !== null && typeof record === 'object' && !Array.isArray(record) && !('startedAt' in record) ? { ...record, startedAt: at } : record;
  return parseVisitLine(withTime === undefined ? line : JSON.stringify(withTime), lineNumber);
}

export function rankPages(learner: Learner, pages: (PageFeatures & { startedAt: number })[], reasons = 3): RankedPage[] {
  return pages
    .map((page) => {
      const prediction = learner.predict(page, page.startedAt);
      const why = learner.explain(page, page.startedAt);
      return {
        rank: 0, url: page.url, title: page.title, engaged: prediction.engaged, activeSeconds: prediction.activeSeconds,
        reasons: { engaged: why.engaged.slice(0, reasons), activeTime: why.activeTime.slice(0, reasons) },
      };
    })
    .sort((a, b) => b.engaged - a.engaged || b.activeSeconds - a.activeSeconds)
    .map((page, i) => ({ ...page, rank: i + 1 }));
}

/** A ranked page as two or three lines of text. */
export function pageText(page: RankedPage): string {
  const effect = ({ feature, effect }: Contribution) => `${feature} (${effect >= 0 ? '+' : ''}${effect.toFixed(2)})`;
  const minutes = page.activeSeconds >= 90 ? `${Math.round(page.activeSeconds / 60)} min` : `${Math.round(page.activeSeconds)} s`;
  return [
    `${page.rank}. ${(page.engaged * 100).toFixed(0)}% engaged, about ${minutes} active — ${page.url}${page.title ? ` “${page.title}”` : ''}`,
    `   engagement: ${page.reasons.engaged.map(effect).join(', ') || 'no feature it knows'}`,
    `   active time: ${page.reasons.activeTime.map(effect).join(', ') || 'no feature it knows'}`,
  ].join('\n');
}
