// The model file: a documented, versioned JSON format (docs/model-format.md) holding a whole
// learner. Decoding trusts nothing: it checks every field and size against the architecture
// before building anything, and fails with a ModelFileError that says what is wrong.
// A file may be written without names (no host, path, word or title): weights, hashes and
// figures only, which predict the same; both shapes are version 4 and read by one decoder.
// Version-3 files (no table of what follows what) are read as a version-4 learner whose table is
// empty; files of versions 1 and 2, whose nets read a page's words otherwise, are refused by name.
import { floatsToBase64 } from './base64';
import type { DictionaryEntry } from './dictionary';
import { Field, ModelFileError } from './file-fields';
import { encodeInt8Rows, readInt8Rows, type Int8Rows } from './int8-rows';
import { readContext, readDictionary, readMetrics, readVocabulary } from './file-sections';
import { Learner } from './learner';
import { checkConfig, LIMITS, MODEL_SIZES, type LearnerConfig } from './learner-config';
import { MODEL_VERSION, VERSION_WITHOUT_TABLE, VERSIONS_READ, type ContextSnapshot, type LearnerSnapshot } from './learner-snapshot';
import { paramShapes, TRANSITION_TENSOR } from './net';
import { OPTIMIZER_KINDS, optimizerSlots } from './optimizer';
import { MAX_COUNT, MAX_MODEL_FILE_CHARS } from './file-limits';
import { slotRange, WEIGHT_RANGE, type ValueRange } from './value-bounds';

export { ModelFileError } from './file-fields';

export { MODEL_VERSION } from './learner-snapshot';
export const MODEL_FORMAT = 'tabula-model';
/**
 * Versions before this one: 1 had no wide path, 2 gave every word of a title, description or
 * keywords the weight of a whole token. Their weights mean something else to this net.
 */
const EARLIER_VERSIONS = [1, 2];
export const HASH_FUNCTION = 'murmur3_x86_32';

/** A model file as JSON (its format: docs/model-format.md). */
export type ModelFile = Record<string, unknown>;

export interface EncodeOptions {
  /** false: leave out every name (sites, features, the session's last sites); see docs/model-format.md. */
  names?: boolean;
  /** true: weights and optimizer state in 8 bits, a scale per row (about a quarter of the size; docs/model-format.md). */
  compact?: boolean;
}

/**
 * The learning rates a file may hold: those the Play view offers. A larger one throws the
 * weights about with each visit learned, until they are no longer finite.
 */
export const FILE_LEARNING_RATE = { low: 1e-4, high: 1 } as const;

/** The context of a file without names: no session going on (its last sites are names). */
const NO_SESSION: ContextSnapshot = { hasLast: false, lastHost: '', lastPrev1: '', lastPrev2: '', lastEndedAt: 0, buckets: [], signs: [], hashes: [] };

export function encodeModelFile(learner: Learner, { names = true, compact = false }: EncodeOptions = {}): ModelFile {
  const snapshot = learner.snapshot();
  const { config } = snapshot;
  const rows = new Map(paramShapes(config).map((shape) => [shape.name, shape.row]));
  /** A tensor as written: base64 of float32, or 8 bits by rows (a parameter's optimizer slots share its rows). */
  const tensor = (values: Float32Array, parameter: string, range: ValueRange): string | Int8Rows =>
    compact ? encodeInt8Rows(values, rows.get(parameter)!, range) : floatsToBase64(values);
  const { metrics } = snapshot;
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    createdAt: snapshot.createdAt,
    updatedAt: snapshot.updatedAt,
    architecture: {
      size: config.size, buckets: config.buckets, embeddingDim: config.embeddingDim, hidden: config.hidden, vocabSize: config.vocabSize,
    },
    training: {
      optimizer: config.optimizer, learningRate: config.learningRate, momentum: config.momentum, l2: config.l2,
      clipNorm: config.clipNorm, seed: config.seed, vocabDecay: config.vocabDecay, dictionarySize: config.dictionarySize,
      sessionGapMs: config.sessionGapMs, feedbackWeight: config.feedbackWeight,
    },
    hashing: { function: HASH_FUNCTION, seed: config.hashSeed },
    counters: { visitsLearned: snapshot.visitsLearned, hoursLearned: snapshot.hoursLearned },
    vocabulary: learner.vocabulary.snapshot(names),
    dictionary: { maxSize: snapshot.dictionary.maxSize, entries: learner.dictionary.snapshot(names).entries.map(withoutEmptyName) },
    context: names ? snapshot.context : NO_SESSION,
    weights: mapEntries(snapshot.weights, (values, name) => tensor(values, name, WEIGHT_RANGE)),
    optimizer: {
      steps: snapshot.optimizer.steps,
      state: mapEntries(snapshot.optimizer.state, (values, key) => {
        const dot = key.lastIndexOf('.'); // `parameter.slot`
        return tensor(values, key.slice(0, dot), slotRange(key.slice(dot + 1)));
      }),
    },
    metrics: {
      total: metrics.total,
      window: metrics.window,
      auc: { ...metrics.auc, predictions: Array.from(metrics.auc.predictions), labels: Array.from(metrics.auc.labels) },
      pointEvery: metrics.pointEvery,
      targetSum: metrics.targetSum,
    },
    history: metrics.history,
  };
}

