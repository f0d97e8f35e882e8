// The background's learner on fake-indexeddb: resuming from a checkpoint after the worker is
// stopped, exact unlearning on forget (also when stopped halfway), reset, refused imports, and a
// full disk. A stopped worker is simulated by loading the modules anew (vi.resetModules) on the
// same database: whatever lived only in memory is gone, as in a real worker.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeModelFile, Learner, type LearnerConfig, type LearnerSnapshot } from '../../model/index';
import type { StoredVisit } from '../../extension/contract-types';
import { asVersionThree } from '../../harness/older-model-versions';
import { update, visitAt } from './fixtures';

const T0 = new Date(2026, 10, 20, 9, 0).getTime();

interface Background {
  service: typeof import('../../extension/background/learner-service');
  storage: typeof import('../../extension/storage/db');
  visits: typeof import('../../extension/storage/visits');
  forget: typeof import('../../extension/storage/forget');
  pressure: typeof import('../../extension/storage/pressure');
  modelHandlers: typeof import('../../extension/background/handlers/model');
  db: import('../../extension/storage/db').Database;
}
let background: Background | undefined;

/** Starts a background as a woken worker does: fresh modules, the database as it was left. */
async function wake(): Promise<Background> {
  vi.resetModules();
  const service = await import('../../extension/background/learner-service');
  const storage = await import('../../extension/storage/db');
  const visits = await import('../../extension/storage/visits');
  const forget = await import('../../extension/storage/forget');
  const pressure = await import('../../extension/storage/pressure');
  const modelHandlers = await import('../../extension/background/handlers/model');
  const db = await storage.database();
  background = { service, storage, visits, forget, pressure, modelHandlers, db };
  return background;
}

/** Stops the background at once: no pending save runs, the connection goes. */
/** A background that learned six visits and saved its checkpoint, and that checkpoint as stored. */
async function savedAfterSixVisits() {
  const it = await wake();
  await browse(it, 6);
  await it.service.catchUp();
  await it.service.flush();
  return { it, checkpoint: (await it.db.get('model', 'checkpoint'))! };
}

