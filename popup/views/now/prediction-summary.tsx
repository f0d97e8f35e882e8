// The two headline predictions for this tab: how likely an engaged visit is, and for how long.
import type { TabPrediction } from '../../../extension/contract-types';
import { useId } from 'preact/hooks';
import { duration, percent } from '../../format';

export function PredictionSummary({ prediction }: { prediction: TabPrediction }) {
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