/**
 * The learner a model file holds, given the file's text (as a file picker reads it) or its parsed
 * JSON. Throws ModelFileError, with a message for people, on anything amiss.
 */
export function decodeModelFile(input: unknown): Learner {
  const file = new Field(typeof input === 'string' ? parseFileText(input) : input, '');
  file.object();
  if (file.get('format').value !== MODEL_FORMAT) {
    throw new ModelFileError(`This is not a Tabula model file (its "format" should be "${MODEL_FORMAT}").`);
  }
  const version = file.get('version').value;
  if (EARLIER_VERSIONS.includes(version as number)) {
    throw new ModelFileError(
      `This model file is version ${version}, from an earlier Tabula whose net read a page's words otherwise, so its weights ` +
      `cannot be used by this one (version ${MODEL_VERSION}). Nothing here was changed. A Tabula brought up to date relearns its ` +
      'model from the visits it stores; export the model again from there.',
    );
  }
  if (!VERSIONS_READ.includes(version as number)) {
    throw new ModelFileError(`This model file is version ${describeVersion(version)}; this Tabula reads versions ${VERSIONS_READ.slice(0, -1).join(', ')} and ${MODEL_VERSION}.`);
  }
  file.keys([
    'format', 'version', 'createdAt', 'updatedAt', 'architecture', 'training', 'hashing', 'counters',
    'vocabulary', 'dictionary', 'context', 'weights', 'optimizer', 'metrics', 'history',
  ]);
  const config = readConfig(file);
  // Version 3 had no table of what follows what: its learner is read as one whose table is empty.
  const shapes = paramShapes(config).filter((shape) => version !== VERSION_WITHOUT_TABLE || shape.name !== TRANSITION_TENSOR);
  const weights = file.get('weights');
  weights.keys(shapes.map((shape) => shape.name));
  const optimizer = file.get('optimizer');
  optimizer.keys(['steps', 'state']);
  const slots = optimizerSlots(config.optimizer, config.momentum);
  const state = optimizer.get('state');
  state.keys(shapes.flatMap((shape) => slots.map((slot) => `${shape.name}.${slot}`)));
  const counters = file.get('counters');
  // Version 5 counts the engagement learned at each hour (null: not known); earlier versions do not.
  const hoursKnown = version === MODEL_VERSION;
  counters.keys(hoursKnown ? ['visitsLearned', 'hoursLearned'] : ['visitsLearned']);
  const snapshot: LearnerSnapshot = {
    modelVersion: version as number,
    config,
    createdAt: file.get('createdAt').number(),
    updatedAt: file.get('updatedAt').number(),
    visitsLearned: counters.get('visitsLearned').integer(0, MAX_COUNT),
    hoursLearned: hoursKnown ? readHours(counters.get('hoursLearned')) : null,
    vocabulary: readVocabulary(file.get('vocabulary'), config),
    dictionary: readDictionary(file.get('dictionary'), config),
    context: readContext(file.get('context'), config, version as number),
    metrics: readMetrics(file.get('metrics'), file.get('history')),
    weights: Object.fromEntries(shapes.map((shape) => [shape.name, readTensor(weights.get(shape.name), shape.size, WEIGHT_RANGE)])),
    optimizer: {
      steps: optimizer.get('steps').integer(0, MAX_COUNT),
      state: Object.fromEntries(shapes.flatMap((shape) =>
        slots.map((slot) => [`${shape.name}.${slot}`, readTensor(state.get(`${shape.name}.${slot}`), shape.size, slotRange(slot))]))),
    },
  };
  try {
    return Learner.restore(snapshot);
  } catch (error) {
    throw new ModelFileError(`This model file cannot be used: ${(error as Error).message}.`);
  }
}