function kill(it: Background): void {
  it.service.unload();
  it.storage.closeDatabase();
  background = undefined;
}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory(); // a new, empty browser profile
});
afterEach(() => {
  if (background) kill(background);
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

let visitNumber = 0;
/** Finishes `count` visits, alternating over `hosts`, a minute apart (one browsing session). */
async function browse(it: Background, count: number, hosts = ['a.example', 'b.example', 'c.example']): Promise<void> {
  for (let i = 0; i < count; i++) {
    const n = visitNumber++;
    const visit = visitAt(hosts[n % hosts.length], T0 + n * 60_000, { activeMs: 5_000 + (n % 7) * 9_000, clicks: n % 4, endedAt: T0 + n * 60_000 + 50_000 });
    await it.visits.recordUpdate(it.db, update(visit, true, `visit-key-${String(n).padStart(6, '0')}`), 1);
  }
}

async function storedInSeqOrder(it: Background): Promise<StoredVisit[]> {
  return it.visits.visitsAfter(it.db, 0);
}

/** The model a fresh learner makes of these visits, in this order. */
function trainedOn(visits: StoredVisit[], config: Partial<LearnerConfig> = {}): LearnerSnapshot {
  const learner = Learner.create(config);
  for (const visit of visits) learner.observe(visit);
  return learner.snapshot();
}

/** Same weights, same optimizer state, same count: the same model, to the bit. */
function expectSameModel(actual: LearnerSnapshot, expected: LearnerSnapshot): void {
  expect(actual.visitsLearned).toBe(expected.visitsLearned);
  expect(Object.keys(actual.weights)).toEqual(Object.keys(expected.weights));
  for (const name of Object.keys(expected.weights)) {
    expect(Buffer.from(actual.weights[name].buffer).equals(Buffer.from(expected.weights[name].buffer)), `weights ${name}`).toBe(true);
  }
  for (const name of Object.keys(expected.optimizer.state)) {
    expect(Buffer.from(actual.optimizer.state[name].buffer).equals(Buffer.from(expected.optimizer.state[name].buffer)), `optimizer ${name}`).toBe(true);
  }
}

describe('checkpoint and resume', () => {
  it('learns exactly the visits after the checkpoint when woken, whatever was lost from memory', async () => {
    let it = await wake();
    await browse(it, 10);
    expect(await it.service.catchUp()).toBe(10); // 10 ≥ 8: checkpointed at once
    expect((await it.storage.database().then((db) => db.get('model', 'checkpoint')))?.lastSeq).toBe(10);
    await browse(it, 3);
    expect(await it.service.catchUp()).toBe(3); // learned in memory, save only scheduled
    kill(it); // stopped before the scheduled save
    it = await wake();
    await browse(it, 2); // finished while the background slept
    expect(await it.service.catchUp()).toBe(5); // the 3 lost from memory and the 2 new, nothing twice
    expect(it.service.status.learnedTwice).toBe(0);
    expectSameModel((await it.service.current()).snapshot(), trainedOn(await storedInSeqOrder(it)));
  });

  it('keeps learning new visits after the visits holding the highest seqs were deleted', async () => {
    let it = await wake();
    await browse(it, 4);
    expect(await it.service.catchUp()).toBe(4);
    await it.service.flush();
    // Retention deletes every stored visit (all older than a day here), and the model is relearned
    // from what is kept: a background stopped before that relearns when it wakes.
    expect((await it.forget.applyRetention(it.db, 1, 1, T0 + 400 * 86_400_000)).visits).toBe(4);
    kill(it);
    it = await wake();
    await browse(it, 1);
    const [fresh] = await storedInSeqOrder(it);
    expect(fresh.seq).toBe(5); // a seq no visit had, so never mistaken for one learned
    expect(await it.service.catchUp()).toBe(1);
    expect((await it.service.current()).visitsLearned).toBe(1);
  });

  it('relearns after retention, so a site known only from deleted visits leaves the model', async () => {
    const it = await wake();
    await browse(it, 6, ['old.example']);
    visitNumber += 60 * 24 * 5; // five days later
    await browse(it, 6, ['a.example', 'b.example']);
    await it.service.catchUp();
    expect((await it.service.current()).snapshot().vocabulary.hosts).toContain('old.example');
    const result = await it.service.applyRetentionAndRelearn(3, 3, T0 + 6 * 86_400_000);
    expect(result).toMatchObject({ visits: 6, relearned: 6 });
    const model = (await it.service.current()).snapshot();
    expectSameModel(model, trainedOn(await storedInSeqOrder(it)));
    expect(JSON.stringify(model)).not.toContain('old.example');
  });

  it('never keeps or saves a model made unsound by a visit: takes back the last sound one and goes on without that visit', async () => {
    const it = await wake();
    await browse(it, 4);
    await it.service.catchUp();
    await it.service.flush();
    const { Learner: FreshLearner } = await import('../../model/index'); // the class the woken background uses
    const poisoned = new WeakSet<object>();
    const observe = FreshLearner.prototype.observe;
    vi.spyOn(FreshLearner.prototype, 'observe').mockImplementation(function (this: Learner, visit) {
      const scored = observe.call(this, visit);
      if (visit.host === 'poison.example') poisoned.add(this);
      return scored;
    });
    vi.spyOn(FreshLearner.prototype, 'healthy', 'get').mockImplementation(function (this: Learner) {
      return !poisoned.has(this);
    });
    await browse(it, 1, ['poison.example']);
    await browse(it, 2);
    await it.service.catchUp();
    const model = await it.service.current();
    expect(model.healthy).toBe(true);
    expect(model.visitsLearned).toBe(6); // the 4 before and the 2 after, not the one that broke it
    expect(model.snapshot().vocabulary.hosts).not.toContain('poison.example');
    expect(it.service.status.unsoundAt).toBeGreaterThan(0);
    await it.service.flush();
    expect((await it.db.get('model', 'checkpoint'))?.snapshot.vocabulary.hosts).not.toContain('poison.example');
  });

  it('keeps the model as it was when Play\'s new settings make it unsound, says so, and does not pass over the visit afterwards', async () => {
    const it = await wake();
    await browse(it, 3);
    await browse(it, 1, ['spiky.example']);
    await browse(it, 3);
    await it.service.catchUp();
    await it.service.flush();
    const before = JSON.stringify(encodeModelFile(await it.service.current()));
    const { Learner: FreshLearner } = await import('../../model/index');
    const broken = new WeakSet<object>();
    const observe = FreshLearner.prototype.observe;
    // Only a learner at a learning rate of 1 goes unsound, and only on that visit.
    vi.spyOn(FreshLearner.prototype, 'observe').mockImplementation(function (this: Learner, visit) {
      const scored = observe.call(this, visit);
      if (visit.host === 'spiky.example' && this.config.learningRate === 1) broken.add(this);
      return scored;
    });
    vi.spyOn(FreshLearner.prototype, 'healthy', 'get').mockImplementation(function (this: Learner) {
      return !broken.has(this);
    });
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.stubGlobal('navigator', {});
    await expect(it.modelHandlers.onPlay({ learningRate: 1, size: 'medium' })).rejects.toThrow(/went unsound as it learned .* so it was kept as it was/);
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).toBe(before);
    // Back at the settings in force, a relearning learns that visit again.
    await it.service.relearn();
    const model = await it.service.current();
    expect(model.visitsLearned).toBe(7);
    expect(model.snapshot().vocabulary.hosts).toContain('spiky.example');
  });

  it('relearns from the stored visits a checkpoint of the model before the wide path, which it cannot restore', async () => {
    let { it, checkpoint } = await savedAfterSixVisits();
    // As a Tabula of model version 1 stored it: no wide path's weights or optimizer state.
    delete checkpoint.snapshot.weights['wide.weight'];
    delete checkpoint.snapshot.optimizer.state['wide.weight.sumSquares'];
    await it.db.put('model', checkpoint, 'checkpoint');
    kill(it);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    it = await wake();
    const model = await it.service.current();
    expectSameModel(model.snapshot(), trainedOn(await storedInSeqOrder(it)));
    expect(model.net.wide.weight.value.some((w) => w !== 0)).toBe(true);
  });

  it('relearns from the stored visits a checkpoint of model version 2, whose words weighed a whole token each', async () => {
    let { it, checkpoint } = await savedAfterSixVisits();
    // As a Tabula of model version 2 stored it: the same tensors, and no model version.
    const { modelVersion: _none, ...versionTwo } = checkpoint.snapshot;
    await it.db.put('model', { ...checkpoint, snapshot: versionTwo as typeof checkpoint.snapshot }, 'checkpoint');
    kill(it);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    it = await wake();
    const model = await it.service.current();
    expectSameModel(model.snapshot(), trainedOn(await storedInSeqOrder(it)));
    expect(model.snapshot().modelVersion).toBe(5);
    expect(console.error).toHaveBeenCalledWith('Tabula could not restore its model; relearning it from the stored visits', expect.any(RangeError));
  });

  it('keeps a checkpoint of model version 3, with an empty table of what follows what, instead of relearning', async () => {
    let { it, checkpoint } = await savedAfterSixVisits();
    // As a Tabula of model version 3 stored it: no table.
    const versionThree = asVersionThree(checkpoint.snapshot, 'modelVersion');
    await it.db.put('model', { ...checkpoint, snapshot: versionThree }, 'checkpoint');
    kill(it);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    it = await wake();
    const model = await it.service.current();
    expect(errors).not.toHaveBeenCalled();
    expect(model.snapshot().modelVersion).toBe(5);
    expect(model.net.next.transition.value.every((w) => w === 0)).toBe(true);
    for (const [name, values] of Object.entries(versionThree.weights)) expect(model.snapshot().weights[name], name).toEqual(values);
    // Relearning would have learned a table from the stored visits' moves.
    expect(trainedOn(await storedInSeqOrder(it)).weights['next.transition'].some((w) => w !== 0)).toBe(true);
  });

  it('skips and counts a stored visit it cannot read, and goes on learning', async () => {
    const it = await wake();
    await browse(it, 3);
    const [first] = await storedInSeqOrder(it);
    const { title: _dropped, ...damaged } = first;
    await it.db.put('visits', damaged as never);
    expect(await it.service.catchUp()).toBe(3);
    expect(it.service.status.unreadableVisits).toBe(1);
    await browse(it, 1);
    expect(await it.service.catchUp()).toBe(1);
    expect((await it.service.current()).visitsLearned).toBe(3);
  });
});

describe('forget', () => {
  it('relearns: the model equals a fresh learner over the remaining visits', async () => {
    const it = await wake();
    await browse(it, 12);
    const before = (await it.service.current()).snapshot();
    const result = await it.service.forget({ scope: 'site', host: 'b.example' });
    expect(result).toMatchObject({ visits: 4, relearned: 8 });
    const remaining = await storedInSeqOrder(it);
    expect(remaining.map((visit) => visit.host)).not.toContain('b.example');
    const after = (await it.service.current()).snapshot();
    expectSameModel(after, trainedOn(remaining));
    expect(after.weights['embedding.weight']).not.toEqual(before.weights['embedding.weight']);
  });

  it('unlearns even when the background is stopped between the removal and the relearning', async () => {
    let it = await wake();
    await browse(it, 12);
    await it.service.current();
    await it.service.flush();
    await it.forget.forgetData(it.db, { scope: 'site', host: 'c.example' }); // the removal alone, then death
    kill(it);
    it = await wake();
    const model = (await it.service.current()).snapshot();
    expectSameModel(model, trainedOn(await storedInSeqOrder(it)));
    expect(model.vocabulary.hosts).not.toContain('c.example');
  });

  it('takes a correction asked for while it waited in the queue with the visit: the model never learns it', async () => {
    const it = await wake();
    await browse(it, 12);
    await it.service.catchUp();
    const open = visitAt('clinic.example', T0 + 30 * 60_000, { endedAt: T0 + 31 * 60_000 });
    const { id } = (await it.visits.recordUpdate(it.db, update(open, false, 'clinic-open'), 7)) as { id: number };
    // The Data view forgets the site while the learner is busy; the popup's correction of the open page comes meanwhile.
    const busy = it.service.catchUp();
    const forgetting = it.service.forget({ scope: 'site', host: 'clinic.example' });
    const correcting = it.service.correct(id, 'useful');
    await Promise.all([busy, forgetting]);
    expect(await correcting).toBe(false);
    expect(await it.db.count('visits')).toBe(12);
    expectSameModel((await it.service.current()).snapshot(), trainedOn(await storedInSeqOrder(it)));
  });

  it('keeps and learns a correction of a visit still stored', async () => {
    const it = await wake();
    await browse(it, 12);
    const open = visitAt('docs.example', T0 + 30 * 60_000, { endedAt: T0 + 31 * 60_000 });
    const { id } = (await it.visits.recordUpdate(it.db, update(open, false, 'docs-open'), 7)) as { id: number };
    const before = (await it.service.current()).snapshot();
    expect(await it.service.correct(id, 'not-interested')).toBe(true);
    expect((await it.db.get('visits', id))?.feedback).toBe('not-interested');
    expect((await it.service.current()).snapshot().weights['engaged.weight']).not.toEqual(before.weights['engaged.weight']);
  });
});

describe('insights', () => {
  it('are worked out once for a model as it is, and again once it has learned or been relearned', async () => {
    const it = await wake();
    await browse(it, 12);
    const { Learner: WokenLearner } = await import('../../model/index'); // the module instance the woken background uses
    const worked = vi.spyOn(WokenLearner.prototype, 'insights');
    const first = await it.modelHandlers.onInsights();
    expect(await it.modelHandlers.onInsights()).toEqual(first);
    expect(worked).toHaveBeenCalledTimes(1);
    await browse(it, 1);
    const learned = await it.modelHandlers.onInsights();
    expect(worked).toHaveBeenCalledTimes(2);
    const { habits, weekChange } = learned; // the stored visits' grid and the week's marks, beside the model's own insights
    expect(learned).toEqual({ ...(await it.service.current()).insights(), habits, ...(weekChange && { weekChange }) });
    await it.service.forget({ scope: 'site', host: 'a.example' });
    const after = await it.modelHandlers.onInsights();
    expect(after.siteMap.points.map((point) => point.host)).not.toContain('a.example');
    expect(after).not.toEqual(learned);
  });
});

describe('reset', () => {
  it('starts a new model that learns only the visits finished afterwards', async () => {
    const it = await wake();
    await browse(it, 6);
    await it.service.catchUp();
    await it.service.replace((model) => Learner.create({ ...model.config, seed: 7 }));
    expect((await it.service.current()).visitsLearned).toBe(0);
    await browse(it, 2);
    expect(await it.service.catchUp()).toBe(2);
    expect(await it.db.count('visits')).toBe(8);
    expectSameModel((await it.service.current()).snapshot(), trainedOn((await storedInSeqOrder(it)).slice(6), { seed: 7 }));
  });

  it('with the data wiped, forgets every visit and keeps learning new ones', async () => {
    let it = await wake();
    await browse(it, 6);
    await it.service.catchUp();
    await it.service.replace((model) => Learner.create({ ...model.config, seed: 9 }), true);
    expect(await it.db.count('visits')).toBe(0);
    kill(it);
    it = await wake();
    expect((await it.service.current()).visitsLearned).toBe(0);
    // A page opened after the reset (one opened before it, still reporting, stays forgotten).
    visitNumber = Math.ceil((Date.now() - T0) / 60_000) + 1;
    await browse(it, 1);
    expect((await it.service.current()).visitsLearned).toBe(1);
  });
});

describe('import', () => {
  it('refuses a bad file and leaves the model and its checkpoint untouched', async () => {
    const it = await wake();
    await browse(it, 9);
    const before = encodeModelFile(await it.service.current());
    const checkpoint = await it.db.get('model', 'checkpoint');
    expect(checkpoint?.lastSeq).toBe(9);
    const weights = before.weights as Record<string, string>;
    const truncated = { ...before, weights: { ...weights, 'embedding.weight': weights['embedding.weight'].slice(0, 64) } };
    await expect(it.modelHandlers.onImport({ file: truncated })).rejects.toThrow(/embedding/);
    await expect(it.modelHandlers.onImport({ file: { format: 'tabula-model', version: 99 } })).rejects.toThrow(/version/);
    await expect(it.modelHandlers.onImport({ file: 'not json at all' })).rejects.toThrow();
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).toBe(JSON.stringify(before));
    const after = await it.db.get('model', 'checkpoint');
    expect(after?.savedAt).toBe(checkpoint?.savedAt);
    expectSameModel(after!.snapshot, checkpoint!.snapshot);
  });
});

