// The model as the user sees and steers it: overview and curves, insights, reset, export, import,
// and retraining with other settings.
import { decodeModelFile, encodeModelFile, Learner, mergeLearners, mergeRefusal, MODEL_SIZES, sitesNamedIn, type LearnedInsights, type LearnerConfig, type ModelFile } from '../../../model/index';
import type { ImportPreview, Insights, MergePreview, ModelOverview, PlayRequest } from '../../contract-types';
import { InvalidRequest } from '../../errors';
import { isExcluded } from '../../exclusions';
import { holdsEmailAddress } from '../../page-text-rules';
import { database, deleteNewerDatabase } from '../../storage/db';
import { tombstones } from '../../storage/forget';
import { isForgottenSite, type Tombstone } from '../../storage/forgotten';
import { getSettings } from '../../storage/settings';
import { countSites, countVisits, habits } from '../../storage/query';
import { current, currentWithChange, relearn, replace, status, unload } from '../learner-service';
import { clearPredictions } from '../prediction-cache';

export async function onOverview(): Promise<ModelOverview> {
  const db = await database();
  const learner = await current();
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return {
    createdAt: learner.createdAt,
    updatedAt: learner.updatedAt,
    visitsLearned: learner.visitsLearned,
    sites: await countSites(db),
    storedVisits: await countVisits(db),
    storageBytes: estimate?.usage ?? 0,
    config: {
      learningRate: learner.config.learningRate,
      size: learner.config.size,
      parameters: learner.parameters,
      weightBytes: learner.parameters * 4,
    },
    metrics: learner.metrics,
    history: learner.history,
    relearning: status.relearning,
  };
}

export async function onInsights(): Promise<Insights> {
  const { learner, change } = await currentWithChange();
  return { ...insightsOf(learner), habits: await habits(await database()), ...(change && { weekChange: change }) };
}

/**
 * The insights of the model as it is, kept until it changes: they take a forward pass per feature
 * the model knows (thousands after a year), and nothing but learning changes them.
 */
let kept: { learner: Learner; updatedAt: number; visitsLearned: number; insights: LearnedInsights } | undefined;

function insightsOf(learner: Learner): LearnedInsights {
  const { updatedAt, visitsLearned } = learner;
  if (kept?.learner !== learner || kept.updatedAt !== updatedAt || kept.visitsLearned !== visitsLearned) {
    kept = { learner, updatedAt, visitsLearned, insights: learner.insights() };
  }
  return kept.insights;
}

export async function onReset({ wipeData }: { wipeData: boolean }): Promise<ModelOverview> {
  // The way out of a database written by a newer Tabula: the user exported what it holds, and starts again.
  if (wipeData === true && (await deleteNewerDatabase())) unload();
  await replace((model) => Learner.create({ ...model.config, seed: Date.now() >>> 0 }), wipeData === true);
  await clearPredictions(); // they were the old model's
  return onOverview();
}

/**
 * The model file; with `names: false`, one without any host, path, word or title; with
 * `compact: true`, its weights and optimizer state in 8 bits (docs/model-format.md).
 */
export async function onExport(request?: { names?: boolean; compact?: boolean }): Promise<ModelFile> {
  return encodeModelFile(await current(), { names: request?.names !== false, compact: request?.compact === true });
}

export async function onPreviewImport({ file }: { file: unknown }): Promise<ImportPreview> {
  const learner = readModelFile(file); // throws a clear error on a file it would not take
  return describeModel(learner, await refuseForgottenSites(learner, await current()));
}

/**
 * A model file as this Tabula takes it in: decoded (a clear ModelFileError on a bad file), and
 * without the names of features that hold an e-mail address (a file of a Tabula that kept them in
 * paths, or another's), which the popup would show; their weights stay. A file that names a site
 * the user forgot or excludes is then refused (refuseForgottenSites): in the preview, and again in
 * the learner's queue as it is taken in, after any forget queued meanwhile.
 */
function readModelFile(file: unknown): Learner {
  const learner = decodeModelFile(file);
  learner.dictionary.forgetNames(holdsEmailAddress);
  return learner;
}

/**
 * A model learned what it names: a file exported before a site was forgotten (or from a browser
 * that does not exclude it) would bring back what was learned of it, which no relearning here
 * could take out again, since the visits it came from are not here. So such a file is refused,
 * and the way to bring in the rest is said: a data file, whose forgotten and excluded visits are
 * left out as it is imported. Sites are found by name (the next-site head's sites, the features'
 * names and the last sites of its session); a file without names cannot be checked so. A site
 * forgotten and visited again since, which this model names too, is not held against a file.
 * Gives the tombstones it read, which the previews go on to read the file's dates against.
 */
