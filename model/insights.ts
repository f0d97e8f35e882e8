// What the model has learned, read from its weights: the features with the largest effects
// on each head, the effect of each hour on engagement, the features that drive the first
// layer's units, a picture of the first layer's rows for the most used features, and one of the
// table of which site follows which.
// A feature's effect here is its effect alone: the prediction for an input holding only that
// feature, minus the prediction for an empty input. And a map of the sites.
import type { DictionaryEntry } from './dictionary';
import { EncodedInput } from './encoded-input';
import { bySize, outputsOf, type Contribution, type Outputs } from './explain';
import { featureKind, isNumberWord } from './feature-names';
import { bucketOf, signOf } from './hash';
import type { LearnerParts } from './learner-parts';
import { siteMap, type SiteMap } from './site-map';

export interface HiddenUnit {
  unit: number;
  /** Features that drive this unit most strongly. */
  top: Contribution[];
}

export interface LearnedInsights {
  /** Of each kind of feature (feature-names.ts), the largest effects on each head, the features held back left out. */
  topFeatures: { engaged: Contribution[]; activeTime: Contribution[]; next: Contribution[] };
  /** Features held back from topFeatures: seen on one visit only, or title words and keywords made of digits. */
  heldBack: number;
  /** What the model says with no feature at all: where each feature's effect alone starts from. */
  baseline: { engaged: number; activeSeconds: number };
  /**
   * Learned effect of each hour of the day on engagement (24 values): the change of the chance of
   * an engaged visit; null for an hour at which no engagement was learned (no visit of a known
   * engagement: a visit from the browser's history has none), counted as it learns
   * (`counters.hoursLearned`). For a model whose hours are not known (read from a file of version 4
   * or before), null where the hour's weights are where they started, or its bucket holds another
   * feature too (`hourShared`).
   */
  hourEffect: (number | null)[];
  /**
   * For each hour of a model whose hours are not known, whether the feature last seen in its bucket
   * is another one (hashes collide): the bucket's weights moved with that feature as well, and maybe
   * with it alone, so the hour has no effect of its own to show. All false when the hours are known.
   */
  hourShared: boolean[];
  hiddenUnits: HiddenUnit[];
  /** A picture of the first layer: rows are the most used features, columns the embedding. */
  weights: { rows: string[]; cols: number; values: number[] };
  /** The most visited sites placed by how alike the next-site head's rows score them (see site-map.ts). */
  siteMap: SiteMap;
  /**
   * A picture of the next-site head's table of which site follows which, for the most visited
   * sites (most visited first): `values[r × sites.length + c]` is the weight of site c after site r,
   * less row r's mean over every site the head knows.
   */
  following: { sites: string[]; values: number[] };
}

/** Features kept of each kind, for each head: five are shown, the rest one click away. */
const TOP_PER_KIND = 20;
const HIDDEN_UNITS = 8;
const FEATURES_PER_UNIT = 5;
const PICTURE_ROWS = 16;
const FOLLOWING_SITES = 10;
/** How a site or feature read from a model file without names is shown until it is seen again. */
const UNNAMED_SITE = 'an unnamed site';

function labelOf(entry: DictionaryEntry): string {
  return entry.name === '' ? `unnamed feature ${entry.bucket}` : entry.name;
}

/** Each feature's effect alone on each head (of the features not held back), and how many were held back. */
export interface EffectsAlone {
  engaged: Contribution[];
  activeTime: Contribution[];
  /** For each feature, the site whose chance it raises most, and by how much. */
  next: Contribution[];
  heldBack: number;
  empty: Outputs;
}

/** With `mostUsed`, of that many of the features seen on the most visits only (a forward pass each). */
export function effectsAlone(parts: LearnerParts, mostUsed?: number): EffectsAlone {
  const entries = mostUsed === undefined ? parts.dictionary.all().sort((a, b) => a.bucket - b.bucket) : parts.dictionary.mostUsed(mostUsed);
  const input = new EncodedInput();
  const empty = outputsOf(parts, input);
  const engaged: Contribution[] = [];
  const activeTime: Contribution[] = [];
  const next: Contribution[] = [];
  // A site's feature alone brings what usually follows that site (explain.ts).
  const siteSlots = parts.vocabulary.slotsByHash();
  let heldBack = 0;
  for (const entry of entries) {
    if (isHeldBack(entry)) {
      heldBack++;
      continue;
    }
    const alone = outputsOf(parts, single(input, entry.bucket, signOf(entry.hash)), siteSlots.get(entry.hash) ?? -1);
    engaged.push({ feature: labelOf(entry), effect: alone.engaged - empty.engaged });
    activeTime.push({ feature: labelOf(entry), effect: alone.activeSeconds - empty.activeSeconds });
    const pushed = strongestPush(alone, empty);
    if (pushed.slot >= 0) next.push({ feature: `${labelOf(entry)} → ${parts.vocabulary.hostOf(pushed.slot) || UNNAMED_SITE}`, effect: pushed.effect });
  }
  return { engaged, activeTime, next, heldBack, empty };
}

