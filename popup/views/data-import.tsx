// The Data view's "Import data": a data file exported from Tabula, in this browser or another, or
// a visit log of another tool. The file is read a stretch of lines at a time and the background
// checks each as it arrives; a file with a bad line is refused whole, its lines named. One that
// passes is merged with the visits stored here and the model relearned from all of them, its
// progress shown. Nothing stored changes until every line has passed.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DataFileCheck, DataImportResult, JobProgress } from '../../extension/contract-types';
import { useConnector, type Connector } from '../connector';
import { DataFileError, dataFileParts } from '../data-file-io';
import { count } from '../format';
import { JobProgressBar, PROGRESS_EVERY_MS } from '../job-progress';
import { ErrorMessage, Notice } from '../ui';
import { messageOf } from '../use-request';

type Stage =
  | { step: 'idle' }
  | { step: 'reading'; name: string; fraction: number; visits: number }
  | { step: 'merging'; name: string; progress?: JobProgress }
  | { step: 'refused'; name: string; check: DataFileCheck }
  | { step: 'failed'; name: string; message: string }
  | { step: 'done'; name: string; result: DataImportResult };

export function DataImport({ onImported }: { onImported: () => void }) {
  const connector = useConnector();
  const [stage, setStage] = useState<Stage>({ step: 'idle' });
  const mounted = useRef(true);
  useEffect(() => () => { mounted.current = false; }, []);
  const show = (next: Stage) => { if (mounted.current) setStage(next); };
  const busy = stage.step === 'reading' || stage.step === 'merging';
  const choose = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again
    if (!file) return;
    const result = await importDataFile(connector, file, show).catch((failure: unknown) => {
      show({ step: 'failed', name: file.name, message: messageOf(failure) });
      return undefined;
    });
    if (result) {
      show({ step: 'done', name: file.name, result });
      if (result.added > 0 || result.doubled > 0) onImported();
    }
  };
  return (
    <div class="data-import">
      <p class="muted">Bring in the data file of another browser (Model → Export stored data there), or a visit log in the
        same format. A visit already here counts once; sites you exclude and what you forgot here stay out. The model then
        relearns from all your visits, in the order they happened.</p>
      <label class="field">
        <span>Import a data file</span>
        <input type="file" disabled={busy} accept=".jsonl,.ndjson,.gz,.json,application/json,application/gzip,application/x-ndjson,text/plain"
          onChange={(event) => void choose(event.currentTarget)} />
      </label>
      <ImportStage stage={stage} />
    </div>
  );
}

function ImportStage({ stage }: { stage: Stage }) {
  switch (stage.step) {
    case 'idle':
      return null;
    case 'reading':
      return (
        <div class="import-progress" role="status">
          <span>{`Checking ${stage.name}: ${count(stage.visits, 'visit')} read`}</span>
          <progress value={stage.fraction} max={1} aria-label="Reading the file" />
        </div>
      );
    case 'merging':
      return <JobProgressBar progress={stage.progress} starting="Merging with the visits stored here…" />;
    case 'refused':
      return <Refusal name={stage.name} check={stage.check} />;
    case 'failed':
      return <ErrorMessage>{`${stage.name} was not imported: ${stage.message}`}</ErrorMessage>;
    case 'done':
      return <Notice>{importSummary(stage.name, stage.result)}</Notice>;
  }
}

/** A file with lines that cannot be read: each of the first named, with what is wrong. */
function Refusal({ name, check }: { name: string; check: DataFileCheck }) {
  const more = check.badLines - check.problems.length;
  const lines = check.badLines === 1 ? 'one line cannot be read' : `${check.badLines.toLocaleString('en')} lines cannot be read`;
  return (
    <div class="import-refused">
      <ErrorMessage>{`${name} was not imported: ${lines}. Nothing was changed: a file is imported whole, or not at all.`}</ErrorMessage>
      <ul class="import-problems">
        {check.problems.map((problem) => <li key={problem}>{problem}</li>)}
        {more > 0 && <li>and {count(more, 'more line')}</li>}
      </ul>
    </div>
  );
}

/**
 * Reads the file to the background a part at a time, then imports it, showing each stage. A file
 * with bad lines is answered with their check; one that cannot be a data file throws.
 */
async function importDataFile(connector: Connector, file: File, show: (stage: Stage) => void): Promise<DataImportResult | undefined> {
  const importId = `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let check: DataFileCheck | undefined;
  show({ step: 'reading', name: file.name, fraction: 0, visits: 0 });
  try {
    for await (const part of dataFileParts(file, file.name)) {
      check = await connector.send('data/import-lines', { importId, firstLine: part.firstLine, lines: part.lines, counting: part.counting });
      show({ step: 'reading', name: file.name, fraction: part.fraction, visits: check.visits });
    }
  } catch (failure) {
    throw failure instanceof DataFileError ? new Error(`${failure.message} Nothing was changed.`) : failure;
  }
  if (!check || check.badLines > 0) {
    if (check) show({ step: 'refused', name: file.name, check });
    return undefined;
  }
  show({ step: 'merging', name: file.name });
  const poll = setInterval(() => void connector.send('background/status', {}).then(({ progress }) => {
    if (progress) show({ step: 'merging', name: file.name, progress });
  }, () => undefined), PROGRESS_EVERY_MS);
  try {
    return await connector.send('data/import', { importId });
  } finally {
    clearInterval(poll);
  }
}

/** What an import did, in a sentence or two: what was added, what was here already or kept out, and the relearning. */
export function importSummary(name: string, result: DataImportResult): string {
  const reasons = [
    [result.alreadyStored, 'already here'],
    [result.excluded, 'on sites you exclude'],
    [result.forgotten, 'forgotten here (by a forget or a reset of everything too)'],
    [result.expired, 'older than the visits you keep'],
    [result.doubled, 'history entries of a page’s visit, counted once'],
    [result.unfinished, 'still open when the file was made'],
  ].filter(([n]) => (n as number) > 0).map(([n, why]) => `${(n as number).toLocaleString('en')} ${why}`);
  const kept = reasons.length > 0 ? ` Not added: ${reasons.join('; ')}.` : '';
  if (result.relearned === 0) return `Nothing new in ${name}: ${count(result.visits, 'visit')} read, none added.${kept} The model is as it was.`;
  return `Imported ${count(result.added, 'visit')} from ${name}.${kept} The model relearned from ${count(result.relearned, 'visit')}, in the order they happened.`;
}
