// The knobs of the playground: learning rate (on a log scale, as rates are tuned) and model size.
import type { ModelSize, PlayRequest } from '../../../extension/contract-types';
import { MODEL_SIZES } from '../../../model/learner-config';

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

export function formatRate(rate: number): string {
  return Number(rate.toPrecision(2)).toString();
}

export function PlayControls({ value, disabled, onChange }: PlayControlsProps) {
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
