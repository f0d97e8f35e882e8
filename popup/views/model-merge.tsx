// Merging another browser's model into this one, for people who will not move their visits: pick
// a model file, see what it knows (its visits, dates and most visited sites), and merge it only
// after a confirmation. The rule (docs/model-format.md) is said in the view; a file of another
// architecture or hashing is refused with the reason, and any failure leaves the model as it was.
import { useState } from 'preact/hooks';
import type { ImportPreview, MergePreview } from '../../extension/contract-types';
import { DATA_FORMAT } from '../../extension/data-file';
import { MAX_MODEL_FILE_CHARS } from '../../model/file-limits';
import { count, dateTime, dayLabel, dayKey, sentence } from '../format';
import { Caution, Confirm, ErrorMessage, Notice } from '../ui';
import type { AnswerOf, RequestOf } from '../../extension/protocol';
import { useAction } from '../use-request';

/** A model file's text, or why it was not read (too large, not JSON); nothing is sent for those. */
export async function readModelFile(chosen: File): Promise<{ file: string } | { error: string }> {
  if (chosen.size > MAX_MODEL_FILE_CHARS) {
    return { error: `${chosen.name} is ${Math.round(chosen.size / 2 ** 20)} MB, larger than any Tabula model file, so it was not read. Nothing was changed.` };
  }
  const file = await chosen.text();
  try {
    JSON.parse(file);
  } catch {
    if (isDataFile(file)) return { error: `${chosen.name} is a Tabula data file: import it in Data → Import data. Nothing was changed.` };
    return { error: `${chosen.name} is not a JSON file, so it cannot be a Tabula model. Nothing was changed.` };
  }
  return { file };
}

/** Whether a text opens as a Tabula data file does (its first line, the header), which is lines of JSON rather than one. */
function isDataFile(text: string): boolean {
  try {
    return (JSON.parse(text.slice(0, text.indexOf('\n') >>> 0)) as { format?: unknown })?.format === DATA_FORMAT;
  } catch {
    return false;
  }
}

/** A model file picked and described by the background, waiting for a confirmation. */
interface Picked<T> { name: string; file: string; preview: T }

/**
 * Picking a model file, as Import and Merge do: read it here (refusing what is too large or not
 * JSON), have the background check and describe it, and apply it only after a confirmation.
 */
export function usePickedModelFile<P extends 'model/preview-import' | 'model/preview-merge', A extends 'model/import' | 'model/merge'>(previewType: P, applyType: A) {
  const preview = useAction(previewType);
  const apply = useAction(applyType);
  const [picked, setPicked] = useState<Picked<AnswerOf<P>> | null>(null);
  const [readError, setReadError] = useState<string | undefined>(undefined);
  const choose = async (input: HTMLInputElement) => {
    const chosen = input.files?.[0];
    setPicked(null); setReadError(undefined); preview.clear(); apply.clear();
    if (!chosen) return;
    const read = await readModelFile(chosen);
    if ('error' in read) return setReadError(read.error);
    const described = await preview.run({ file: read.file } as RequestOf<P>);
    if (described) setPicked({ name: chosen.name, file: read.file, preview: described });
  };
  const confirm = async () => {
    if (picked && await apply.run({ file: picked.file } as RequestOf<A>)) setPicked(null);
  };
  return { preview, apply, picked, readError, choose, confirm, cancel: () => setPicked(null) };
}

export function MergeModel() {
  const { preview, apply: merge, picked, readError, choose, confirm, cancel } = usePickedModelFile('model/preview-merge', 'model/merge');
  return (
    <div class="merge">
      <label class="field">
        <span>Merge a model file</span>
        <input type="file" accept="application/json,.json" onChange={(event) => void choose(event.currentTarget)} />
      </label>
      {readError && <ErrorMessage>{readError}</ErrorMessage>}
      {preview.error && <ErrorMessage>This file cannot be merged. {sentence(preview.error)}{/Nothing was changed\.$/.test(sentence(preview.error)) ? '' : ' Nothing was changed.'}</ErrorMessage>}
      {picked && (
        <Confirm title={`Merge ${picked.name} into this model?`} confirmLabel="Merge this model"
          onConfirm={confirm} onCancel={cancel} pending={merge.pending}>
          <MergeSummary preview={picked.preview} />
          <ForgottenCaution preview={picked.preview} doing="merging" />
          {merge.error && <ErrorMessage>The merge failed. {sentence(merge.error)} Nothing was changed.</ErrorMessage>}
        </Confirm>
      )}
      {merge.result && <Notice>Models merged: this model has now learned from {count(merge.result.visitsLearned, 'visit')}.</Notice>}
    </div>
  );
}

function MergeSummary({ preview }: { preview: MergePreview }) {
  return (
    <>
      <p>It learned from {count(preview.visitsLearned, 'visit')} on {count(preview.sites, 'site')}, from
        {' '}{dateTime(preview.createdAt)} to {dateTime(preview.updatedAt)}; it holds {count(preview.featureNames, 'feature name')}.</p>
      {preview.topSites.length > 0 && (
        <ul class="merge-sites" aria-label="Its most visited sites">
          {preview.topSites.map((site, i) => <li key={i}>{site.host || 'a site it knows only by a hash'} (about {count(Math.round(site.visits), 'visit')} lately)</li>)}
          {preview.sites > preview.topSites.length && <li>and {count(preview.sites - preview.topSites.length, 'other site')}</li>}
        </ul>
      )}
    </>
  );
}

/**
 * Said before a model file is taken in when it may hold what was learned of a day, or a time,
 * forgotten here since (the background's `mayHoldForgotten`): the file is not refused, for its
 * dates cannot tell. What it brings stays until the model is next relearned from the stored visits.
 */
export function ForgottenCaution({ preview, doing }: { preview: ImportPreview; doing: 'importing' | 'merging' }) {
  const since = preview.mayHoldForgotten;
  if (!since) return null;
  const what = 'day' in since
    ? `Its learning spans ${dayLabel(dayKey(since.day))}, a day you forgot here on ${dateTime(since.forgottenAt)}, and it last learned before then`
    : `It began learning before ${dateTime(since.before)}, and you have forgotten here what was browsed before then`;
  return (
    <Caution>
      {what}: it may hold what it learned of that time, and {doing} it would bring that back, until the
      model is next relearned from your stored visits. To bring in only what you did not forget, import a
      data file instead (Data → Import data).
    </Caution>
  );
}