describe('merge', () => {
  /** Another browser's model file: a learner of the same settings that learned other visits. */
  function otherBrowsersFile(config: Partial<LearnerConfig> = {}) {
    const other = Learner.create(config);
    for (let n = 0; n < 40; n++) other.observe(visitAt(['phone.example', 'a.example'][n % 2], T0 - 86_400_000 + n * 60_000, { activeMs: 20_000, clicks: 1 }));
    return { file: JSON.stringify(encodeModelFile(other)), learner: other };
  }

  it('shows what the other model knows, then merges it in the learner\'s queue and saves it in one write', async () => {
    const it = await wake();
    await browse(it, 12);
    const own = await it.service.current();
    const { file, learner: other } = otherBrowsersFile();
    vi.stubGlobal('navigator', {}); // the overview asks for a storage estimate where there is one
    const preview = await it.modelHandlers.onPreviewMerge({ file });
    expect(preview).toMatchObject({ visitsLearned: 40, sites: 2, updatedAt: other.updatedAt });
    expect(preview.topSites.map((site) => site.host).sort()).toEqual(['a.example', 'phone.example']);
    expect((await it.service.current()).visitsLearned).toBe(12); // a preview changes nothing
    const expected = (await import('../../model/index')).mergeLearners(Learner.restore(own.snapshot()), other).snapshot();
    const overview = await it.modelHandlers.onMerge({ file });
    expect(overview.visitsLearned).toBe(52);
    const checkpoint = await it.db.get('model', 'checkpoint');
    expect(checkpoint?.lastSeq).toBe(12);
    expectSameModel(checkpoint!.snapshot, expected);
    kill(it);
    const woken = await wake(); // the merged model is the one stored
    expect((await woken.service.current()).visitsLearned).toBe(52);
    expect((await woken.service.current()).snapshot().vocabulary.hosts).toContain('phone.example');
  });

  it('takes in no feature name holding an e-mail address, imported or merged; the weights stay', async () => {
    const it = await wake();
    await browse(it, 4);
    const other = Learner.create({});
    // A file of a Tabula that kept e-mail addresses in paths.
    for (let n = 0; n < 10; n++) other.observe(visitAt('mail.example', T0 - 86_400_000 + n * 60_000, { path: '/mail/jane.doe@example.org/inbox', clicks: 1 }));
    const file = JSON.stringify(encodeModelFile(other));
    expect(file).toContain('jane.doe@example.org');
    vi.stubGlobal('navigator', {});
    await it.modelHandlers.onMerge({ file });
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).not.toContain('jane.doe@example.org');
    await it.modelHandlers.onImport({ file });
    const imported = await it.service.current();
    const text = JSON.stringify(encodeModelFile(imported));
    expect(text).not.toContain('jane.doe@example.org');
    expect(text).toContain('mail.example'); // other names stay
    expect(imported.snapshot().weights).toEqual(other.snapshot().weights);
  });

  it('refuses a model file that names a site forgotten since it was exported, imported or merged, and keeps the model', async () => {
    const it = await wake();
    await browse(it, 9);
    const exported = JSON.stringify(encodeModelFile(await it.service.current()));
    expect(exported).toContain('c.example');
    await it.service.forget({ scope: 'site', host: 'c.example' }); // relearned from the visits left
    const before = JSON.stringify(encodeModelFile(await it.service.current()));
    expect(before).not.toContain('c.example');
    vi.stubGlobal('navigator', {});
    const refused = /names a site that you have forgotten or exclude here.*import a data file instead \(Data → Import data\)/;
    await expect(it.modelHandlers.onPreviewImport({ file: exported })).rejects.toThrow(refused);
    await expect(it.modelHandlers.onImport({ file: exported })).rejects.toThrow(refused);
    await expect(it.modelHandlers.onPreviewMerge({ file: exported })).rejects.toThrow(refused);
    await expect(it.modelHandlers.onMerge({ file: exported })).rejects.toThrow(refused);
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).toBe(before);
    // A model naming the site only as where a visit came from is refused too; one that does not name it is taken.
    const cameFrom = Learner.create({});
    for (let n = 0; n < 6; n++) cameFrom.observe(visitAt('a.example', T0 - 86_400_000 + n * 60_000, { referrerHost: n === 0 ? 'www.c.example' : '' }));
    await expect(it.modelHandlers.onImport({ file: JSON.stringify(encodeModelFile(cameFrom)) })).rejects.toThrow(refused);
    // Nor one whose session ended on it (the next page would be learned as coming after it).
    const endedOn = Learner.create({});
    endedOn.observe(visitAt('www.c.example', T0 - 86_400_000, { activeMs: 0 }));
    const endedFile = encodeModelFile(endedOn);
    endedFile.weights = encodeModelFile(Learner.create({})).weights; // no trace of it but the session's last site
    const stripped = { ...endedFile, vocabulary: { ...(endedFile.vocabulary as object), hosts: [], counts: [] }, dictionary: { ...(endedFile.dictionary as object), entries: [] } };
    await expect(it.modelHandlers.onImport({ file: JSON.stringify(stripped) })).rejects.toThrow(refused);
    // Nor one whose session went through it three sites back.
    const threeBack = { ...stripped, context: { ...(endedFile.context as object), lastHost: 'a.example', lastPrev1: 'b.example', lastPrev2: 'www.c.example' } };
    await expect(it.modelHandlers.onImport({ file: JSON.stringify(threeBack) })).rejects.toThrow(refused);
    const { file } = otherBrowsersFile();
    await it.modelHandlers.onImport({ file });
    expect((await it.service.current()).visitsLearned).toBe(40);
  });

  it('takes a model file naming a site forgotten, then visited again: this model names it again too', async () => {
    const it = await wake();
    await browse(it, 9);
    const exported = JSON.stringify(encodeModelFile(await it.service.current()));
    await it.service.forget({ scope: 'site', host: 'c.example' });
    vi.stubGlobal('navigator', {});
    await expect(it.modelHandlers.onPreviewImport({ file: exported })).rejects.toThrow(/forgotten or exclude here/);
    visitNumber = Math.ceil((Date.now() - T0) / 60_000) + 1; // visits begun after the forget are new ones
    await browse(it, 3);
    await it.service.catchUp();
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).toContain('c.example');
    expect((await it.modelHandlers.onPreviewImport({ file: exported })).visitsLearned).toBe(9);
  });

  it('refuses a model file that names a site this browser excludes, until it is taken off the list', async () => {
    const it = await wake();
    await browse(it, 4);
    const { file } = otherBrowsersFile(); // phone.example and a.example
    const settings = await import('../../extension/storage/settings');
    const { excluded } = await settings.getSettings(it.db);
    await settings.updateSettings(it.db, { excluded: [...excluded, '*phone*'] });
    vi.stubGlobal('navigator', {});
    await expect(it.modelHandlers.onPreviewMerge({ file })).rejects.toThrow(/names a site that you have forgotten or exclude here/);
    await expect(it.modelHandlers.onMerge({ file })).rejects.toThrow(/forgotten or exclude/);
    expect((await it.service.current()).visitsLearned).toBe(4);
    await settings.updateSettings(it.db, { excluded });
    expect((await it.modelHandlers.onMerge({ file })).visitsLearned).toBe(44);
  });

  it('refuses a model file naming a site whose forget was asked just before: the forget is not undone', async () => {
    const it = await wake();
    await browse(it, 4);
    const { file } = otherBrowsersFile(); // phone.example and a.example
    vi.stubGlobal('navigator', {});
    // The forget is asked first and the import at once after, while the forget's tombstone is not written yet.
    const forgetting = it.service.forget({ scope: 'site', host: 'phone.example' });
    const importing = it.modelHandlers.onImport({ file });
    await expect(importing).rejects.toThrow(/names a site that you have forgotten or exclude here/);
    await forgetting;
    expect((await it.service.current()).visitsLearned).toBe(4);
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).not.toContain('phone.example');
    // Nor is a merge asked the same way.
    const forgettingAgain = it.service.forget({ scope: 'site', host: 'phone.example' });
    const merging = it.modelHandlers.onMerge({ file });
    await expect(merging).rejects.toThrow(/forgotten or exclude here/);
    await forgettingAgain;
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).not.toContain('phone.example');
  });

  /** Another browser's file (phone.example and a.example), dated as having learned from `first` to `last`. */
  function datedFile(first: number, last: number): string {
    const { learner } = otherBrowsersFile();
    return JSON.stringify(encodeModelFile(Learner.restore({ ...learner.snapshot(), createdAt: first, updatedAt: last })));
  }

  it('says before an import or a merge that a file may hold a day forgotten since it last learned, and still takes it', async () => {
    const it = await wake();
    await browse(it, 6); // 20 November, from 9 AM
    visitNumber += 24 * 60; // and the next day
    await browse(it, 3);
    const day = new Date(2026, 10, 20).getTime();
    const spanning = datedFile(day - 86_400_000, day + 2 * 86_400_000);
    const since = datedFile(day - 86_400_000, Date.now() + 3_600_000); // it learned after the forget below
    const after = datedFile(day + 86_400_000, day + 2 * 86_400_000); // it began the next day
    vi.stubGlobal('navigator', {});
    expect((await it.modelHandlers.onPreviewImport({ file: spanning })).mayHoldForgotten).toBeUndefined();
    const forgottenAt = Date.now() + 1;
    await new Promise((resolve) => setTimeout(resolve, 2));
    await it.service.forget({ scope: 'day', day: '2026-11-20' });
    const import_ = await it.modelHandlers.onPreviewImport({ file: spanning });
    expect(import_.mayHoldForgotten).toEqual({ day, forgottenAt: expect.any(Number) });
    expect((import_.mayHoldForgotten as { forgottenAt: number }).forgottenAt).toBeGreaterThanOrEqual(forgottenAt);
    expect((await it.modelHandlers.onPreviewMerge({ file: spanning })).mayHoldForgotten).toEqual(import_.mayHoldForgotten);
    expect((await it.modelHandlers.onPreviewImport({ file: since })).mayHoldForgotten).toBeUndefined();
    expect((await it.modelHandlers.onPreviewImport({ file: after })).mayHoldForgotten).toBeUndefined();
    // Said, not refused: the user decides.
    expect((await it.modelHandlers.onImport({ file: spanning })).visitsLearned).toBe(40);
  });

  it('says before an import that a file began learning before everything of then was forgotten', async () => {
    const it = await wake();
    await browse(it, 4);
    const older = datedFile(T0 - 86_400_000, Date.now() + 3_600_000); // even one that learned since
    await new Promise((resolve) => setTimeout(resolve, 2));
    const before = Date.now();
    await it.service.forget({ scope: 'all' });
    vi.stubGlobal('navigator', {});
    const { mayHoldForgotten } = await it.modelHandlers.onPreviewImport({ file: older });
    expect((mayHoldForgotten as { before: number }).before).toBeGreaterThanOrEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 2));
    const newer = datedFile(Date.now(), Date.now() + 60_000); // begun since
    expect((await it.modelHandlers.onPreviewMerge({ file: newer })).mayHoldForgotten).toBeUndefined();
    // The retention's stand-in for tombstones past its cut names no forget: nothing is said of it.
    await it.db.clear('forgotten');
    await it.db.add('forgotten', { scope: 'all', at: Date.now(), retention: true });
    expect((await it.modelHandlers.onPreviewImport({ file: older })).mayHoldForgotten).toBeUndefined();
  });

  it('refuses a model of another architecture, saying why, and keeps the model and its checkpoint', async () => {
    const it = await wake();
    await browse(it, 8); // saved every 8 visits: the checkpoint is written, nothing waits to be
    const before = JSON.stringify(encodeModelFile(await it.service.current()));
    const checkpoint = await it.db.get('model', 'checkpoint');
    expect(checkpoint?.lastSeq).toBe(8);
    const { file } = otherBrowsersFile({ size: 'large' });
    await expect(it.modelHandlers.onPreviewMerge({ file })).rejects.toThrow(/cannot be merged into this one: its number of buckets \(32768\) differs from this model's \(16384\)/);
    await expect(it.modelHandlers.onMerge({ file })).rejects.toThrow(/cannot be merged/);
    await expect(it.modelHandlers.onMerge({ file: 'not json' })).rejects.toThrow(/not JSON/);
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).toBe(before);
    expect((await it.db.get('model', 'checkpoint'))?.savedAt).toBe(checkpoint?.savedAt);
  });
});

