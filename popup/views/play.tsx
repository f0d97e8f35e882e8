// The Play view: change the learning rate or the model size, retrain from the stored visits,
// and see what the change did to the learning curves.
import { useEffect, useState } from 'preact/hooks';
import type { Metrics, ModelSize, PlayRequest } from '../../extension/contract-types';
import { count, percent, sentence } from '../format';
import { RelearningWhileWaiting } from '../job-progress';
import { ErrorMessage, Notice, Section, Skeleton } from '../ui';
import { useAction, useRequest } from '../use-request';
import { MODEL_SIZES } from '../../model/learner-config';
import { LearningCurves } from './metrics';

export function PlayView() {
  const overview = useRequest('model/overview', {});
  const play = useAction('model/play');
  const [choice, setChoice] = useState<PlayRequest | null>(null);
  const [before, setBefore] = useState<Metrics | null>(null);
  const config = overview.data?.config;
  useEffect(() => {
    if (config && !choice) setChoice({ learningRate: config.learningRate, size: config.size });
  }, [config, choice]);
  const retrain = async () => {
    if (!choice || !overview.data) return;
    setBefore(overview.data.metrics);
    const answer = await play.run(choice);
    if (answer) overview.setData(answer);
  };
  const model = overview.data;
  return (
    <div class="view play-view">
      <RelearningWhileWaiting waiting={!overview.error && !model} />
      <Section title="Try other settings" minHeight={200}>
        {overview.error && <ErrorMessage>Could not read the model: {overview.error}</ErrorMessage>}
        {choice && model ? (
          <>
            <PlayControls value={choice} disabled={play.pending} onChange={setChoice} />
            <button type="button" class="primary" onClick={retrain} disabled={play.pending || model.storedVisits === 0}>
              {play.pending ? `Retraining on ${count(model.storedVisits, 'visit')}…` : 'Retrain from stored visits'}
            </button>
            {model.storedVisits === 0 && <p class="muted">There are no stored visits to retrain from.</p>}
          </>
        ) : !overview.error && <Skeleton height={150} label="Loading the model settings…" />}
        {play.error && <ErrorMessage>Retraining failed. {sentence(play.error)} The model was not changed.</ErrorMessage>}
        {play.result && before && (
          <Notice>
            Retrained on {count(play.result.visitsLearned, 'visit')}: engagement log loss {before.engagement.logLoss.toFixed(3)}
            {' → '}{play.result.metrics.engagement.logLoss.toFixed(3)}, next site in top 3
            {' '}{percent(before.next.top3, 1)} → {percent(play.result.metrics.next.top3, 1)}.
          </Notice>
        )}
      </Section>
      <Section title="Learning curves">
        {model ? <LearningCurves history={model.history} /> : <Skeleton height={320} label="Loading learning curves…" />}
      </Section>
    </div>
  );
}

// The knobs of the playground: learning rate (on a log scale, as rates are tuned) and model size.
const NOTES: Record<ModelSize, string> = {
  small: 'fastest, learns broad habits',
  medium: 'the default balance',
  large: 'more detail, needs more visits',
};
const LOG_MIN = -4;
const LOG_MAX = -0.5;
const LOG_STEP = 0.25;

interface PlayControlsProps {
  value: PlayRequest;
  disabled: boolean;
  onChange: (value: PlayRequest) => void;
}

function formatRate(rate: number): string {
  return Number(rate.toPrecision(2)).toString();
}

function PlayControls({ value, disabled, onChange }: PlayControlsProps) {
  const exponent = Math.min(LOG_MAX, Math.max(LOG_MIN, Math.log10(value.learningRate)));
  return (
    <div class="play-controls">
      <label class="field">
        <span>Learning rate: <output>{formatRate(value.learningRate)}</output></span>
        <input type="range" min={LOG_MIN} max={LOG_MAX} step={LOG_STEP} value={exponent} disabled={disabled}
          aria-valuetext={formatRate(value.learningRate)}
          onInput={(event) => onChange({ ...value, learningRate: Number((10 ** Number(event.currentTarget.value)).toPrecision(2)) })} />
      </label>
      <fieldset disabled={disabled}>
        <legend>Model size</legend>
        {MODEL_SIZES.map((size) => (
          <label key={size} class="radio">
            <input type="radio" name="model-size" value={size} checked={value.size === size}
              onChange={() => onChange({ ...value, size })} />
            <span>{size} <span class="muted">({NOTES[size]})</span></span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
