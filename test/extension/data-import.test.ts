// Importing a data file on fake-indexeddb, through the background's own handlers: two profiles
// that import each other's exports hold the same visits and the same model, to the byte; the
// same file twice adds nothing; this browser's exclusions, tombstones and retention keep what
// they keep out; a page's visit and the history entry of it count once; and a bad file, an
// interrupted import or a failing write leaves everything as it was. A profile is an IndexedDB
// factory of its own; a woken background is its modules loaded anew (vi.resetModules).
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encodeModelFile, Learner } from '../../model/index';
import type { Visit } from '../../model/visit';
import type { StoredVisit } from '../../extension/contract-types';
import { update, visitAt } from './fixtures';

const DAY = 86_400_000;
/** Yesterday morning, so that every visit is within the retention period and none in the future. */
const T0 = new Date(new Date().setHours(0, 0, 0, 0) - DAY + 9 * 3600_000).getTime();

interface Background {
  service: typeof import('../../extension/background/learner-service');
  visits: typeof import('../../extension/storage/visits');
  storage: typeof import('../../extension/storage/db');
  data: typeof import('../../extension/background/handlers/data');
  importing: typeof import('../../extension/background/handlers/data-import');
  merge: typeof import('../../extension/storage/merge');
  dataFile: typeof import('../../extension/data-file');
  db: import('../../extension/storage/db').Database;
}
let awake: Background | undefined;

/** Wakes the background of a profile (stopping the one awake, if any). */
async function wake(profile: IDBFactory): Promise<Background> {
  if (awake) sleep(awake);
  globalThis.indexedDB = profile;
  vi.resetModules();
  const storage = await import('../../extension/storage/db');
  awake = {
    service: await import('../../extension/background/learner-service'),
    visits: await import('../../extension/storage/visits'),
    storage,
    data: await import('../../extension/background/handlers/data'),
    importing: await import('../../extension/background/handlers/data-import'),
    merge: await import('../../extension/storage/merge'),
    dataFile: await import('../../extension/data-file'),
    db: await storage.database(),
  };
  return awake;
}

function sleep(it: Background): void {
  it.service.unload();
  it.storage.closeDatabase();
  awake = undefined;
}

afterEach(() => {
  if (awake) sleep(awake);
  vi.restoreAllMocks();
});

/**
 * Browses in two tabs: two pages are opened one after the other and the second is finished
 * first, so that the order visits finish in (their seq) is not the order they began in.
 */
async function browse(it: Background, host: string, count: number, from: number, keyPrefix: string): Promise<void> {
  for (let i = 0; i < count; i += 2) {
    const pair = [i, i + 1].filter((n) => n < count).map((n) => {
      const startedAt = from + n * 90_000;
      const visit = visitAt(host, startedAt, { path: `/${keyPrefix}/${n}`, activeMs: 4_000 + (n % 5) * 7_000, clicks: n % 3, endedAt: startedAt + 150_000 });
      return { key: `${keyPrefix}-key-${String(n).padStart(4, '0')}`, visit, tab: 1 + (n % 2) };
    });
    for (const { key, visit, tab } of pair) await it.visits.recordUpdate(it.db, update(visit, false, key), tab);
    for (const { key, visit } of pair.reverse()) await it.visits.recordUpdate(it.db, update(visit, true, key), undefined);
  }
  await it.service.catchUp();
}

/** "Export stored data": the file's text. */
async function exportFile(it: Background): Promise<string> {
  return it.dataFile.dataFileText(await it.data.onDataExport());
}

/** "Import data": the lines sent in parts, as the popup sends them, then the import. */
async function importFile(it: Background, text: string, partLines = 7) {
  const lines = text.split('\n');
  const importId = `import-${Math.random()}`;
  for (let first = 0; first < lines.length; first += partLines) {
    it.importing.onDataImportLines({ importId, firstLine: first + 1, lines: lines.slice(first, first + partLines), counting: 'line' });
  }
  return it.importing.onDataImport({ importId });
}

