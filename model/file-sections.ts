// Readers of the parts of a model file that hold state rather than numbers of the net:
// vocabulary, dictionary, context and metrics. Each checks types, ranges and sizes; every host
// must be a host name as the URL parser writes it. A file without names holds hashes where
// sites are, and dictionary entries without a name (docs/model-format.md).
import type { DictionarySnapshot } from './dictionary';
import { MAX_TOKENS } from './encoded-input';
import type { Field } from './file-fields';
import { MAX_COUNT } from './file-limits';
import type { LearnerConfig } from './learner-config';
import { VERSION_WITHOUT_THIRD_SITE, type ContextSnapshot } from './learner-snapshot';
import { AUC_WINDOW, MAX_HISTORY, type MetricPoint, type MetricsSnapshot } from './metrics';
import type { VocabularySnapshot } from './site-vocabulary';
import { TALLY_FIELDS, type TallySums } from './tally';

const MAX_NAME = 400;
const INT32 = [-(2 ** 31), 2 ** 32 - 1] as const;
const UINT32 = [0, 2 ** 32 - 1] as const;

export function readVocabulary(field: Field, config: LearnerConfig): VocabularySnapshot {
  field.keys(['hosts', 'counts', 'increment']);
  const hosts = field.get('hosts').array(config.vocabSize).map(readSlotHost);
  if (new Set(hosts).size !== hosts.length) field.get('hosts').fail('names a site twice');
  const increment = field.get('increment').number(1, 1e160);
  // A count is at most one increment per visit: anything larger would overflow as visits add up.
  const counts = field.get('counts').numbers(config.vocabSize, 0, increment * MAX_COUNT, hosts.length);
  return { hosts, counts, increment };
}

/** A slot's host, or in a file without names the 32-bit hash of its `host` token. */
function readSlotHost(field: Field): string | number {
  return typeof field.value === 'number' ? field.integer(...UINT32) : field.host();
}

/** A host of the session's context: a host name, or '' for none. */
function readContextHost(field: Field): string {
  return field.value === '' ? '' : field.host();
}

export function readDictionary(field: Field, config: LearnerConfig): DictionarySnapshot {
  field.keys(['maxSize', 'entries']);
  const maxSize = field.get('maxSize').integer(config.dictionarySize, config.dictionarySize);
  const seen = new Set<number>();
  const entries = field.get('entries').array(maxSize).map((entry) => {
    const named = Object.hasOwn(entry.object(), 'name');
    entry.keys(named ? ['bucket', 'hash', 'name', 'lastSeen', 'uses'] : ['bucket', 'hash', 'lastSeen', 'uses']);
    const bucket = entry.get('bucket').integer(0, config.buckets - 1);
    if (seen.has(bucket)) entry.get('bucket').fail('repeats a bucket already named');
    seen.add(bucket);
    return {
      bucket,
      hash: entry.get('hash').integer(...INT32),
      name: named ? readName(entry.get('name')) : '',
      lastSeen: entry.get('lastSeen').integer(0, MAX_COUNT),
      uses: entry.get('uses').integer(1, MAX_COUNT),
    };
  });
  return { maxSize, entries };
}

/** A feature's name; never empty, since an entry without a name leaves `name` out. */
function readName(field: Field): string {
  const name = field.string(MAX_NAME);
  if (name === '') field.fail('is empty (an entry without a name has no "name")');
  return name;
}

/** The session a file's model was in; before version 5 it kept no third site back (`lastPrev2` is then ''). */
export function readContext(field: Field, config: LearnerConfig, version: number): ContextSnapshot {
  const thirdSite = version > VERSION_WITHOUT_THIRD_SITE;
  field.keys(['hasLast', 'lastHost', 'lastPrev1', ...(thirdSite ? ['lastPrev2'] : []), 'lastEndedAt', 'buckets', 'signs', 'hashes']);
  const buckets = field.get('buckets').numbers(MAX_TOKENS, 0, config.buckets - 1);
  if (!buckets.every(Number.isInteger)) field.get('buckets').fail('should hold whole numbers');
  const signs = field.get('signs').numbers(MAX_TOKENS, -1, 1, buckets.length);
  if (!signs.every(isSignedWeight)) field.get('signs').fail('should hold only ±1 and ±1/√n (n a whole number up to 64)');
  const hashes = field.get('hashes').array(MAX_TOKENS, buckets.length).map((hash) => hash.integer(...INT32));
  return {
    hasLast: field.get('hasLast').boolean(),
    lastHost: readContextHost(field.get('lastHost')),
    lastPrev1: readContextHost(field.get('lastPrev1')),
    lastPrev2: thirdSite ? readContextHost(field.get('lastPrev2')) : '',
    lastEndedAt: field.get('lastEndedAt').number(),
    buckets,
    signs,
    hashes,
  };
}

export function readMetrics(field: Field, history: Field): MetricsSnapshot {
  field.keys(['total', 'window', 'auc', 'pointEvery', 'targetSum']);
  const auc = field.get('auc');
  auc.keys(['predictions', 'labels', 'next', 'filled']);
  const labels = auc.get('labels').numbers(AUC_WINDOW, 0, 1, AUC_WINDOW);
  if (!labels.every((label) => label === 0 || label === 1)) auc.get('labels').fail('should hold only 0 and 1');
  const next = auc.get('next').integer(0, AUC_WINDOW - 1);
  const filled = auc.get('filled').integer(0, AUC_WINDOW);
  // A ring fills from its start: until it is full, the next place is the first empty one.
  if (filled < AUC_WINDOW && next !== filled) auc.get('next').fail(`should be ${filled} (“filled”) until the window is full`);
  return {
    total: readTally(field.get('total')),
    window: readTally(field.get('window')),
    auc: {
      predictions: Float64Array.from(auc.get('predictions').numbers(AUC_WINDOW, 0, 1, AUC_WINDOW)),
      labels: Uint8Array.from(labels),
      next,
      filled,
    },
    history: history.array(MAX_HISTORY + 1).map(readPoint),
    pointEvery: field.get('pointEvery').integer(1, MAX_COUNT),
    targetSum: field.get('targetSum').number(0),
  };
}

function readTally(field: Field): TallySums {
  field.keys([...TALLY_FIELDS]);
  const tally = {} as TallySums;
  for (const name of TALLY_FIELDS) tally[name] = field.get(name).number(0);
  return tally;
}

function readPoint(field: Field): MetricPoint {
  field.keys(['at', 'visits', 'engagement', 'activeTime', 'next']);
  const group = <K extends string>(name: string, keys: K[]): Record<K, number> => {
    const part = field.get(name);
    part.keys(keys);
    return Object.fromEntries(keys.map((key) => [key, part.get(key).number(0)])) as Record<K, number>;
  };
  return {
    visits: field.get('visits').integer(0, MAX_COUNT),
    engagement: group('engagement', ['logLoss', 'baselineLogLoss', 'accuracy', 'auc', 'calibration']),
    activeTime: group('activeTime', ['mae', 'baselineMae']),
    next: group('next', ['transitions', 'top1', 'top3', 'baselineTop3']),
    at: field.get('at').number(),
  };
}

/** ±1, or ±1/√n as float32 for a whole n up to MAX_TOKENS: the weight of one of a text field's n words (encoded-input.ts). */
function isSignedWeight(value: number): boolean {
  const n = Math.round(1 / (value * value));
  return n >= 1 && n <= MAX_TOKENS && Math.fround(1 / Math.sqrt(n)) === Math.abs(value);
}
