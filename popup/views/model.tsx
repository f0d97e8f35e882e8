// The Model view: export the model (with or without the names it holds, float32 or compact) and
// the stored data, import a model after seeing what it learned, merge another browser's model
// into this one (model-merge.tsx), and start over. Whatever replaces or deletes
// something waits for a confirmation that says exactly what goes.
import { useState } from 'preact/hooks';
import { dataFileText } from '../../extension/data-file';
import { useConnector, type Connector } from '../connector';
import { dataFileBlob } from '../data-file-io';
import { count, dateTime, dayKey, sentence } from '../format';
import { HealthNotices } from '../health-notices';
import { Confirm, ErrorMessage, Notice, Section } from '../ui';
import { messageOf, useAction } from '../use-request';
import { MetricsSummary } from './metrics';
import { ForgottenCaution, MergeModel, usePickedModelFile } from './model-merge';

export function ModelView({ now }: { now?: () => number }) {
  return (
    <div class="view model-view">
      <HealthNotices now={now?.()} />
      <Section title="Export">
        <p class="muted model-file-holds">The model file holds the learned weights and figures, and names taken from your
          browsing: up to 4,096 feature names (sites, the start of page paths, words of titles and descriptions, sites
          you came from, “this site right after that one”), up to 64 sites it predicts, its counts of how often you visit
          them, and the last site you visited. It holds no list of your visits.</p>
        <p class="muted">Export without names leaves every one of those names out: weights, hashes and counts only. It
          predicts the same, showing its sites as unnamed until you visit them again. A hash hides a name only from
          someone who cannot guess it: whoever guesses a site can check it.</p>
        <p class="muted">A compact model file keeps each weight in 8 bits instead of 32: about a quarter of the size,
          predicting nearly the same (engagement chances within about half a percentage point).</p>
        <p class="muted">The data file holds every stored visit whose page was left (one still open is in the next
          file), a line each, and your settings: Data → Import data
          brings it into Tabula in another browser, and any tool that reads JSON lines can read it. All three stay on
          this computer unless you move them.</p>
        <ExportButtons now={now} />
      </Section>
      <Section title="Import">
        <p class="muted">Bring in a model exported from Tabula, for example from another browser. You see what it
          learned before it replaces the current one. Your stored visits stay as they are, and the model is
          relearned from them alone when you forget something, import data or retrain it in Play, and each day that
          visits pass their retention: what it learned elsewhere then goes. To keep it for good, import that
          browser's data file instead.</p>
        <ImportModel />
      </Section>
      <Section title="Merge">
        <p class="muted">To bring what another browser's model learned without moving your visits, merge its model
          file into this one: both must be of the same size and hashing. Each weight becomes an average of the two,
          weighted by how much each model learned it; the sites each predicts and the names each holds are put
          together. Your stored visits stay as they are, and the model is relearned from them alone when you forget
          something, import data or retrain it in Play, and each day that visits pass their retention.</p>
        <MergeModel />
      </Section>
      <Section title="Start over">
        <ResetModel />
      </Section>
    </div>
  );
}

// Taking things out: the model as a file (to keep, or to move to another browser), with or
// without the names it holds, and the stored data as a data file (extension/data-file.ts), gzipped
// if asked, and a model file compact (8 bits a weight) if asked. Files are named by the day:
// `tabula-model-YYYY-MM-DD.json`, `tabula-model-without-names-YYYY-MM-DD.json` (`-compact.json`),
// `tabula-data-YYYY-MM-DD.jsonl` (`.jsonl.gz`).
type ExportKind = 'model' | 'model-without-names' | 'data';

interface ExportChoices { gzip: boolean; compact: boolean }

async function exportOf(kind: ExportKind, connector: Connector, { gzip, compact }: ExportChoices): Promise<{ ending: string; content: string | Blob }> {
  if (kind !== 'data') {
    const file = await connector.send('model/export', { names: kind === 'model', ...(compact ? { compact } : {}) });
    return { ending: compact ? '-compact.json' : '.json', content: JSON.stringify(file, null, 1) };
  }
  const text = dataFileText(await connector.send('data/export', {}));
  return { ending: gzip ? '.jsonl.gz' : '.jsonl', content: gzip ? await dataFileBlob(text, true) : text };
}