describe('a full disk', () => {
  /** Makes the next put into `storeName` throw as a full disk does, once. */
  function failNextPut(storeName: string): void {
    vi.restoreAllMocks();
    const put = IDBObjectStore.prototype.put;
    let failed = false;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (!failed && this.name === storeName) {
        failed = true;
        throw new DOMException('The disk is full.', 'QuotaExceededError');
      }
      return put.apply(this, args);
    });
  }

  /** Makes every put into the model store fail, as Firefox's do once its quota is reached. */
  function failModelPuts(): void {
    vi.restoreAllMocks();
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'model') throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'ReadOnlyError');
      return put.apply(this, args);
    });
  }

  it('keeps learning and answering when the checkpoint cannot be written, and saves it once it can', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const it = await wake();
      await browse(it, 3);
      await it.service.catchUp();
      await it.service.flush();
      failModelPuts();
      await browse(it, 10); // more than a batch: the save is due, and fails
      const model = await it.service.current();
      expect(model.visitsLearned).toBe(13);
      expect(it.pressure.pressure.fullAt).toBeGreaterThan(0);
      expect((await it.db.get('model', 'checkpoint'))?.lastSeq).toBe(3); // the last checkpoint that was written stays
      vi.restoreAllMocks();
      await vi.advanceTimersByTimeAsync(60_000); // the save is tried again later
      await vi.waitFor(async () => expect((await it.db.get('model', 'checkpoint'))?.lastSeq).toBe(13));
      expectSameModel((await it.db.get('model', 'checkpoint'))!.snapshot, trainedOn(await storedInSeqOrder(it)));
    } finally {
      vi.useRealTimers();
    }
  });

  it('finishes a forget whose relearned checkpoint cannot be written, notes the full disk, and saves it once it can', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      const it = await wake();
      await browse(it, 9);
      await it.service.catchUp();
      await it.service.flush();
      // The forget's own transaction marks the checkpoint for relearning; the relearned model's save fails.
      const put = IDBObjectStore.prototype.put;
      vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'model' && (args[0] as { relearn?: boolean }).relearn !== true) throw new DOMException('The disk is full.', 'QuotaExceededError');
        return put.apply(this, args);
      });
      expect((await it.service.forget({ scope: 'site', host: 'c.example' })).relearned).toBe(6);
      expect(it.pressure.pressure.fullAt).toBeGreaterThan(0);
      expect((await it.db.get('model', 'checkpoint'))?.relearn).toBe(true); // a restart would relearn
      vi.restoreAllMocks();
      await vi.advanceTimersByTimeAsync(60_000); // the save is tried again later
      await vi.waitFor(async () => expect((await it.db.get('model', 'checkpoint'))?.relearn).toBeFalsy());
      expectSameModel((await it.db.get('model', 'checkpoint'))!.snapshot, trainedOn(await storedInSeqOrder(it)));
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the model as it was when Play\'s model cannot be stored, and says why', async () => {
    const { it } = await savedAfterSixVisits();
    const before = JSON.stringify(encodeModelFile(await it.service.current()));
    failModelPuts();
    vi.stubGlobal('navigator', {});
    await expect(it.modelHandlers.onPlay({ learningRate: 0.1, size: 'small' }))
      .rejects.toThrow(/^The model learned again could not be stored \(A mutation operation .*\), so the one before was kept as it was\./);
    vi.restoreAllMocks();
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).toBe(before);
    expect(it.pressure.pressure.fullAt).toBeGreaterThan(0);
  });

  it('refuses an import whose model cannot be stored, and keeps the current one', async () => {
    const it = await wake();
    await browse(it, 9);
    const before = JSON.stringify(encodeModelFile(await it.service.current()));
    const other = Learner.create({ seed: 7 });
    failModelPuts();
    await expect(it.modelHandlers.onImport({ file: encodeModelFile(other) })).rejects.toThrow(/mutation/);
    vi.restoreAllMocks();
    expect(JSON.stringify(encodeModelFile(await it.service.current()))).toBe(before);
  });

  it('prunes the oldest interaction events and keeps every visit and the model', async () => {
    const it = await wake();
    // 150 reports of 30 visits: 150 events, the visits finished and learned.
    for (let report = 0; report < 5; report++) {
      for (let n = 0; n < 30; n++) {
        const visit = visitAt('a.example', T0 + n * 60_000, { path: `/p${n}`, endedAt: T0 + n * 60_000 + report * 1000 });
        await it.visits.recordUpdate(it.db, update(visit, report === 4, `full-disk-${String(n).padStart(4, '0')}`), n);
      }
    }
    await it.service.catchUp();
    await it.service.flush();
    const eventTimes = (await it.db.getAll('events')).map((event) => event.at).sort((a, b) => a - b);
    expect(eventTimes).toHaveLength(150);

    failNextPut('visits');
    const last = visitAt('b.example', T0 + 3_600_000);
    expect(await it.visits.recordUpdate(it.db, update(last, true, 'after-the-disk-filled'), 99)).toMatchObject({ finished: true });
    expect(it.pressure.pressure.eventsPruned).toBe(100); // max(100, a quarter)
    const left = (await it.db.getAll('events')).map((event) => event.at).sort((a, b) => a - b);
    expect(left.slice(0, 50)).toEqual(eventTimes.slice(100)); // the newest 50, and the new report's event
    expect(await it.db.count('visits')).toBe(31);
    expect(await it.service.catchUp()).toBe(1);

    failNextPut('model');
    await it.service.flush(); // the checkpoint put fails once: events pruned again, then saved
    expect(it.pressure.pressure.eventsPruned).toBe(151);
    expect((await it.db.get('model', 'checkpoint'))?.lastSeq).toBe(31);
    expectSameModel((await it.service.current()).snapshot(), trainedOn(await storedInSeqOrder(it)));
  });
});

