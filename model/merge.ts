// Merging two learners without their visits (docs/model-format.md, "Merging two models"): every
// tensor the net declares is averaged, each weight in proportion to how much each learner learned
// it (its AdaGrad or Adam second moment; else, and where neither learned it, the visits each
// learned), optimizer state in proportion to visits. The next-site head's tensors are laid out by
// vocabulary slot, so theirs are merged site by site over the united vocabulary (the table of what
// follows what, whose columns are slots too, pair by pair); dictionaries are united. Learners
// whose hashing, architecture or optimizer differ cannot be merged.
import { murmur3 } from './hash';
import { Learner } from './learner';
import type { LearnerConfig } from './learner-config';
import type { LearnerSnapshot } from './learner-snapshot';
import { paramShapes, TRANSITION_TENSOR } from './net';
import { MAX_COUNT } from './file-limits';
import { optimizerSlots } from './optimizer';

export class ModelMergeError extends Error {
  override name = 'ModelMergeError';
}

/** Tensors whose values are laid out by next-site slot: `size / vocabSize` values a slot. */
const SLOT_TENSOR_PREFIX = 'next.';

/** What must be equal for two learners' numbers to mean the same, with the words to name it. */
const MUST_MATCH: [keyof LearnerConfig, string][] = [
  ['hashSeed', 'hashing seed'], ['buckets', 'number of buckets'], ['embeddingDim', 'embedding width'], ['hidden', 'dense layers'],
  ['vocabSize', 'number of sites predicted'], ['optimizer', 'optimizer'], ['momentum', 'momentum'],
];

/** Why `other` cannot be merged into `self`, or null when it can. */
export function mergeRefusal(self: LearnerConfig, other: LearnerConfig): string | null {
  for (const [key, words] of MUST_MATCH) {
    if (JSON.stringify(self[key]) !== JSON.stringify(other[key])) {
      return `This model cannot be merged into this one: its ${words} (${JSON.stringify(other[key])}) differs from this model's (${JSON.stringify(self[key])}), so its numbers do not mean the same things. Nothing was changed.`;
    }
  }
  return null;
}

/**
 * `self` and `other` merged. The result keeps `self`'s settings, context, creation date, figures
 * and learning curve (they tell how this model predicted); it has learned the visits of both.
 */
export function mergeLearners(self: Learner, other: Learner): Learner {
  const refusal = mergeRefusal(self.config, other.config);
  if (refusal !== null) throw new ModelMergeError(refusal);
  const a = self.snapshot();
  const b = other.snapshot();
  const total = a.visitsLearned + b.visitsLearned;
  const share = total === 0 ? 0.5 : b.visitsLearned / total; // the other's weight in every average
  const slots = unitedSlots(a, b);
  const stateSlots = optimizerSlots(a.config.optimizer, a.config.momentum);
  const importance = stateSlots.find((slot) => slot === 'sumSquares' || slot === 'v');
  const weights: Record<string, Float32Array> = {};
  const state: Record<string, Float32Array> = {};
  for (const { name } of paramShapes(a.config)) {
    const layout = name.startsWith(SLOT_TENSOR_PREFIX) ? slotLayout(a.weights[name].length, a.config.vocabSize, slots) : null;
    const how = (x: Float32Array, y: Float32Array, mix: Mix) =>
      layout === null ? sameLayout(mix)(x, y) : name === TRANSITION_TENSOR ? bySlotPair(x, y, layout, mix) : bySlot(x, y, layout, mix);
    // How much each learner learned each value: its second moment (the gradients it saw), else its visits.
    const seen = importance === undefined ? null : [a.optimizer.state[`${name}.${importance}`], b.optimizer.state[`${name}.${importance}`]];
    weights[name] = how(a.weights[name], b.weights[name], (x, y, i, j) => {
      if (seen === null) return x[i] * (1 - share) + y[j] * share;
      const [p, q] = [seen[0][i], seen[1][j]];
      return p + q === 0 ? x[i] * (1 - share) + y[j] * share : (x[i] * p + y[j] * q) / (p + q);
    });
    for (const slot of stateSlots) {
      const key = `${name}.${slot}`;
      // Averaged, not added: a sum of both learners' squared gradients would halve the steps of what follows.
      state[key] = how(a.optimizer.state[key], b.optimizer.state[key], (x, y, i, j) => x[i] * (1 - share) + y[j] * share);
    }
  }
  return Learner.restore({
    ...a,
    updatedAt: Math.max(a.updatedAt, b.updatedAt),
    visitsLearned: counted(total),
    // Known only if both know them: an hour either learned at is one the merged model learned at.
    hoursLearned: a.hoursLearned && b.hoursLearned ? a.hoursLearned.map((n, hour) => counted(n + b.hoursLearned![hour])) : null,
    weights,
    optimizer: { steps: counted(a.optimizer.steps + b.optimizer.steps), state },
    vocabulary: { hosts: slots.map((slot) => slot.host), counts: slots.map((slot) => slot.count), increment: 1 },
    dictionary: unitedDictionary(a, b),
  });
}

/** The merged value at `i` of one learner's values and `j` of the other's. */
type Mix = (x: Float32Array, y: Float32Array, i: number, j: number) => number;