function ExportButtons({ now = () => Date.now() }: { now?: () => number }) {
  const connector = useConnector();
  const [saved, setSaved] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [gzip, setGzip] = useState(false);
  const [compact, setCompact] = useState(false);
  const save = async (kind: ExportKind) => {
    setPending(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const { ending, content } = await exportOf(kind, connector, { gzip, compact });
      const fileName = `tabula-${kind}-${dayKey(now())}${ending}`;
      connector.saveFile(fileName, content);
      setSaved(fileName);
    } catch (failure) {
      setError(`Could not export: ${messageOf(failure)}`);
    } finally {
      setPending(false);
    }
  };
  return (
    <div class="export">
      <div class="actions">
        <button type="button" onClick={() => save('model')} disabled={pending}>Export the model</button>
        <button type="button" onClick={() => save('model-without-names')} disabled={pending}>Export without names</button>
        <button type="button" onClick={() => save('data')} disabled={pending}>Export stored data</button>
      </div>
      <label class="toggle">
        <input type="checkbox" checked={compact} onChange={(event) => setCompact(event.currentTarget.checked)} />
        <span>Compact model file (8 bits a weight)</span>
      </label>
      <label class="toggle">
        <input type="checkbox" checked={gzip} onChange={(event) => setGzip(event.currentTarget.checked)} />
        <span>Compress the data file (gzip)</span>
      </label>
      {saved && <Notice>Saved {saved}.</Notice>}
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </div>
  );
}

// Bringing a model in: pick a file, read it, let the background check it and describe it, and
// replace the current model only after a confirmation (usePickedModelFile, as Merge does). Any
// failure leaves everything as it was. The file goes to the background as the text it is: a
// structured clone of its parsed JSON can fail on deep nesting.
function ImportModel() {
  const { preview, apply: load, picked, readError, choose, confirm, cancel } = usePickedModelFile('model/preview-import', 'model/import');
  return (
    <div class="import">
      <label class="field">
        <span>Import a model file</span>
        <input type="file" accept="application/json,.json" onChange={(event) => void choose(event.currentTarget)} />
      </label>
      {readError && <ErrorMessage>{readError}</ErrorMessage>}
      {preview.error && <ErrorMessage>This file cannot be imported. {sentence(preview.error)} Nothing was changed.</ErrorMessage>}
      {picked && (
        <Confirm title={`Replace the current model with ${picked.name}?`} confirmLabel="Import this model"
          onConfirm={confirm} onCancel={cancel} pending={load.pending}>
          <p>Created {dateTime(picked.preview.createdAt)}; learned from {count(picked.preview.visitsLearned, 'visit')}
            {' '}on {count(picked.preview.sites, 'site')}; {picked.preview.size} size.</p>
          <MetricsSummary metrics={picked.preview.metrics} caption="How the imported model predicted" />
          <ForgottenCaution preview={picked.preview} doing="importing" />
          {load.error && <ErrorMessage>The import failed. {sentence(load.error)} Nothing was changed.</ErrorMessage>}
        </Confirm>
      )}
      {load.result && <Notice>Model imported: it has learned from {count(load.result.visitsLearned, 'visit')}.</Notice>}
    </div>
  );
}

// Starting over: reset the model alone (stored visits stay, nothing is relearned) or the model
// and every stored visit. Both wait for a confirmation that says which.
const WHAT_GOES = {
  model: 'The model forgets everything it learned and starts from scratch. Your stored visits stay: '
    + 'Play → Retrain from stored visits learns it from them again.',
  everything: 'The model forgets everything it learned, and every stored visit and interaction event is deleted. '
    + 'They stay forgotten: importing a data file, even one exported before, does not bring them back. '
    + 'Your settings stay: the exclusion list, the pause and how long visits are kept.',
};

function ResetModel() {
  const reset = useAction('model/reset');
  const [choice, setChoice] = useState<'model' | 'everything' | null>(null);
  const confirm = async () => {
    if (await reset.run({ wipeData: choice === 'everything' })) setChoice(null);
  };
  return (
    <div class="reset">
      <div class="actions">
        <button type="button" onClick={() => { reset.clear(); setChoice('model'); }}>Reset the model…</button>
        <button type="button" class="danger" onClick={() => { reset.clear(); setChoice('everything'); }}>Reset everything…</button>
      </div>
      {choice && (
        <Confirm title={choice === 'model' ? 'Reset the model?' : 'Reset the model and delete all data?'}
          confirmLabel={choice === 'model' ? 'Reset the model' : 'Reset everything'}
          onConfirm={confirm} onCancel={() => setChoice(null)} pending={reset.pending}>
          <p>{WHAT_GOES[choice]}</p>
          {reset.error && <ErrorMessage>Nothing was reset: {reset.error}</ErrorMessage>}
        </Confirm>
      )}
      {reset.result && (
        <Notice>
          Reset done. The model has learned from {count(reset.result.visitsLearned, 'visit')};
          {' '}{count(reset.result.storedVisits, 'visit')} stored.
        </Notice>
      )}
    </div>
  );
}