async function stored(it: Background): Promise<StoredVisit[]> {
  return it.visits.visitsAfter(it.db, 0);
}

/** The visits as any device holds them: without where they sit in this database. */
function portable(visits: StoredVisit[]) {
  return visits.map(({ id, seq, ...visit }) => visit).sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The whole model as text: every field of its snapshot, its arrays as the bytes they hold. */
async function modelText(it: Background): Promise<string> {
  return textOf((await it.service.current()).snapshot());
}

function textOf(value: unknown): string {
  return JSON.stringify(value, (_key, value) => (ArrayBuffer.isView(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') : value));
}

/** The model a fresh learner with the default settings makes of these visits, in this order, dated by them. */
function trainedOn(visits: Visit[]): Learner {
  const learner = Learner.create();
  for (const visit of visits) learner.observe(visit);
  return Learner.restore({ ...learner.snapshot(), createdAt: visits[0].startedAt, updatedAt: visits.at(-1)!.endedAt });
}

/** Every record of the stores an import may write, as text. */
async function rawDatabase(it: Background): Promise<string> {
  const stores = ['visits', 'counters', 'events', 'model', 'forgotten'] as const;
  return textOf(await Promise.all(stores.map((store) => it.db.getAll(store))));
}

describe('two browsers that import each other’s data', () => {
  it('hold the same visits and the same model, byte for byte, learned in time order', async () => {
    const [profileA, profileB] = [new IDBFactory(), new IDBFactory()];
    let a = await wake(profileA);
    await browse(a, 'laptop.example', 12, T0, 'a');
    const fileA = await exportFile(a);
    const b = await wake(profileB);
    await browse(b, 'phone.example', 9, T0 + 45_000, 'b'); // interleaved in time with A's visits
    const fileB = await exportFile(b);
    const seqOrder = (await stored(b)).map((visit) => visit.key);
    expect(seqOrder, 'the visits finished in another order than they began').not.toEqual([...seqOrder].sort());

    const intoB = await importFile(b, fileA);
    expect(intoB).toMatchObject({ visits: 12, added: 12, alreadyStored: 0, relearned: 21 });
    const modelB = await modelText(b);
    const fileOfModelB = JSON.stringify(encodeModelFile(await b.service.current()));
    const visitsB = await stored(b);
    a = await wake(profileA);
    const intoA = await importFile(a, fileB);
    expect(intoA).toMatchObject({ visits: 9, added: 9, alreadyStored: 0, relearned: 21 });
    const visitsA = await stored(a);

    expect(portable(visitsA)).toEqual(portable(visitsB));
    expect(await modelText(a)).toBe(modelB);
    expect(JSON.stringify(encodeModelFile(await a.service.current())), 'the model files, byte for byte').toBe(fileOfModelB);
    // Learned in the order of their start, then key; a seq on each side follows that order.
    const inTimeOrder = [...visitsA].sort(a.merge.learningOrder);
    expect(visitsA.map((visit) => visit.key)).toEqual(inTimeOrder.map((visit) => visit.key));
    expect(visitsB.map((visit) => visit.key)).toEqual(inTimeOrder.map((visit) => visit.key));
    expect(modelB).toBe(textOf(trainedOn(inTimeOrder).snapshot()));
    // Their exports now hold the same lines, and either imported into the other adds nothing.
    const againA = await exportFile(a);
    const againB = await exportFile(await wake(profileB));
    expect(againA.split('\n').slice(1)).toEqual(againB.split('\n').slice(1));
    expect(await importFile(awake!, againA)).toMatchObject({ added: 0, alreadyStored: 21, relearned: 0 });
  });

  it('keep the model exact as browsing goes on after the import: the stored visits in seq order', async () => {
    const [profileA, profileB] = [new IDBFactory(), new IDBFactory()];
    const b = await wake(profileB);
    await browse(b, 'phone.example', 5, T0, 'b');
    const fileB = await exportFile(b);
    const a = await wake(profileA);
    await browse(a, 'laptop.example', 5, T0 + 30_000, 'a');
    await importFile(a, fileB);
    await browse(a, 'laptop.example', 4, T0 + 3600_000, 'c');
    const visits = await stored(a);
    const learner = Learner.create();
    for (const visit of visits) learner.observe(visit);
    const model = (await a.service.current()).snapshot();
    const expected = learner.snapshot();
    expect(model.visitsLearned).toBe(14);
    for (const [name, weights] of Object.entries(expected.weights)) {
      expect(Buffer.from(model.weights[name].buffer).equals(Buffer.from(weights.buffer)), name).toBe(true);
    }
  });
});

describe('importing the same file twice', () => {
  it('adds nothing, relearns nothing and changes nothing the second time', async () => {
    const source = await wake(new IDBFactory());
    await browse(source, 'laptop.example', 6, T0, 'a');
    const file = await exportFile(source);
    const it = await wake(new IDBFactory());
    await browse(it, 'phone.example', 4, T0 + 10_000, 'b');
    expect(await importFile(it, file)).toMatchObject({ added: 6, relearned: 10 });
    const before = { raw: await rawDatabase(it), model: await modelText(it) };
    expect(await importFile(it, file)).toEqual({
      visits: 6, added: 0, alreadyStored: 6, excluded: 0, forgotten: 0, expired: 0, doubled: 0, unfinished: 0, relearned: 0,
    });
    expect(await rawDatabase(it)).toBe(before.raw);
    expect(await modelText(it)).toBe(before.model);
    expect(await importFile(it, await exportFile(it))).toMatchObject({ added: 0, alreadyStored: 10, relearned: 0 });
  });
});

describe('this browser’s rules', () => {
  async function fileOf(visits: { key: string; visit: Visit }[]): Promise<string> {
    const source = await wake(new IDBFactory());
    for (const { key, visit } of visits) await source.visits.recordUpdate(source.db, update(visit, true, key), 1);
    return exportFile(source);
  }

  it('keep out what is excluded here, forgotten here or past retention here, and take in another browser\'s visits of a pause here', async () => {
    const file = await fileOf([
      { key: 'keep-key-1', visit: visitAt('news.example', T0, { referrerHost: 'mybank.example' }) },
      { key: 'bank-key-1', visit: visitAt('mybank.example', T0 + 60_000) },
      { key: 'gone-key-1', visit: visitAt('gone.example', T0 + 120_000) },
      { key: 'gone-key-2', visit: visitAt('news.example', T0 + 180_000, { referrerHost: 'gone.example' }) },
      { key: 'lost-key-1', visit: visitAt('news.example', T0 + 240_000) },
      { key: 'paus-key-1', visit: visitAt('news.example', T0 + 7_200_000) },
      { key: 'olds-key-1', visit: visitAt('news.example', T0 - 20 * DAY) },
    ]);
    const it = await wake(new IDBFactory());
    const { forgetData } = await import('../../extension/storage/forget');
    const { updateSettings } = await import('../../extension/storage/settings');
    await updateSettings(it.db, { visitRetentionDays: 10 });
    await forgetData(it.db, { scope: 'site', host: 'gone.example' });
    await it.db.add('forgotten', { scope: 'visit', key: 'lost-key-1', at: Date.now() });
    await updateSettings(it.db, { paused: true }, T0 + 7_000_000);
    await updateSettings(it.db, { paused: false }, T0 + 7_300_000);
    const result = await importFile(it, file);
    expect(result).toMatchObject({ visits: 7, added: 3, excluded: 1, forgotten: 2, expired: 1 });
    const kept = await stored(it);
    // This browser was paused then, not the one the file comes from, which was let record.
    expect(kept.map((visit) => [visit.key, visit.referrerHost])).toEqual([['keep-key-1', ''], ['gone-key-2', ''], ['paus-key-1', '']]);
  });

  it('keep of a results page\'s path, from a file of before the rule, only what names it one', async () => {
    const it = await wake(new IDBFactory());
    const { mergeVisits } = await import('../../extension/storage/merge');
    const results = visitAt('shop.example', T0, { path: '/search/hiv-test-kit', kind: 'search', title: '' });
    expect(await mergeVisits(it.db, [{ key: 'results-key-1', visit: results }], { excluded: [], retentionCut: 0 })).toMatchObject({ added: 1 });
    expect((await stored(it)).map((visit) => [visit.url, visit.path])).toEqual([['https://shop.example/search', '/search']]);
  });

  it('keep no e-mail address of a path, from a file of before the rule', async () => {
    const it = await wake(new IDBFactory());
    const { mergeVisits } = await import('../../extension/storage/merge');
    const mailbox = visitAt('outlook.example', T0, { path: '/mail/jane.doe%40example.org/inbox' });
    expect(await mergeVisits(it.db, [{ key: 'mailbox-key-1', visit: mailbox }], { excluded: [], retentionCut: 0 })).toMatchObject({ added: 1 });
    expect((await stored(it)).map((visit) => [visit.url, visit.path])).toEqual([['https://outlook.example/mail/@/inbox', '/mail/@/inbox']]);
  });

  it('keep out a site excluded, or a pause begun, while the import waited behind a relearning', async () => {
    const file = await fileOf([{ key: 'keep-key-1', visit: visitAt('news.example', T0) }, { key: 'late-key-1', visit: visitAt('secret.example', T0 + 60_000) }]);
    const later = await fileOf([{ key: 'later-key-1', visit: visitAt('news.example', T0 + 120_000) }]);
    const it = await wake(new IDBFactory());
    await browse(it, 'a.example', 6, T0 - DAY, 'own');
    const busy = it.service.relearn(); // a forget, Play or the retention cut under way
    const importing = importFile(it, file);
    const { excluded } = await it.data.onSettingsGet();
    await it.data.onSettingsSet({ excluded: [...excluded, 'secret.example'] });
    await busy;
    expect(await importing).toMatchObject({ added: 1, excluded: 1 });
    expect((await stored(it)).map((visit) => visit.host)).not.toContain('secret.example');
    const pausing = it.service.relearn();
    const importingWhilePausing = importFile(it, later).then(() => undefined, (error: Error) => error);
    await it.data.onSettingsSet({ paused: true });
    await pausing;
    expect((await importingWhilePausing)?.message).toContain('Recording is paused: resume it to import data.');
    expect((await stored(it)).map((visit) => visit.key)).not.toContain('later-key-1');
  });

  it('refuse a file cut at the end of a line, which its header shows is not whole', async () => {
    const file = await fileOf([0, 1, 2, 3].map((n) => ({ key: `whole-key-${n}`, visit: visitAt('news.example', T0 + n * 60_000) })));
    const it = await wake(new IDBFactory());
    const cut = file.split('\n').slice(0, 3).join('\n') + '\n'; // the header and two of four visits
    await expect(importFile(it, cut)).rejects.toThrow(/^The file is not whole, so nothing was imported: line 4: .* says 4 visit lines follow and 2 came\./);
    expect(await it.db.count('visits')).toBe(0);
    expect((await importFile(it, file)).added).toBe(4);
  });

  it('refuse to import while recording is paused', async () => {
    const file = await fileOf([{ key: 'keep-key-1', visit: visitAt('news.example', T0) }]);
    const it = await wake(new IDBFactory());
    const { updateSettings } = await import('../../extension/storage/settings');
    await updateSettings(it.db, { paused: true });
    await expect(importFile(it, file)).rejects.toThrow('Recording is paused: resume it to import data.');
    expect(await it.db.count('visits')).toBe(0);
  });
});

describe('a page’s visit and the history entry of it', () => {
  const page = (key: string) => ({ key, visit: visitAt('docs.example', T0, { path: '/guide', endedAt: T0 + 120_000 }) });
  const history = (key: string) => ({ key, visit: { ...visitAt('docs.example', T0 + 30_000, { path: '/guide' }), endedAt: T0 + 30_000, activeMs: 0, scrollDepth: 0, clicks: 0, source: 'history' as const } });

  it('count once, the page’s record kept, whichever browser held which', async () => {
    const [profileA, profileB] = [new IDBFactory(), new IDBFactory()];
    let a = await wake(profileA);
    await a.visits.recordUpdate(a.db, update(page('page-key-1').visit, true, 'page-key-1'), 1);
    await a.visits.recordUpdate(a.db, update(visitAt('docs.example', T0 + 600_000), true, 'page-key-2'), 1);
    const fileA = await exportFile(a);
    let b = await wake(profileB);
    expect(await b.visits.addFinishedVisits(b.db, [history('history-key-1')])).toBe(1);
    await b.visits.recordUpdate(b.db, update(visitAt('docs.example', T0 + 900_000), true, 'page-key-3'), 1);
    const fileB = await exportFile(b);

    expect(await importFile(b, fileA)).toMatchObject({ added: 2, doubled: 1 }); // the stored entry gives way
    const visitsB = portable(await stored(b));
    a = await wake(profileA);
    expect(await importFile(a, fileB)).toMatchObject({ added: 1, doubled: 1 }); // the file's entry is not added
    expect(portable(await stored(a))).toEqual(visitsB);
    expect(visitsB.map((visit) => visit.key)).toEqual(['page-key-1', 'page-key-2', 'page-key-3']);
    b = await wake(profileB);
    expect(await modelText(b)).toBe(await modelText(await wake(profileA)));
  });
});

describe('a file that cannot be imported', () => {
  async function withVisits(): Promise<{ it: Background; file: string }> {
    const source = await wake(new IDBFactory());
    await browse(source, 'laptop.example', 4, T0, 'a');
    const file = await exportFile(source);
    const it = await wake(new IDBFactory());
    await browse(it, 'phone.example', 3, T0, 'b');
    await it.service.flush();
    return { it, file };
  }

  it('is refused whole, its bad lines named, and nothing stored changes', async () => {
    const { it, file } = await withVisits();
    const before = await rawDatabase(it);
    const lines = file.split('\n');
    lines[2] = JSON.stringify({ ...JSON.parse(lines[2]), clicks: -1 });
    lines.splice(4, 0, '{not json');
    await expect(importFile(it, lines.join('\n'))).rejects.toThrow(
      '2 lines of the file cannot be read, so nothing was imported: line 3: “clicks” must be a number from 0 to 1000000; line 5: not JSON.');
    expect(await rawDatabase(it)).toBe(before);
  });

  it('is refused when its lines come out of order, or after the background restarted between them', async () => {
    const { it, file } = await withVisits();
    const lines = file.split('\n');
    it.importing.onDataImportLines({ importId: 'one', firstLine: 1, lines: lines.slice(0, 2), counting: 'line' });
    expect(() => it.importing.onDataImportLines({ importId: 'one', firstLine: 4, lines: lines.slice(3), counting: 'line' })).toThrow('The import was interrupted');
    it.importing.onDataImportLines({ importId: 'two', firstLine: 1, lines: lines.slice(0, 2), counting: 'line' });
    const woken = await wake(globalThis.indexedDB as IDBFactory);
    expect(() => woken.importing.onDataImportLines({ importId: 'two', firstLine: 3, lines: lines.slice(2), counting: 'line' })).toThrow('choose the file again');
    await expect(woken.importing.onDataImport({ importId: 'two' })).rejects.toThrow('The import was interrupted');
    expect(await woken.db.count('visits')).toBe(3);
  });

  it('is refused once it holds more text than a data file may, and parts that are not lines are refused', async () => {
    const { it } = await withVisits();
    const { MAX_DATA_FILE_BYTES, MAX_LINE_CHARS } = it.dataFile;
    const long = 'x'.repeat(MAX_LINE_CHARS);
    const perPart = 1_000;
    let sent = 0;
    const send = () => {
      it.importing.onDataImportLines({ importId: 'big', firstLine: sent + 1, lines: new Array(perPart).fill(long), counting: 'line' });
      sent += perPart;
    };
    for (let i = 0; i < Math.floor(MAX_DATA_FILE_BYTES / (perPart * (MAX_LINE_CHARS + 1))); i++) send();
    expect(send).toThrow(`more than 64 MB of text`);
    await expect(it.importing.onDataImport({ importId: 'big' })).rejects.toThrow('The import was interrupted');
    for (const part of [null, { importId: 'x', firstLine: 0, lines: [], counting: 'line' }, { importId: 'x', firstLine: 1, lines: [3], counting: 'line' },
      { importId: 'x', firstLine: 1, lines: new Array(5_001).fill(''), counting: 'line' }, { importId: 'x', firstLine: 1, lines: [], counting: 'bytes' }]) {
      expect(() => it.importing.onDataImportLines(part as never)).toThrow();
    }
    expect(await it.db.count('visits')).toBe(3);
  });

  it('loses nothing stored when the write fails halfway: the merge is one transaction', async () => {
    const { it, file } = await withVisits();
    const before = await rawDatabase(it);
    const modelBefore = await modelText(it);
    const put = IDBObjectStore.prototype.put;
    let puts = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'visits' && ++puts === 5) throw new DOMException('The disk is full.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(importFile(it, file)).rejects.toThrow('The disk is full.');
    vi.restoreAllMocks();
    expect(await rawDatabase(it)).toBe(before);
    expect(await modelText(it)).toBe(modelBefore);
    expect(await importFile(it, file)).toMatchObject({ added: 4, relearned: 7 }); // and it can be tried again
  });
});

describe('the merge’s progress', () => {
  it('is told as the visits are written, five hundred at a time', async () => {
    const it = await wake(new IDBFactory());
    const incoming = Array.from({ length: 1_100 }, (_, i) => ({ key: `many-key-${i}`, visit: visitAt('news.example', T0 + i * 1_000) }));
    const written: [number, number][] = [];
    const merged = await it.merge.mergeVisits(it.db, incoming, { excluded: [], retentionCut: 0 }, (done, total) => written.push([done, total]));
    expect(merged).toMatchObject({ added: 1_100, changed: true });
    expect(written).toEqual([[500, 1_100], [1_000, 1_100], [1_100, 1_100]]);
  });
});

describe('a background stopped between the merge and the relearning', () => {
  it('relearns when it wakes, to the model the whole import makes', async () => {
    const source = await wake(new IDBFactory());
    await browse(source, 'laptop.example', 5, T0, 'a');
    const file = await exportFile(source);
    const [whole, stopped] = [new IDBFactory(), new IDBFactory()];
    for (const profile of [whole, stopped]) {
      const it = await wake(profile);
      await browse(it, 'phone.example', 4, T0 + 20_000, 'b');
      await it.service.flush();
    }
    const expected = await importFile(await wake(whole), file).then(async () => modelText(awake!));
    let it = await wake(stopped);
    const reader = new it.dataFile.DataFileReader();
    reader.add(file.split('\n'));
    const { DEFAULT_EXCLUSIONS } = await import('../../extension/exclusions');
    expect((await it.merge.mergeVisits(it.db, reader.visits, { excluded: DEFAULT_EXCLUSIONS, retentionCut: 0 })).changed).toBe(true);
    it = await wake(stopped); // stopped before it relearned
    expect(await modelText(it)).toBe(expected);
  });
});
