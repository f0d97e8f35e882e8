// The Now view: what Tabula expects of the current tab (how likely an engaged visit is, for how
// long, which sites come next), why, and a way to correct it; or, when it has no prediction to
// show, one clear state per TabStatus.
import { useId } from 'preact/hooks';
import type { NextSite, TabPrediction } from '../../extension/contract-types';
import { isSiteEntry } from '../../extension/exclusions';
import { isHostName } from '../../model/host-name';
import { ExplanationGroups } from '../charts/explanation-groups';
import { useConnector } from '../connector';
import { count, duration, percent } from '../format';
import { StorageWarning } from '../health-notices';
import { RelearningStatus, useJobProgress } from '../job-progress';
import { ErrorMessage, Section, Skeleton } from '../ui';
import { StillStored } from './forgetting';
import { useAction, type RequestState } from '../use-request';
import { coversHost, useSettingsChange } from '../use-settings-change';

interface NowViewProps {
  prediction: RequestState<TabPrediction>;
  tabId?: number;
  /** From `background/status`: a recent full storage is said first. */
  storageFullAt?: number;
  /** On the sample, whose visits are made up: there is no visit of the user's to correct. */
  sample?: boolean;
}

export function NowView({ prediction, tabId, storageFullAt, sample = false }: NowViewProps) {
  const { data, error, loading, reload, setData } = prediction;
  if (!data) {
    return (
      <div class="view now-view">
        {error ? <ErrorMessage>Could not get a prediction: {error}</ErrorMessage>
          : loading && <Skeleton height={360} label="Loading predictions…" />}
      </div>
    );
  }
  if (data.status !== 'ok') {
    return (
      <div class="view now-view">
        <StorageWarning fullAt={storageFullAt} />
        <StatusMessage prediction={data} onChanged={reload} />
      </div>
    );
  }
  return (
    <div class="view now-view" aria-busy={loading}>
      <StorageWarning fullAt={storageFullAt} />
      {/* The sample has no open tab: its last page is predicted, with the time of the week of now. */}
      {sample && <p class="muted">The sample's last page, predicted as if it were opened now.</p>}
      <PredictionSummary prediction={data} />
      <Section title="Likely next sites">
        <NextSites sites={data.next ?? []} />
      </Section>
      {data.why && (
        <Section title="Why">
          <ExplanationGroups why={data.why} label={(prediction) => `What moves the ${prediction} prediction`} />
        </Section>
      )}
      <Section title="Was it worth it?">
        {sample ? <p class="muted">On a page of yours, you can tell Tabula here whether the visit was worth it, and it learns that.</p>
          : <FeedbackButtons prediction={data} tabId={tabId} onAnswer={setData} />}
      </Section>
    </div>
  );
}

/** The two headline predictions for this tab: how likely an engaged visit is, and for how long. */
function PredictionSummary({ prediction }: { prediction: TabPrediction }) {
  const engaged = prediction.engaged ?? 0;
  const labelId = useId();
  return (
    <div class="prediction-summary">
      <p class="page-title" title={prediction.url}>{prediction.title || prediction.host}</p>
      <div class="figures">
        <div class="figure">
          <span class="figure-label" id={labelId}>Chance of an engaged visit</span>
          <span class="figure-value">{prediction.engaged === undefined ? '–' : percent(engaged)}</span>
          <span class="meter" role="meter" aria-labelledby={labelId}
            aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(engaged * 100)}>
            <span class="meter-fill" style={{ width: percent(engaged) }} />
          </span>
        </div>
        <div class="figure">
          <span class="figure-label">Expected active time</span>
          <span class="figure-value">
            {prediction.activeSeconds === undefined ? '–' : `about ${duration(prediction.activeSeconds)}`}
          </span>
        </div>
      </div>
    </div>
  );
}

const UNNAMED_TITLE = 'A site an imported model file knows only by a hash: it gets its name back when you visit it.';

/** Laid out as the links are (styles.css: .next-sites .link-button), without looking like one. */
const UNLINKED = { display: 'flex', gap: '0.4rem', padding: '0.2rem 0.3rem' };

/**
 * The sites the model expects next; each one opens in a new tab when pressed. Only a valid host
 * name becomes a link: a site from a model file without names has no host (it shows as an
 * unnamed site), and a host is never trusted to be one just because the model holds it.
 */
