// The learner's settings: a size preset (buckets, embedding width, hidden layers) and the
// training settings, with the limits that any configuration, including one read from a model
// file, must respect.
import { OPTIMIZER_KINDS, type OptimizerKind } from './optimizer';

export const MODEL_SIZES = ['small', 'medium', 'large'] as const;
export type ModelSize = (typeof MODEL_SIZES)[number];

export interface LearnerConfig {
  size: ModelSize;
  optimizer: OptimizerKind;
  learningRate: number;
  /** SGD momentum (0: plain SGD). */
  momentum: number;
  l2: number;
  /** Largest global gradient norm of one step (0: no clipping). */
  clipNorm: number;
  seed: number;
  /** Hashing: number of buckets (rows of the first layer) and the hash's seed. */
  buckets: number;
  hashSeed: number;
  embeddingDim: number;
  hidden: number[];
  /** Sites the next-site head can name, and the decay of their visit counts per visit. */
  vocabSize: number;
  vocabDecay: number;
  /** Readable names kept for hashed buckets. */
  dictionarySize: number;
  /** Longest pause between two visits of one browsing session. */
  sessionGapMs: number;
  /** How many ordinary examples one correction from the user is worth. */
  feedbackWeight: number;
}

export const SIZE_PRESETS: Record<ModelSize, Pick<LearnerConfig, 'buckets' | 'embeddingDim' | 'hidden'>> = {
  small: { buckets: 1 << 13, embeddingDim: 16, hidden: [] },
  medium: { buckets: 1 << 14, embeddingDim: 24, hidden: [] },
  large: { buckets: 1 << 15, embeddingDim: 64, hidden: [64] },
};

export const DEFAULT_CONFIG: LearnerConfig = {
  size: 'medium',
  optimizer: 'adagrad',
  learningRate: 0.05,
  momentum: 0,
  l2: 0,
  clipNorm: 0,
  seed: 1,
  ...SIZE_PRESETS.medium,
  hashSeed: 0x7ab01a,
  vocabSize: 64,
  vocabDecay: 0.999,
  dictionarySize: 4096,
  sessionGapMs: 30 * 60_000,
  feedbackWeight: 4,
};

export const LIMITS = {
  maxBuckets: 1 << 20,
  maxEmbeddingDim: 256,
  maxHiddenLayers: 3,
  maxHiddenSize: 256,
  maxVocabSize: 256,
  maxDictionarySize: 50_000,
  maxParameters: 1 << 24,
};

/** A complete configuration: the size preset's shape, then any explicit settings. Throws RangeError when out of limits. */
export function learnerConfig(settings: Partial<LearnerConfig> = {}): LearnerConfig {
  const size = settings.size ?? DEFAULT_CONFIG.size;
  const config: LearnerConfig = { ...DEFAULT_CONFIG, ...SIZE_PRESETS[size], ...settings, size };
  config.hidden = [...config.hidden];
  checkConfig(config);
  return config;
}

export function checkConfig(config: LearnerConfig): void {
  const integerIn = (name: string, value: number, low: number, high: number): void => {
    if (!Number.isInteger(value) || value < low || value > high) {
      throw new RangeError(`${name} must be a whole number from ${low} to ${high} (it is ${value})`);
    }
  };
  const numberIn = (name: string, value: number, low: number, high: number): void => {
    if (typeof value !== 'number' || !(value >= low && value <= high)) {
      throw new RangeError(`${name} must be a number from ${low} to ${high} (it is ${value})`);
    }
  };
  if (!MODEL_SIZES.includes(config.size)) throw new RangeError(`size must be ${inWords(MODEL_SIZES)} (it is ${config.size})`);
  if (!OPTIMIZER_KINDS.includes(config.optimizer)) {
    throw new RangeError(`optimizer must be ${inWords(OPTIMIZER_KINDS)} (it is ${config.optimizer})`);
  }
  numberIn('learningRate', config.learningRate, 1e-6, 10);
  numberIn('momentum', config.momentum, 0, 0.999);
  numberIn('l2', config.l2, 0, 1);
  numberIn('clipNorm', config.clipNorm, 0, 1e6);
  integerIn('seed', config.seed, 0, 0xffffffff);
  integerIn('buckets', config.buckets, 1, LIMITS.maxBuckets);
  integerIn('hashSeed', config.hashSeed, 0, 0xffffffff);
  integerIn('embeddingDim', config.embeddingDim, 1, LIMITS.maxEmbeddingDim);
  if (!Array.isArray(config.hidden) || config.hidden.length > LIMITS.maxHiddenLayers) {
    throw new RangeError(`hidden must list at most ${LIMITS.maxHiddenLayers} layer sizes`);
  }
  config.hidden.forEach((size, i) => integerIn(`hidden[${i}]`, size, 1, LIMITS.maxHiddenSize));
  integerIn('vocabSize', config.vocabSize, 1, LIMITS.maxVocabSize);
  numberIn('vocabDecay', config.vocabDecay, 0.5, 1);
  integerIn('dictionarySize', config.dictionarySize, 1, LIMITS.maxDictionarySize);
  numberIn('sessionGapMs', config.sessionGapMs, 0, 7 * 24 * 3_600_000);
  numberIn('feedbackWeight', config.feedbackWeight, 0, 100);
  const parameters = config.buckets * config.embeddingDim;
  if (parameters > LIMITS.maxParameters) {
    throw new RangeError(`buckets × embeddingDim must be at most ${LIMITS.maxParameters} (it is ${parameters})`);
  }
}

/** `a, b or c`. */
function inWords(options: readonly string[]): string {
  return `${options.slice(0, -1).join(', ')} or ${options[options.length - 1]}`;
}