describe('the daily marks of what changed this week', () => {
  /** Visits over `days` days, a few a day, each finished and stored. */
  async function browseDays(it: Background, days: number): Promise<void> {
    for (let day = 0; day < days; day++) {
      for (let i = 0; i < 6; i++) {
        const n = visitNumber++;
        const start = T0 + day * 86_400_000 + i * 600_000;
        const visit = visitAt(['a.example', 'b.example', 'c.example'][n % 3], start, { activeMs: 5_000 + (n % 7) * 9_000, clicks: n % 4, endedAt: start + 50_000 });
        await it.visits.recordUpdate(it.db, update(visit, true, `day-key-${String(n).padStart(6, '0')}`), 1);
      }
    }
  }

  it('are saved with the checkpoint, found again on waking, and made again the same by relearning', async () => {
    let it = await wake();
    await browseDays(it, 10);
    await it.service.catchUp();
    await it.service.flush();
    const saved = (await it.db.get('model', 'checkpoint'))!.weekly!;
    expect(saved.length).toBe(8); // one a day of visits, the last eight kept
    kill(it);
    it = await wake();
    const insights = await it.modelHandlers.onInsights();
    // Set beside the newest mark at least a week before the model last learned.
    const lastLearned = (await it.service.current()).updatedAt;
    const weekBefore = saved.filter((mark) => mark.at <= lastLearned - 7 * 86_400_000).at(-1)!;
    expect(insights.weekChange?.since).toBe(weekBefore.at);
    expect(insights.weekChange?.visitsThen).toBe(weekBefore.visitsLearned);
    expect(insights.weekChange?.visitsNow).toBe(60);
    // Relearned from the stored visits (as after a forget): the same marks, for they follow the visits' time.
    await it.service.relearn();
    expect(JSON.stringify((await it.db.get('model', 'checkpoint'))!.weekly)).toBe(JSON.stringify(saved));
  });
});