export function insights(parts: LearnerParts): LearnedInsights {
  const { engaged, activeTime, next, heldBack, empty } = effectsAlone(parts);
  const input = new EncodedInput();
  const entries = parts.dictionary.all().sort((a, b) => a.bucket - b.bucket);
  const learnedAt = parts.counters.hoursLearned;
  const hours = Array.from({ length: 24 }, (_, hour) => {
    const hash = parts.hasher.hash('hour', String(hour));
    const bucket = bucketOf(hash, parts.config.buckets);
    if (learnedAt !== null) return { hash, bucket, learned: learnedAt[hour] > 0, shared: false };
    // Not known (a model of a file of version 4 or before): an hour is judged by its bucket, whose
    // wide weight starts at 0 and moves with every engagement learned in it, and which another
    // feature seen in it last (hashes collide; the dictionary keeps hashes as int32) shares.
    const named = parts.dictionary.get(bucket);
    const shared = named !== undefined && named.hash !== (hash | 0);
    return { hash, bucket, learned: !shared && parts.net.wide.weight.value[bucket * parts.net.wide.outputs] !== 0, shared };
  });
  return {
    topFeatures: {
      engaged: largestOfEachKind(bySize(engaged)),
      activeTime: largestOfEachKind(bySize(activeTime)),
      next: largestOfEachKind(next.sort((a, b) => b.effect - a.effect || a.feature.localeCompare(b.feature))),
    },
    heldBack,
    baseline: { engaged: empty.engaged, activeSeconds: empty.activeSeconds },
    hourEffect: hours.map(({ hash, bucket, learned }) => (learned ? outputsOf(parts, single(input, bucket, signOf(hash))).engaged - empty.engaged : null)),
    hourShared: hours.map(({ shared }) => shared),
    hiddenUnits: hiddenUnits(parts, entries),
    weights: picture(parts),
    siteMap: siteMap(parts),
    following: following(parts),
  };
}

/**
 * Too thin to say what the model learned: a feature seen on one visit only (its effect is that
 * visit's), or a title word or keyword made of digits (a year, a count, an issue number).
 */
export function isHeldBack(entry: DictionaryEntry): boolean {
  return entry.uses < 2 || isNumberWord(entry.name);
}

/** The first TOP_PER_KIND of each kind, in the order given (largest first). */
function largestOfEachKind(sorted: Contribution[]): Contribution[] {
  const taken = new Map<string, number>();
  return sorted.filter(({ feature }) => {
    const kind = featureKind(feature);
    const before = taken.get(kind) ?? 0;
    taken.set(kind, before + 1);
    return before < TOP_PER_KIND;
  });
}

function single(input: EncodedInput, bucket: number, sign: number): EncodedInput {
  input.count = 1;
  input.buckets[0] = bucket;
  input.signs[0] = sign;
  return input;
}

/** The site whose probability a feature raises most, and by how much. */
function strongestPush(alone: Outputs, empty: Outputs): { slot: number; effect: number } {
  let best = { slot: -1, effect: 0 };
  for (let slot = 0; slot < alone.next.length; slot++) {
    const effect = alone.next[slot] - empty.next[slot];
    if (effect > best.effect) best = { slot, effect };
  }
  return best;
}

/** The first layer's units that weigh most in the heads, each with the features of largest weight into it. */
function hiddenUnits(parts: LearnerParts, entries: DictionaryEntry[]): HiddenUnit[] {
  const { embedding } = parts.net;
  const dim = embedding.dim;
  const rows = embedding.weight.value;
  const units = Array.from({ length: dim }, (_, unit) => ({ unit, weight: outgoingWeight(parts, unit) }))
    .sort((a, b) => b.weight - a.weight || a.unit - b.unit)
    .slice(0, HIDDEN_UNITS);
  return units.map(({ unit }) => ({
    unit,
    top: bySize(entries.map((entry) => ({ feature: labelOf(entry), effect: signOf(entry.hash) * rows[entry.bucket * dim + unit] })))
      .slice(0, FEATURES_PER_UNIT),
  }));
}

/** Sum of the absolute weights leaving a first-layer unit. */
function outgoingWeight(parts: LearnerParts, unit: number): number {
  const { net } = parts;
  const first = net.layers.length > 0 ? [net.layers[0].dense] : [net.engaged, net.activeTime];
  let sum = 0;
  for (const layer of first) {
    for (let o = 0; o < layer.outputs; o++) sum += Math.abs(layer.weight.value[o * layer.inputs + unit]);
  }
  if (net.layers.length === 0) {
    const next = net.next.weight.value;
    for (let slot = 0; slot < parts.vocabulary.occupied; slot++) sum += Math.abs(next[slot * net.width + unit]);
  }
  return sum;
}

/** Rows of the first layer (signed as the features use them) for the most used features. */
function picture(parts: LearnerParts): LearnedInsights['weights'] {
  const dim = parts.net.embedding.dim;
  const rows = parts.net.embedding.weight.value;
  const used = parts.dictionary.mostUsed(PICTURE_ROWS);
  const values: number[] = [];
  for (const entry of used) {
    const sign = signOf(entry.hash);
    for (let j = 0; j < dim; j++) values.push(sign * rows[entry.bucket * dim + j]);
  }
  return { rows: used.map(labelOf), cols: dim, values };
}

/**
 * The table of which site follows which, between the most visited named sites (ties: the lower
 * slot first; an unnamed site, read from a file without names, is left out until it is seen).
 * Each row is shown less its mean over the occupied sites: the same number added to a whole row
 * changes no prediction, so what a row says is how each site stands against the others.
 */
function following({ net, vocabulary }: LearnerParts): LearnedInsights['following'] {
  const table = net.next.transition;
  const occupied = vocabulary.occupied;
  const slots = Array.from({ length: occupied }, (_, slot) => slot)
    .filter((slot) => vocabulary.hostOf(slot) !== '')
    .sort((a, b) => vocabulary.visits(b) - vocabulary.visits(a) || a - b)
    .slice(0, FOLLOWING_SITES);
  return {
    sites: slots.map((slot) => vocabulary.hostOf(slot)),
    values: slots.flatMap((from) => {
      const row = table.value.subarray(from * table.cols, from * table.cols + occupied);
      const mean = row.reduce((sum, weight) => sum + weight, 0) / occupied;
      return slots.map((to) => row[to] - mean);
    }),
  };
}
