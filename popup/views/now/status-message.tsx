// What the Now view says when it has no prediction to show, one clear state per TabStatus.
import type { TabPrediction } from '../../../extension/contract-types';
import { count } from '../../format';
import { ErrorMessage } from '../../ui';
import { coversHost, useSettingsChange } from '../../use-settings-change';

interface StatusMessageProps {
  prediction: TabPrediction;
  /** Called after a change (resume, include again) so the prediction is asked for anew. */
  onChanged: () => void;
}

export function StatusMessage({ prediction, onChanged }: StatusMessageProps) {
  const { change, pending, error } = useSettingsChange();
  const host = prediction.host ?? 'this site';
  const act = async (derive: Parameters<typeof change>[0]) => { if (await change(derive)) onChanged(); };
  switch (prediction.status) {
    case 'no-data': {
      const goal = prediction.visitsLearned + prediction.visitsUntilUseful;
      return (
        <div class="status no-data">
          <p>Tabula is still getting to know your habits. It has learned from {count(prediction.visitsLearned, 'visit')}.</p>
          {prediction.visitsUntilUseful > 0
            ? <p>Predictions start to mean something after about <strong>{count(prediction.visitsUntilUseful, 'more visit')}</strong>.</p>
            : <p>It has not seen enough of pages like this one to predict for it yet.</p>}
          <progress value={prediction.visitsLearned} max={Math.max(1, goal)} aria-label="Learning progress" />
        </div>
      );
    }
    case 'paused':
      return (
        <div class="status paused">
          <p>Tabula is paused: it records and learns nothing until you resume it.</p>
          <button type="button" onClick={() => act(() => ({ paused: false }))} disabled={pending}>Resume</button>
          {error && <ErrorMessage>{error}</ErrorMessage>}
        </div>
      );
    case 'excluded':
      return (
        <div class="status excluded">
          <p><strong>{host}</strong> is on your exclusion list: Tabula records nothing here.</p>
          <button type="button" disabled={pending || !prediction.host}
            onClick={() => act((s) => ({ excluded: s.excluded.filter((entry) => !coversHost(entry, host)) }))}>
            Include {host} again
          </button>
          {error && <ErrorMessage>{error}</ErrorMessage>}
        </div>
      );
    case 'browser-page':
      return <p class="status">This is a browser page. Tabula only looks at web pages (http and https).</p>;
    case 'incognito':
      return <p class="status">This is a private window. Tabula never records private browsing.</p>;
    default:
      return null;
  }
}