/** Values laid out the same in both learners. */
function sameLayout(mix: Mix): (x: Float32Array, y: Float32Array) => Float32Array {
  return (x, y) => x.map((_, i) => mix(x, y, i, i));
}

/** A site of the united vocabulary: its host (or hash), its count in visits, and its slot in each learner (-1: none). */
interface UnitedSlot { host: string | number; count: number; inSelf: number; inOther: number }

/**
 * The sites of both vocabularies, matched by name or by the hash of an unnamed slot, their
 * counts (in visits) added: this learner's in their slots, then the other's new sites; past
 * `vocabSize` sites, the least visited go (the later on ties).
 */
function unitedSlots(a: LearnerSnapshot, b: LearnerSnapshot): UnitedSlot[] {
  const hashOf = (host: string | number) => (typeof host === 'number' ? host : murmur3(`host=${host}`, a.config.hashSeed));
  const united = new Map<number, UnitedSlot>();
  const add = (snapshot: LearnerSnapshot, side: 'inSelf' | 'inOther') => snapshot.vocabulary.hosts.forEach((host, slot) => {
    const hash = hashOf(host);
    const entry = united.get(hash) ?? { host, count: 0, inSelf: -1, inOther: -1 };
    if (typeof entry.host === 'number' && typeof host === 'string') entry.host = host; // a name beats a hash
    entry.count = counted(entry.count + snapshot.vocabulary.counts[slot] / snapshot.vocabulary.increment);
    entry[side] = slot;
    united.set(hash, entry);
  });
  add(a, 'inSelf');
  add(b, 'inOther');
  const sites = [...united.values()];
  const ranked = sites.map((site, i) => ({ site, i })).sort((x, y) => y.site.count - x.site.count || x.i - y.i);
  const kept = new Set(ranked.slice(0, a.config.vocabSize).map(({ site }) => site));
  return sites.filter((site) => kept.has(site));
}

/** Where each merged slot's values come from: its slot in each learner (-1: none), and the values a slot. */
interface SlotLayout { width: number; slots: UnitedSlot[] }

function slotLayout(length: number, vocabSize: number, slots: UnitedSlot[]): SlotLayout {
  return { width: length / vocabSize, slots };
}

/** A slot tensor merged site by site: a site one learner lacks takes the other's values alone. */
function bySlot(x: Float32Array, y: Float32Array, { width, slots }: SlotLayout, mix: Mix): Float32Array {
  const merged = new Float32Array(x.length);
  slots.forEach((slot, s) => {
    for (let k = 0; k < width; k++) {
      const [i, j] = [slot.inSelf * width + k, slot.inOther * width + k];
      merged[s * width + k] = slot.inOther < 0 ? x[i] : slot.inSelf < 0 ? y[j] : mix(x, y, i, j);
    }
  });
  return merged;
}

/**
 * A table of sites by sites merged pair by pair: a pair of sites both learners know mixes both
 * values, a pair only one knows both sites of takes its value, and any other is empty.
 */
function bySlotPair(x: Float32Array, y: Float32Array, { width, slots }: SlotLayout, mix: Mix): Float32Array {
  const merged = new Float32Array(x.length);
  slots.forEach((row, r) => slots.forEach((column, c) => {
    const i = row.inSelf < 0 || column.inSelf < 0 ? -1 : row.inSelf * width + column.inSelf;
    const j = row.inOther < 0 || column.inOther < 0 ? -1 : row.inOther * width + column.inOther;
    merged[r * width + c] = i >= 0 && j >= 0 ? mix(x, y, i, j) : i >= 0 ? x[i] : j >= 0 ? y[j] : 0;
  }));
  return merged;
}

/**
 * Both dictionaries' entries, one a bucket: where both name a bucket, the entry used more (its
 * uses added when both name the same feature). The other's last sightings are counted after this
 * learner's visits; the most recently seen entries are kept, up to the dictionary's size.
 */
function unitedDictionary(a: LearnerSnapshot, b: LearnerSnapshot): LearnerSnapshot['dictionary'] {
  const byBucket = new Map(a.dictionary.entries.map((entry) => [entry.bucket, { ...entry }]));
  for (const entry of b.dictionary.entries) {
    const theirs = { ...entry, lastSeen: counted(entry.lastSeen + a.visitsLearned) };
    const mine = byBucket.get(entry.bucket);
    if (mine === undefined) byBucket.set(entry.bucket, theirs);
    else if (mine.hash === entry.hash) byBucket.set(entry.bucket, { ...mine, name: mine.name || entry.name, uses: counted(mine.uses + entry.uses), lastSeen: Math.max(mine.lastSeen, theirs.lastSeen) });
    else if (entry.uses > mine.uses) byBucket.set(entry.bucket, theirs);
  }
  const entries = [...byBucket.values()].sort((x, y) => y.lastSeen - x.lastSeen || x.bucket - y.bucket).slice(0, a.dictionary.maxSize);
  return { maxSize: a.dictionary.maxSize, entries };
}

/**
 * A sum of both learners' counts, held to what a file may hold: two files each within it can add up
 * past it, and the merged model's own file would then be refused.
 */
function counted(sum: number): number {
  return Math.min(sum, MAX_COUNT);
}
