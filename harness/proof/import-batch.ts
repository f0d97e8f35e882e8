// The loop that runs inside an extension page: for each case, build the hostile file, send it
// through the real 'model/import' request (sometimes 'model/preview-import' first, as the popup
// does), note the answer, restore the original model after a file that was accepted, and read the
// model's overview to see whether a refused file changed anything. Self-contained, since it is
// sent to the page as source; it finds the builder, the base files and the baseline on globalThis.
import type { ModelFileCase } from './model-file-cases';

export interface CaseResult {
  id: number;
  outcome: 'accepted' | 'rejected' | 'transit' | 'no-answer' | 'not-built';
  /** The error the popup would show (cut to 2,000 characters), and its full length. */
  message?: string;
  messageLength?: number;
  ms: number;
  /** The overview after the case differs from the baseline. */
  changed: boolean;
  preview?: 'accepted' | 'rejected' | 'transit' | 'no-answer';
  /** An accepted file whose model then failed to answer 'model/insights'. */
  broken?: string;
  restoreFailed?: string;
}

export interface BatchOptions { timeoutMs: number; previewEvery: number }

export async function importBatch(casesJson: string, options: BatchOptions): Promise<CaseResult[]> {
  const cases = JSON.parse(casesJson) as ModelFileCase[];
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
  const failure = (answer: Answer) => answer.reply?.error ?? answer.thrown ?? (answer.timeout ? 'no answer in time' : 'no answer');
  const baseline = g.hostileBaseline as { createdAt: number; updatedAt: number; visitsLearned: number };
  const results: CaseResult[] = [];
  for (const c of cases) {
    const result: CaseResult = { id: c.id, outcome: 'rejected', ms: 0, changed: false };
    results.push(result);
    let file: unknown;
    try {
      file = g.buildModelFile(g.hostileBases[c.base], c.mutations, true); // the text, as the popup sends it
    } catch (error) {
      result.outcome = 'not-built';
      result.message = String(error);
      continue;
    }
    const started = performance.now();
    if (c.id % options.previewEvery === 0) {
      const preview = await send('model/preview-import', { file });
      result.preview = preview.thrown !== undefined ? 'transit' : preview.reply?.ok === true ? 'accepted' : preview.reply?.ok === false ? 'rejected' : 'no-answer';
    }
    const answer = await send('model/import', { file });
    result.ms = performance.now() - started;
    if (answer.thrown !== undefined) result.outcome = 'transit';
    else if (!answer.reply || typeof answer.reply.ok !== 'boolean') result.outcome = 'no-answer';
    else if (answer.reply.ok) result.outcome = 'accepted';
    if (result.outcome !== 'accepted') {
      const message = answer.reply?.error ?? answer.thrown;
      if (message !== undefined) {
        result.message = String(message).slice(0, 2_000);
        result.messageLength = String(message).length;
      }
    } else {
      const insights = await send('model/insights', {});
      if (insights.reply?.ok !== true) result.broken = String(failure(insights)).slice(0, 300);
      const restored = await send('model/import', { file: JSON.stringify(g.hostileBases[0]) });
      if (restored.reply?.ok !== true) result.restoreFailed = String(failure(restored)).slice(0, 300);
    }
    const overview = await send('model/overview', {});
    if (overview.reply?.ok !== true) {
      result.outcome = 'no-answer';
      result.message = String(failure(overview)).slice(0, 300);
    } else {
      const now = overview.reply.value;
      result.changed = now.createdAt !== baseline.createdAt || now.updatedAt !== baseline.updatedAt || now.visitsLearned !== baseline.visitsLearned;
    }
    if (result.outcome === 'no-answer') break; // let Node look at the background before going on
  }
  return results;
}

/** SHA-256 of the exported model's JSON text: the whole model, compared with the baseline. */
export async function exportHash(timeoutMs: number): Promise<string> {
  const api = (globalThis as any).browser ?? (globalThis as any).chrome;
  const reply = await Promise.race([
    api.runtime.sendMessage({ tabula: 1, type: 'model/export', payload: {} }),
    new Promise((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
  ]) as { ok: boolean; value?: unknown; error?: string } | undefined;
  if (!reply?.ok) throw new Error(`model/export: ${reply?.error ?? 'no answer'}`);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(reply.value)));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