async function refuseForgottenSites(learner: Learner, here: Learner): Promise<Tombstone[]> {
  const db = await database();
  const forgotten = await tombstones(db);
  const { excluded } = await getSettings(db);
  const known = namedSites(here);
  const held = (host: string): boolean => isExcluded(host, '/', excluded) || (isForgottenSite(host, forgotten) && !known.has(host));
  const sites = [...namedSites(learner)].filter(held).length;
  if (sites === 0) return forgotten;
  throw new InvalidRequest(`This model file names ${sites === 1 ? 'a site' : `${sites} sites`} that you have forgotten or exclude here, and `
    + 'taking it in would bring back what it learned of them. To bring the rest of what you browsed, import a data file '
    + 'instead (Data → Import data): the visits you forgot or exclude are left out as it is imported, and the model is '
    + 'relearned from the others.');
}

/** Every site a model names: its next-site head's, its features' and its session's. */
function namedSites(learner: Learner): Set<string> {
  const named = new Set<string>(learner.sessionSites);
  for (const host of learner.vocabulary.snapshot().hosts) if (typeof host === 'string') named.add(host);
  for (const entry of learner.dictionary.all()) for (const host of sitesNamedIn(entry.name)) named.add(host);
  named.delete('');
  return named;
}

function describeModel(learner: Learner, forgotten: readonly Tombstone[]): ImportPreview {
  const mayHoldForgotten = forgottenSinceLearned(learner, forgotten);
  return {
    createdAt: learner.createdAt,
    visitsLearned: learner.visitsLearned,
    sites: learner.sites,
    metrics: learner.metrics,
    size: learner.config.size,
    ...(mayHoldForgotten && { mayHoldForgotten }),
  };
}

/**
 * What a file may hold of a day or a time forgotten here, said before it is taken in. Unlike a
 * forgotten site, which a file names, a forgotten day leaves no trace in a model but its dates:
 * from its first visit learned to its last. A file that began to learn before everything of then
 * was forgotten, or whose learning spans a forgotten day and ended before the day was forgotten,
 * may hold what was learned of it. May, not does: the model this browser relearned right after
 * forgetting a day spans it too, until it learns a visit since. So the preview says it and the
 * user decides; the file is not refused.
 */
function forgottenSinceLearned(learner: Learner, forgotten: readonly Tombstone[]): ImportPreview['mayHoldForgotten'] {
  const { createdAt: first, updatedAt: last } = learner;
  for (const tombstone of forgotten) {
    // The retention's stand-in for older tombstones says nothing of what they were (a pause, a
    // lifted exclusion, a forget): a file is not said to hold a forget it cannot name.
    if (tombstone.scope === 'all' && !tombstone.retention && first < tombstone.at) return { before: tombstone.at };
    if (tombstone.scope === 'day' && first < tombstone.to && last >= tombstone.from && last < tombstone.at) {
      return { day: tombstone.from, forgottenAt: tombstone.at };
    }
  }
  return undefined;
}

export async function onImport({ file }: { file: unknown }): Promise<ModelOverview> {
  const learner = readModelFile(file);
  await replace(async (here) => { // the current model is replaced only once the file has passed
    await refuseForgottenSites(learner, here);
    return learner;
  });
  await clearPredictions();
  return onOverview();
}

/**
 * What a model file to merge knows (its visits, dates, most visited sites), once the file has
 * passed and its hashing and architecture match this model's; else a refusal saying why.
 */
export async function onPreviewMerge({ file }: { file: unknown }): Promise<MergePreview> {
  const other = readModelFile(file);
  const here = await current();
  const refusal = mergeRefusal(here.config, other.config);
  if (refusal !== null) throw new InvalidRequest(refusal);
  const forgotten = await refuseForgottenSites(other, here);
  const { hosts, counts, increment } = other.vocabulary.snapshot();
  const topSites = hosts.map((host, slot) => ({ host: typeof host === 'string' ? host : '', visits: counts[slot] / increment }))
    .sort((a, b) => b.visits - a.visits).slice(0, 8);
  return { ...describeModel(other, forgotten), updatedAt: other.updatedAt, topSites, featureNames: other.dictionary.all().filter((entry) => entry.name !== '').length };
}

/** Merges a model file into this model (model/merge.ts), in the learner's queue, saved in one write. */
export async function onMerge({ file }: { file: unknown }): Promise<ModelOverview> {
  const other = readModelFile(file);
  await replace(async (here) => {
    await refuseForgottenSites(other, here);
    return mergeLearners(here, other);
  });
  await clearPredictions();
  return onOverview();
}

export async function onPlay(request: PlayRequest): Promise<ModelOverview> {
  const { learningRate, size } = request ?? {};
  if (typeof learningRate !== 'number' || !(learningRate >= 1e-4 && learningRate <= 1)) {
    throw new InvalidRequest('The learning rate must be between 0.0001 and 1.');
  }
  if (!MODEL_SIZES.includes(size)) throw new InvalidRequest('The model size is small, medium or large.');
  // The size preset decides the shape, so the current shape is left out of the new settings.
  const { buckets, embeddingDim, hidden, ...settings } = (await current()).config;
  await relearn({ ...settings, learningRate, size } satisfies Partial<LearnerConfig>);
  await clearPredictions();
  return onOverview();
}