function readConfig(file: Field): LearnerConfig {
  const architecture = file.get('architecture');
  architecture.keys(['size', 'buckets', 'embeddingDim', 'hidden', 'vocabSize']);
  const training = file.get('training');
  training.keys(['optimizer', 'learningRate', 'momentum', 'l2', 'clipNorm', 'seed', 'vocabDecay', 'dictionarySize', 'sessionGapMs', 'feedbackWeight']);
  const hashing = file.get('hashing');
  hashing.keys(['function', 'seed']);
  hashing.get('function').literal([HASH_FUNCTION]);
  const config: LearnerConfig = {
    size: architecture.get('size').literal(MODEL_SIZES),
    buckets: architecture.get('buckets').integer(1, LIMITS.maxBuckets),
    embeddingDim: architecture.get('embeddingDim').integer(1, LIMITS.maxEmbeddingDim),
    hidden: architecture.get('hidden').array(LIMITS.maxHiddenLayers).map((size) => size.integer(1, LIMITS.maxHiddenSize)),
    vocabSize: architecture.get('vocabSize').integer(1, LIMITS.maxVocabSize),
    optimizer: training.get('optimizer').literal(OPTIMIZER_KINDS),
    learningRate: training.get('learningRate').number(FILE_LEARNING_RATE.low, FILE_LEARNING_RATE.high),
    momentum: training.get('momentum').number(),
    l2: training.get('l2').number(),
    clipNorm: training.get('clipNorm').number(),
    seed: training.get('seed').integer(0, 0xffffffff),
    vocabDecay: training.get('vocabDecay').number(),
    dictionarySize: training.get('dictionarySize').integer(1, LIMITS.maxDictionarySize),
    sessionGapMs: training.get('sessionGapMs').number(),
    feedbackWeight: training.get('feedbackWeight').number(),
    hashSeed: hashing.get('seed').integer(0, 0xffffffff),
  };
  try {
    checkConfig(config);
  } catch (error) {
    throw new ModelFileError(`This model file cannot be used: its settings are out of range (${(error as Error).message}).`);
  }
  return config;
}

/** A dictionary entry as written: an entry without a name has no `name` at all. */
function withoutEmptyName(entry: DictionaryEntry): Partial<DictionaryEntry> {
  if (entry.name !== '') return entry;
  const { name, ...rest } = entry;
  return rest;
}

function mapEntries<T, U>(record: Record<string, T>, map: (value: T, key: string) => U): Record<string, U> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value, key)]));
}

/** A tensor of the file: base64 of float32, or an object in 8 bits by rows (int8-rows.ts). */
function readTensor(field: Field, count: number, range: ValueRange): Float32Array {
  return typeof field.value === 'string' ? field.floats(count, range) : readInt8Rows(field, count, range);
}

function parseFileText(text: string): unknown {
  if (text.length > MAX_MODEL_FILE_CHARS) {
    throw new ModelFileError(`This file is ${Math.round(text.length / 2 ** 20)} MB, larger than any Tabula model file (at most ${MAX_MODEL_FILE_CHARS / 2 ** 20} MB).`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new ModelFileError('This file is not JSON, so it cannot be a Tabula model file.');
  }
}

/** The engagement learned at each hour: 24 whole numbers, or null (not known). */
function readHours(field: Field): number[] | null {
  if (field.value === null) return null;
  return field.array(24, 24).map((count) => count.integer(0, MAX_COUNT));
}

/** A file's version for a message: a short number or text as written, anything else by its kind (it may be nested without end). */
function describeVersion(version: unknown): string {
  if (typeof version === 'number' || typeof version === 'boolean' || version === null) return String(version);
  if (typeof version === 'string') return JSON.stringify(version.slice(0, 20));
  return Array.isArray(version) ? 'a list' : typeof version === 'object' ? 'an object' : 'missing';
}
