// Bringing a model in: pick a file, read it, let the background check it and describe it, and
// replace the current model only after a confirmation. Any failure leaves everything as it was.
import { useState } from 'preact/hooks';
import type { ImportPreview } from '../../../extension/contract-types';
import { MAX_MODEL_FILE_CHARS } from '../../../model/file-limits';
import { count, dateTime, sentence } from '../../format';
import { Confirm, ErrorMessage, Notice } from '../../ui';
import { useAction } from '../../use-request';
import { MetricsSummary } from '../metrics';

/** The file goes to the background as the text it is: a structured clone of its parsed JSON can fail on deep nesting. */
interface Picked { name: string; file: string; preview: ImportPreview }

export function ImportModel() {
  const preview = useAction('model/preview-import');
  const load = useAction('model/import');
  const [picked, setPicked] = useState<Picked | null>(null);
  const [readError, setReadError] = useState<string | undefined>(undefined);
  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    setPicked(null); setReadError(undefined); preview.clear(); load.clear();
    if (!chosen) return;
    if (chosen.size > MAX_MODEL_FILE_CHARS) {
      setReadError(`${chosen.name} is ${Math.round(chosen.size / 2 ** 20)} MB, larger than any Tabula model file, so it was not read. Nothing was changed.`);
      return;
    }
    const file = await chosen.text();
    try {
      JSON.parse(file);
    } catch {
      setReadError(`${chosen.name} is not a JSON file, so it cannot be a Tabula model. Nothing was changed.`);
      return;
    }
    const described = await preview.run({ file });
    if (described) setPicked({ name: chosen.name, file, preview: described });
  };
  const confirm = async () => {
    if (picked && await load.run({ file: picked.file })) setPicked(null);
  };
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
          onConfirm={confirm} onCancel={() => setPicked(null)} pending={load.pending}>
          <p>Created {dateTime(picked.preview.createdAt)}; learned from {count(picked.preview.visitsLearned, 'visit')}
            {' '}on {count(picked.preview.sites, 'site')}; {picked.preview.size} size.</p>
          <MetricsSummary metrics={picked.preview.metrics} caption="How the imported model predicted" />
          {load.error && <ErrorMessage>The import failed. {sentence(load.error)} Nothing was changed.</ErrorMessage>}
        </Confirm>
      )}
      {load.result && <Notice>Model imported: it has learned from {count(load.result.visitsLearned, 'visit')}.</Notice>}
    </div>
  );
}