function NextSites({ sites }: { sites: NextSite[] }) {
  const connector = useConnector();
  if (sites.length === 0) return <p class="muted">No next site stands out yet.</p>;
  // Unnamed sites are told apart by number: each is another site, known only by a hash.
  let unnamed = 0;
  const names = sites.map((site) => (site.host === '' ? `Unnamed site ${++unnamed}` : site.host));
  return (
    <ol class="next-sites">
      {sites.map((site, i) => (
        <li key={site.host || `unnamed-${i}`}>
          {isHostName(site.host) ? (
            <button type="button" class="link-button" onClick={() => void connector.openSite(site.host)}>
              <span class="site">{site.host}</span>
              <span class="chance">{percent(site.probability)}</span>
            </button>
          ) : (
            <span class="unlinked-site" style={UNLINKED}>
              <span class="site muted" title={site.host === '' ? UNNAMED_TITLE : undefined}>{names[i]}</span>
              <span class="chance">{percent(site.probability)}</span>
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}


interface FeedbackButtonsProps {
  prediction: TabPrediction;
  tabId?: number;
  onAnswer: (prediction: TabPrediction) => void;
}

/** Corrections: the user says whether this visit was worth it, and the model learns that label. */
function FeedbackButtons({ prediction, tabId, onAnswer }: FeedbackButtonsProps) {
  const feedback = useAction('tab/feedback');
  const give = async (verdict: 'useful' | 'not-interested') => {
    const { url } = prediction;
    const answer = await feedback.run(tabId === undefined ? { verdict, url } : { tabId, verdict, url });
    if (answer) onAnswer(answer);
  };
  return (
    <div class="feedback" role="group" aria-label="Correct the prediction">
      <button type="button" aria-pressed={prediction.feedback === 'useful'} disabled={feedback.pending}
        onClick={() => give('useful')}>This was useful</button>
      <button type="button" aria-pressed={prediction.feedback === 'not-interested'} disabled={feedback.pending}
        onClick={() => give('not-interested')}>Not interested</button>
      {feedback.error && <ErrorMessage>{feedback.error}</ErrorMessage>}
      {feedback.result?.feedback && (
        <p class="muted" role="status">Noted: Tabula learned this visit as {feedback.result.feedback === 'useful' ? 'a useful one' : 'one that did not interest you'},
          {' '}and the predictions above now count it.</p>
      )}
    </div>
  );
}

interface StatusMessageProps {
  prediction: TabPrediction;
  /** Called after a change (resume, include again) so the prediction is asked for anew. */
  onChanged: () => void;
}

/** What the Now view says when it has no prediction to show, one clear state per TabStatus. */
function StatusMessage({ prediction, onChanged }: StatusMessageProps) {
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
    case 'excluded': {
      // A site entry can be taken off the list from here; a pattern (`*/login*`, `*bank*`) covers
      // other sites too, and is changed in the Data view, where the whole list is.
      const rules = prediction.excludedBy ?? [];
      if (!rules.every(isSiteEntry)) {
        return (
          <div class="status excluded">
            <p>This page is excluded by {rules.map((entry, i) => <span key={entry}>{i > 0 && ', '}<code>{entry}</code></span>)} on your
              exclusion list: Tabula records nothing here. The list is in Data.</p>
            {rules.map((entry) => <StillStored key={entry} entry={entry} />)}
          </div>
        );
      }
      return (
        <div class="status excluded">
          <p><strong>{host}</strong> is on your exclusion list: Tabula records nothing here.</p>
          <button type="button" disabled={pending || !prediction.host}
            onClick={() => act((s) => ({ excluded: s.excluded.filter((entry) => (rules.length > 0 ? !rules.includes(entry) : !coversHost(entry, host))) }))}>
            Include {host} again
          </button>
          {error && <ErrorMessage>{error}</ErrorMessage>}
          {(rules.length > 0 ? rules : [host]).map((entry) => <StillStored key={entry} entry={entry} />)}
        </div>
      );
    }
    case 'browser-page':
      return <p class="status">This is a browser page. Tabula only looks at web pages (http and https).</p>;
    case 'no-page':
      return <p class="status">Tabula has no open web page to predict for: go to one, and its predictions show here.</p>;
    case 'incognito':
      return <p class="status">This is a private window. Tabula never records private browsing.</p>;
    case 'relearning':
      return <Relearning prediction={prediction} onDone={onChanged} />;
    default:
      return null;
  }
}

/** The model is being learned again (after a forget, the retention cut, new settings): its progress, then the prediction. */
function Relearning({ prediction, onDone }: { prediction: TabPrediction; onDone: () => void }) {
  const polled = useJobProgress(true, onDone);
  return <RelearningStatus progress={polled ?? prediction.progress} then="Its predictions are back when it is done." />;
}
