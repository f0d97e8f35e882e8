// What Tabula stored for each real page against what Readability read from it. Texts are compared
// normalised (Unicode compatibility forms, lower case, every run of punctuation and space one
// space): they agree when one equals the other or holds it as whole words ("Mozilla - Wikipedia"
// holds "Mozilla"). Tabula keeps titles and descriptions without e-mail addresses and long
// numbers (extension/page-text-rules.ts), so the expectation is held to the same rule before
// comparing, and a row says when that changed it. Languages are compared by their primary tag
// (`en-US` → `en`, none = none); the kind agrees when `article` goes with `readerable`.
import { scrubText } from '../../extension/page-text-rules';
import type { Figures } from '../proof/section';
import type { RealPage } from './corpus';
import type { PageReading } from './read-pages';

export const FIELDS = ['title', 'description', 'language', 'kind'] as const;
export type Field = (typeof FIELDS)[number];

export interface Disagreement {
  page: string;
  field: Field;
  tabula: string;
  expected: string;
  note: string;
}

export function normalise(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Equal, or one holds the other as whole words; two empty texts agree, one empty text agrees with nothing else. */
export function textsAgree(stored: string, expected: string): boolean {
  const a = normalise(stored);
  const b = normalise(expected);
  if (a === '' || b === '') return a === b;
  return ` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `);
}

/** `en-US` → `en`; '' when no language is named. */
export function primaryTag(tag: string | null | undefined): string {
  return (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
}

interface Outcome {
  agree: boolean;
  tabula: string;
  expected: string;
  note: string;
}

/** Each field compared on one page; description only where the page declares one. */
export function comparePage(page: RealPage, reading: PageReading): Partial<Record<Field, Outcome>> {
  const visit = reading.visit;
  const missing = (expected: string): Outcome => ({ agree: false, tabula: '', expected, note: 'nothing stored' });
  const text = (stored: string, raw: string): Outcome => {
    const expected = scrubText(raw);
    const notes = [expected !== raw.replace(/\s+/g, ' ').trim() ? 'expectation scrubbed' : '', stored === '' && visit?.kind === 'search' ? 'kept none: read as a search page' : ''];
    return { agree: textsAgree(stored, expected), tabula: stored, expected, note: notes.filter(Boolean).join('; ') };
  };
  const { title, excerpt, lang, readerable } = page.expected;
  const outcomes: Partial<Record<Field, Outcome>> = {};
  outcomes.title = visit ? text(visit.title, title ?? '') : missing(title ?? '');
  if (reading.hasDescription) outcomes.description = visit ? text(visit.description, excerpt ?? '') : missing(excerpt ?? '');
  const expectedLang = primaryTag(lang);
  outcomes.language = visit
    ? { agree: visit.lang === expectedLang, tabula: visit.lang, expected: expectedLang, note: '' }
    : missing(expectedLang);
  const expectedKind = readerable ? 'readerable' : 'not readerable';
  outcomes.kind = visit
    ? { agree: (visit.kind === 'article') === Boolean(readerable), tabula: visit.kind, expected: expectedKind, note: '' }
    : missing(expectedKind);
  return outcomes;
}

export interface BrowserSummary {
  figures: Figures;
  disagreements: Disagreement[];
}

export function summarise(pages: RealPage[], readings: PageReading[], dropped: Record<string, number>): BrowserSummary {
  const byName = new Map(readings.map((reading) => [reading.name, reading]));
  const counts = Object.fromEntries(FIELDS.map((field) => [field, { agree: 0, compared: 0 }])) as Record<Field, { agree: number; compared: number }>;
  const confusion = { articleReaderable: 0, articleNotReaderable: 0, otherReaderable: 0, otherNotReaderable: 0 };
  const kinds: Record<string, number> = {};
  const disagreements: Disagreement[] = [];
  let failed = 0;
  for (const page of pages) {
    const reading = byName.get(page.name) ?? { name: page.name, visit: null, hasDescription: false, excluded: false };
    if (!reading.visit) failed++;
    else {
      kinds[reading.visit.kind] = (kinds[reading.visit.kind] ?? 0) + 1;
      const key = `${reading.visit.kind === 'article' ? 'article' : 'other'}${page.expected.readerable ? 'Readerable' : 'NotReaderable'}` as keyof typeof confusion;
      confusion[key]++;
    }
    for (const [field, outcome] of Object.entries(comparePage(page, reading)) as [Field, Outcome][]) {
      counts[field].compared++;
      if (outcome.agree) counts[field].agree++;
      else disagreements.push({ page: page.name, field, tabula: outcome.tabula, expected: outcome.expected, note: outcome.note });
    }
  }
  const rate = ({ agree, compared }: { agree: number; compared: number }): Figures => ({
    agree, compared, percent: compared ? Math.round((1000 * agree) / compared) / 10 : null,
  });
  return {
    figures: {
      pages: pages.length,
      pagesFailed: failed,
      pagesExcluded: readings.filter((reading) => reading.excluded).length,
      reportsExcluded: dropped.excluded ?? 0,
      title: rate(counts.title),
      description: rate(counts.description),
      language: rate(counts.language),
      kindVsReaderable: { ...rate(counts.kind), ...confusion },
      kinds,
    },
    disagreements,
  };
}
