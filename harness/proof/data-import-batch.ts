// The loop that runs inside an extension page for hostile data files: each file's lines go
// through the real requests, as the popup sends them ('data/import-lines' a part at a time, then
// 'data/import'), and the stored data is read ('data/export') before and after, to see whether a
// refused file changed anything, or an imported one lost or altered a visit stored before.
// Self-contained, since it is sent to the page as source.
import type { DataFileCase } from './data-file-cases';

export interface DataCaseResult {
  id: number;
  outcome: 'imported' | 'refused' | 'transit' | 'no-answer';
  message?: string;
  ms: number;
  /** A refused file: the stored visits or settings differ afterwards. */
  changed: boolean;
  /** An imported file: visits stored before that are gone or altered afterwards (their order number aside). */
  lost: number;
}

export async function dataImportBatch(casesJson: string, options: { timeoutMs: number; linesPerPart: number }): Promise<DataCaseResult[]> {
  const cases = JSON.parse(casesJson) as DataFileCase[];
  const g = globalThis as any;
  const api = g.browser ?? g.chrome;
  type Answer = { reply?: any; thrown?: string; timeout?: true };
  const send = (type: string, payload: unknown) => new Promise<Answer>((resolve) => {
    const timer = setTimeout(() => resolve({ timeout: true }), options.timeoutMs);
    Promise.resolve().then(() => api.runtime.sendMessage({ tabula: 1, type, payload })).then(
      (reply: unknown) => { clearTimeout(timer); resolve({ reply }); },
      (error: any) => { clearTimeout(timer); resolve({ thrown: String(error?.message ?? error) }); },
    );
  });
  /** Stored visits by key, without the order number an import gives anew, and the settings. */
  const stored = async (): Promise<{ visits: Map<string, string>; settings: string } | null> => {
    const answer = await send('data/export', {});
    if (answer.reply?.ok !== true) return null;
    const visits = new Map<string, string>();
    for (const { seq, id, ...visit } of answer.reply.value.visits) visits.set(visit.key, JSON.stringify(visit));
    return { visits, settings: JSON.stringify(answer.reply.value.settings) };
  };
  const results: DataCaseResult[] = [];
  for (const c of cases) {
    const result: DataCaseResult = { id: c.id, outcome: 'imported', ms: 0, changed: false, lost: 0 };
    results.push(result);
    const before = await stored();
    const started = performance.now();
    const importId = `hostile-${c.id}`;
    let answer: Answer | undefined;
    for (let first = 0; first < c.lines.length || first === 0; first += options.linesPerPart) {
      answer = await send('data/import-lines', { importId, firstLine: first + 1, lines: c.lines.slice(first, first + options.linesPerPart), counting: 'line' });
      if (answer.reply?.ok !== true) break;
    }
    if (answer?.reply?.ok === true) answer = await send('data/import', { importId });
    result.ms = performance.now() - started;
    if (answer!.thrown !== undefined) result.outcome = 'transit';
    else if (!answer!.reply || typeof answer!.reply.ok !== 'boolean') result.outcome = 'no-answer';
    else if (!answer!.reply.ok) result.outcome = 'refused';
    if (result.outcome !== 'imported') result.message = String(answer!.reply?.error ?? answer!.thrown ?? 'no answer').slice(0, 8_000);
    const after = await stored();
    if (before === null || after === null) {
      result.outcome = 'no-answer';
      continue;
    }
    if (result.outcome === 'imported') {
      for (const [key, visit] of before.visits) if (after.visits.get(key) !== visit) result.lost++;
    } else {
      result.changed = after.settings !== before.settings || after.visits.size !== before.visits.size
        || [...before.visits].some(([key, visit]) => after.visits.get(key) !== visit);
    }
  }
  return results;
}
