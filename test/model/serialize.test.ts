// The model file: exact round trip, and strict refusal of anything corrupt, truncated,
// type-confused or oversized, always with a ModelFileError that says what is wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { MAX_MODEL_FILE_CHARS } from '../../model/file-limits';
import { paramShapes } from '../../model/net';
import { decodeModelFile, encodeModelFile, ModelFileError } from '../../model/serialize';
import { asVersionFour, asVersionThree } from '../../harness/older-model-versions';
import { expectSameSnapshot, syntheticVisits } from './helpers';

const VISITS = syntheticVisits(400, 13);
const SMALL = { buckets: 128, embeddingDim: 4, vocabSize: 6, dictionarySize: 64 };

function smallLearner(): Learner {
  const learner = Learner.create(SMALL);
  for (const visit of VISITS.slice(0, 300)) learner.observe(visit);
  return learner;
}

const fileText = JSON.stringify(encodeModelFile(smallLearner()));
const floats = (values: number[]): string => Buffer.from(new Float32Array(values).buffer).toString('base64');
const fresh = (): Record<string, any> => JSON.parse(fileText);

function rejection(file: unknown): string {
  try {
    decodeModelFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    return (error as Error).message;
  }
  throw new Error('the file was accepted');
}

describe('model file', () => {
  it('round-trips exactly through JSON text', () => {
    const learner = smallLearner();
    const text = JSON.stringify(encodeModelFile(learner));
    const decoded = decodeModelFile(JSON.parse(text));
    expect(JSON.stringify(encodeModelFile(decoded))).toBe(text);
    expectSameSnapshot(decoded.snapshot(), learner.snapshot());
    for (const visit of VISITS.slice(300)) {
      learner.observe(visit);
      decoded.observe(visit);
    }
    expectSameSnapshot(decoded.snapshot(), learner.snapshot(), false);
  });

  it('says what it is and documents its hashing', () => {
    const file = fresh();
    expect(file.format).toBe('tabula-model');
    expect(file.version).toBe(5);
    expect(file.hashing).toEqual({ function: 'murmur3_x86_32', seed: expect.any(Number) });
    expect(typeof file.weights['embedding.weight']).toBe('string');
  });

  it.each([
    ['something other than an object', () => [1, 2], /the file should be an object/],
    ['another format', () => ({ ...fresh(), format: 'keras' }), /not a Tabula model file/],
    ['a later version', () => ({ ...fresh(), version: 6 }), /version 6; this Tabula reads versions 3, 4 and 5/],
    ['a context holding a weight no text field gives', () => { const f = fresh(); f.context.signs[0] = 0.5001; return f; }, /context.signs should hold only ±1 and ±1\/√n/],
    ['a missing part', () => { const f = fresh(); delete f.weights; return f; }, /weights is missing/],
    ['an unknown part', () => ({ ...fresh(), extra: 1 }), /unexpected entry "extra"/],
    ['a number given as text', () => { const f = fresh(); f.architecture.buckets = '128'; return f; }, /architecture.buckets should be a finite number/],
    ['a huge number of buckets', () => { const f = fresh(); f.architecture.buckets = 2 ** 31; return f; }, /architecture.buckets should be between 1 and 1048576/],
    ['huge hidden layers', () => { const f = fresh(); f.architecture.hidden = [100_000]; return f; }, /architecture.hidden\[0\] should be between/],
    ['truncated weights', () => { const f = fresh(); f.weights['embedding.weight'] = f.weights['embedding.weight'].slice(0, 100); return f; }, /weights.embedding.weight should be 512 numbers/],
    ['weights that are not base64', () => { const f = fresh(); const w = f.weights['next.bias']; f.weights['next.bias'] = `*${w.slice(1)}`; return f; }, /weights.next.bias is not valid base64/],
    ['a weight that is not finite', () => { const f = fresh(); f.weights['engaged.bias'] = Buffer.from(new Float32Array([Number.NaN]).buffer).toString('base64'); return f; }, /weights.engaged.bias holds a number that is not finite/],
    ['weights sized for another architecture', () => { const f = fresh(); f.architecture.embeddingDim = 8; return f; }, /weights.embedding.weight should be 1,024 numbers/],
    ['missing optimizer state', () => { const f = fresh(); delete f.optimizer.state['next.weight.sumSquares']; return f; }, /optimizer.state.next.weight.sumSquares is missing/],
    ['an unknown optimizer', () => { const f = fresh(); f.training.optimizer = 'rmsprop'; return f; }, /training.optimizer should be one of/],
    ['a learning rate out of range', () => { const f = fresh(); f.training.learningRate = 1e9; return f; }, /training.learningRate should be between 0.0001 and 1 \(it is 1000000000\)/],
    ['a learning rate above what the Play view offers', () => { const f = fresh(); f.training.learningRate = 50; return f; }, /training.learningRate should be between 0.0001 and 1 \(it is 50\)/],
    ['a weight of 3e38', () => { const f = fresh(); f.weights['engaged.bias'] = floats([3e38]); return f; }, /weights.engaged.bias holds 3.00e\+38 at 0, outside the range a trained model stays in \(from -10,000 to 10,000\)/],
    ['a negative AdaGrad sum of squares', () => { const f = fresh(); f.optimizer.state['engaged.bias.sumSquares'] = floats([-1]); return f; }, /optimizer.state.engaged.bias.sumSquares holds -1.00e\+0 at 0, outside the range a trained model stays in \(from 0 to/],
    ['a vocabulary host that is an address', () => { const f = fresh(); f.vocabulary.hosts[0] = 'paypal.com@evil.example/login'; return f; }, /vocabulary.hosts\[0\] should be a site's host name, like "example.org" \(it is "paypal.com@evil.example\/login"\)/],
    ['a vocabulary host in capitals', () => { const f = fresh(); f.vocabulary.hosts[0] = 'Example.org'; return f; }, /vocabulary.hosts\[0\] should be a site's host name/],
    ['a context host that is not a host', () => { const f = fresh(); f.context.lastHost = 'evil.example:8080/x'; return f; }, /context.lastHost should be a site's host name/],
    ['a vocabulary slot hash that is not 32 bits', () => { const f = fresh(); f.vocabulary.hosts[0] = 2 ** 32; return f; }, /vocabulary.hosts\[0\] should be between 0 and 4294967295/],
    ['a dictionary name that is empty', () => { const f = fresh(); f.dictionary.entries[0].name = ''; return f; }, /dictionary.entries\[0\].name is empty/],
    ['too many sites', () => { const f = fresh(); f.vocabulary.hosts = Array.from({ length: 7 }, (_, i) => `h${i}.example`); return f; }, /vocabulary.hosts holds more than 6 items/],
    ['counts that do not match the sites', () => { const f = fresh(); f.vocabulary.counts.pop(); return f; }, /vocabulary.counts should hold/],
    ['a dictionary bucket out of range', () => { const f = fresh(); f.dictionary.entries[0].bucket = 128; return f; }, /dictionary.entries\[0\].bucket should be between 0 and 127/],
    ['a context of the wrong type', () => { const f = fresh(); f.context.hasLast = 'yes'; return f; }, /context.hasLast should be true or false/],
    ['metrics with a negative count', () => { const f = fresh(); f.metrics.total.visits = -1; return f; }, /metrics.total.visits should be between 0/],
    ['a malformed history point', () => { const f = fresh(); f.history[0].next = null; return f; }, /history\[0\].next should be an object/],
  ])('refuses %s with a clear message', (_, make, message) => {
    expect(rejection(make())).toMatch(message);
  });

  it('never accepts a damaged file half-way: it is either refused or whole', () => {
    const paths: string[][] = [];
    const walk = (value: unknown, path: string[]): void => {
      paths.push(path);
      if (value && typeof value === 'object' && path.length < 5) {
        for (const [key, child] of Object.entries(value).slice(0, 12)) walk(child, [...path, key]);
      }
    };
    walk(fresh(), []);
    const damage = fc.record({
      path: fc.constantFrom(...paths.filter((p) => p.length > 0)),
      change: fc.oneof(
        fc.constant<{ kind: 'delete' }>({ kind: 'delete' }),
        fc.record({ kind: fc.constant('set' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
        fc.record({ kind: fc.constant('truncate' as const), keep: fc.nat(40) }),
      ),
    });
    fc.assert(fc.property(damage, ({ path, change }) => {
      const file = fresh();
      const parent = path.slice(0, -1).reduce((node, key) => node[key], file);
      const key = path.at(-1)!;
      if (change.kind === 'delete') delete parent[key];
      else if (change.kind === 'set') parent[key] = change.value;
      else parent[key] = typeof parent[key] === 'string' ? parent[key].slice(0, change.keep) : Array.isArray(parent[key]) ? parent[key].slice(0, change.keep) : parent[key];
      let learner: Learner;
      try {
        learner = decodeModelFile(file);
      } catch (error) {
        expect(error).toBeInstanceOf(ModelFileError);
        return;
      }
      // Accepted: then the file was a whole, valid model, and it reads back as itself.
      expect(encodeModelFile(learner)).toEqual(JSON.parse(JSON.stringify(file)));
    }), { numRuns: 300 });
  });

  it('refuses a window of recent predictions whose next place is not the first empty one', () => {
    const file = fresh();
    expect(file.metrics.auc).toMatchObject({ next: 300, filled: 300 });
    file.metrics.auc.next = 12;
    expect(rejection(file)).toBe('This model file cannot be used: metrics.auc.next should be 300 (“filled”) until the window is full.');
  });

  it('reads a file from its text as well, and refuses text that is not JSON or too long', () => {
    expect(JSON.stringify(encodeModelFile(decodeModelFile(fileText)))).toBe(fileText);
    expect(rejection(fileText.slice(0, 1000))).toBe('This file is not JSON, so it cannot be a Tabula model file.');
    const tooLong = fileText.padEnd(MAX_MODEL_FILE_CHARS + 1, ' ');
    expect(rejection(tooLong)).toBe('This file is 64 MB, larger than any Tabula model file (at most 64 MB).');
  });

  it('names a wrong version in words, however deeply it is nested', () => {
    const deep = `{"format":"tabula-model","version":${'['.repeat(100_000)}0${']'.repeat(100_000)}}`;
    expect(rejection(deep)).toBe('This model file is version a list; this Tabula reads versions 3, 4 and 5.');
    expect(rejection({ ...fresh(), version: 'two point oh, the new one with everything' })).toBe('This model file is version "two point oh, the ne"; this Tabula reads versions 3, 4 and 5.');
    expect(rejection({ ...fresh(), version: 6 })).toBe('This model file is version 6; this Tabula reads versions 3, 4 and 5.');
  });

  it.each([
    ['1, before the wide path', (file: Record<string, any>) => {
      delete file.weights['wide.weight'];
      delete file.optimizer.state['wide.weight.sumSquares'];
      return { ...file, version: 1 };
    }],
    ['2, whose words weighed a whole token each', (file: Record<string, any>) => ({ ...file, version: 2 })],
  ])('refuses a file of version %s, saying why and what to do', (_, earlier) => {
    const message = rejection(earlier(fresh()));
    expect(message).toMatch(/^This model file is version [12], from an earlier Tabula whose net read a page's words otherwise/);
    expect(message).toContain('Nothing here was changed');
    expect(message).toContain('relearns its model from the visits it stores');
  });

  it('reads a version-4 file, whose session kept no third site back, as a learner whose session has none', () => {
    const current: Record<string, any> = { ...fresh(), context: { ...fresh().context, lastPrev2: 'mail.example.com' } }; // a session three sites deep
    const v4 = asVersionFour(current, 'version');
    const fromV4 = decodeModelFile(JSON.stringify(v4));
    // …and whose hours of engagement are not known (a version-5 file may say so too: null).
    expect(fromV4.snapshot().hoursLearned).toBeNull();
    expectSameSnapshot(fromV4.snapshot(), decodeModelFile({ ...current, context: { ...current.context, lastPrev2: '' }, counters: { ...current.counters, hoursLearned: null } }).snapshot());
    expect(encodeModelFile(fromV4).version).toBe(5);
    // A version-4 file that keeps a third site is not one, nor a version-5 file that does not.
    expect(rejection({ ...v4, context: current.context })).toMatch(/context has an unexpected entry "lastPrev2"/);
    expect(rejection({ ...v4, counters: current.counters })).toMatch(/counters has an unexpected entry "hoursLearned"/);
    expect(rejection({ ...current, context: v4.context })).toMatch(/context\.lastPrev2 is missing/);
    expect(rejection({ ...current, counters: v4.counters })).toMatch(/counters\.hoursLearned is missing/);
    expect(rejection({ ...current, counters: { ...current.counters, hoursLearned: new Array(23).fill(1) } })).toMatch(/counters\.hoursLearned should hold 24 items/);
    expect(rejection({ ...current, counters: { ...current.counters, hoursLearned: [...new Array(23).fill(1), -1] } })).toMatch(/counters\.hoursLearned\[23\]/);
  });

  it('reads a version-3 file, which has no table of what follows what, as a learner whose table is empty', () => {
    const current = fresh();
    const emptyTable = floats(new Array(SMALL.vocabSize ** 2).fill(0));
    // The same learner with its table emptied and no third site in its session, as version 5, and as version 3 wrote it.
    const emptied = {
      ...current, weights: { ...current.weights, 'next.transition': emptyTable }, context: { ...current.context, lastPrev2: '' },
      counters: { ...current.counters, hoursLearned: null },
      optimizer: { ...current.optimizer, state: { ...current.optimizer.state, 'next.transition.sumSquares': emptyTable } },
    };
    const v3 = asVersionThree(current, 'version');
    const fromV3 = decodeModelFile(JSON.stringify(v3));
    expectSameSnapshot(fromV3.snapshot(), decodeModelFile(emptied).snapshot());
    expect(fromV3.snapshot().modelVersion).toBe(5);
    expect(encodeModelFile(fromV3).version).toBe(5);
    // It predicts as the version-4 learner without its table, and learns a table from here on.
    const at = VISITS[299].endedAt + 1000;
    expect(fromV3.predict(VISITS[299], at)).toEqual(decodeModelFile(emptied).predict(VISITS[299], at));
    for (const visit of VISITS.slice(300)) fromV3.observe(visit);
    expect(fromV3.net.next.transition.value.some((w) => w !== 0)).toBe(true);
    // A version-3 file that holds a table is not one.
    expect(rejection({ ...asVersionFour(current, 'version'), version: 3 })).toMatch(/next\.transition/);
  });

  it('keeps the weights of a text field\'s words in the session it writes, and reads them back', () => {
    const learner = smallLearner();
    const signs: number[] = fresh().context.signs;
    // The last visit had a title, a description or keywords: some tokens weigh 1/√n.
    expect(signs.some((sign) => Math.abs(sign) < 1)).toBe(true);
    expect(signs.every((sign) => Math.abs(sign) === 1 || [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].some((n) => Math.abs(sign) === Math.fround(1 / Math.sqrt(n))))).toBe(true);
    expectSameSnapshot(decodeModelFile(fileText).snapshot(), learner.snapshot(), false);
  });
});

describe('model file without names', () => {
  const learner = smallLearner();
  const text = JSON.stringify(encodeModelFile(learner, { names: false }));
  /** Every host, path, word and site name the learner knows, as it would appear in a file. */
  const knownNames = (): string[] => {
    const hosts = learner.vocabulary.snapshot().hosts as string[];
    const values = learner.dictionary.all().map((entry) => entry.name.replace(/^[^:]*: /, '').replace(/"/g, ''));
    return [...new Set([...hosts, ...values, ...learner.dictionary.all().map((entry) => entry.name)])].filter((name) => name.length >= 3);
  };

  it('holds no host, path, word or other name of the learner anywhere in its text', () => {
    const names = knownNames();
    expect(names).toEqual(expect.arrayContaining(['news.example.org', 'site: news.example.org', 'inbox', 'video.example.tv right after news.example.org']));
    for (const name of names) expect(text.includes(JSON.stringify(name).slice(1, -1)), name).toBe(false);
    const file = JSON.parse(text);
    expect(file.vocabulary.hosts.every((hash: unknown) => Number.isInteger(hash))).toBe(true);
    expect(file.dictionary.entries.every((entry: object) => !('name' in entry))).toBe(true);
    expect(file.context).toEqual({ hasLast: false, lastHost: '', lastPrev1: '', lastPrev2: '', lastEndedAt: 0, buckets: [], signs: [], hashes: [] });
    expect(file.version).toBe(5);
  });

  it('imports back and predicts the same, its sites unnamed', () => {
    const nameless = decodeModelFile(text);
    const at = VISITS[299].endedAt + 3 * 3_600_000; // after the session: a file without names has none going on
    for (const page of VISITS.slice(300, 340)) {
      const expected = learner.predict(page, at);
      const actual = nameless.predict(page, at);
      expect(actual.engaged).toBeCloseTo(expected.engaged, 6);
      expect(actual.activeSeconds).toBeCloseTo(expected.activeSeconds, 6);
      expect(actual.next.map((site) => site.probability)).toEqual(expected.next.map((site) => expect.closeTo(site.probability, 6)));
      expect(actual.next.every((site) => site.host === '')).toBe(true);
    }
    // Predicting names nothing (the table's row is found by the site's hash), and unnamed sites stay out of the table's picture.
    expect(learner.insights().following.sites.length).toBeGreaterThan(1);
    expect(nameless.insights().following).toEqual({ sites: [], values: [] });
    expect(JSON.stringify(encodeModelFile(nameless))).toBe(text); // nothing to name: the same file again
  });

  it('gives a site its name back when it is visited, and learns on as the named model does', () => {
    const nameless = decodeModelFile(text);
    const named = decodeModelFile(fileText);
    const later = VISITS.slice(300).map((visit) => ({ ...visit, startedAt: visit.startedAt + 86_400_000, endedAt: visit.endedAt + 86_400_000 }));
    for (const visit of later) {
      nameless.observe(visit);
      named.observe(visit);
    }
    const page = later[0];
    const at = later.at(-1)!.endedAt + 1000;
    const names = (learner: Learner) => learner.predict(page, at).next.map((site) => site.host);
    const visited = new Set(later.map((visit) => visit.host));
    expect(names(nameless)).toEqual(names(named).map((host) => (visited.has(host) ? host : ''))); // a site not seen again stays unnamed
    expect(names(nameless)).toContain('news.example.org');
    for (const entry of nameless.dictionary.all()) {
      const seenAgain = entry.lastSeen >= 300; // visits counted from the file's 300
      expect(entry.name).toBe(seenAgain ? named.dictionary.get(entry.bucket)!.name : '');
    }
    expect(nameless.dictionary.all().some((entry) => entry.name === 'site: news.example.org')).toBe(true);
  });
});

describe('compact model file', () => {
  const learner = smallLearner();
  const compactText = JSON.stringify(encodeModelFile(learner, { compact: true }));

  it('writes every weight and optimizer state in 8 bits, the rest as the float32 file does', () => {
    const file = JSON.parse(compactText);
    const tensors = [...Object.values(file.weights), ...Object.values(file.optimizer.state)] as Record<string, unknown>[];
    expect(tensors.length).toBe(Object.keys(fresh().weights).length * 2); // AdaGrad: one slot per parameter
    for (const tensor of tensors) expect(tensor).toEqual({ encoding: 'int8-rows', row: expect.any(Number), scales: expect.any(String), values: expect.any(String) });
    expect(file.weights['embedding.weight'].row).toBe(SMALL.embeddingDim);
    expect(file.weights['next.weight'].row).toBe(SMALL.embeddingDim); // one slot's row: its inputs
    expect(file.weights['wide.weight'].row).toBe(128); // 64 buckets' two outputs, as 64 divides the 128 buckets
    const { weights, optimizer, ...rest } = file;
    const { weights: w, optimizer: o, ...floatRest } = encodeModelFile(learner) as Record<string, any>;
    expect(rest).toEqual(floatRest);
    expect(optimizer.steps).toBe(o.steps);
  });

  it('imports back close to the learner: within half a level of each row, predicting nearly the same', () => {
    const compact = decodeModelFile(compactText);
    const original = learner.snapshot();
    const back = compact.snapshot();
    const rows = new Map(paramShapes(original.config).map((shape) => [shape.name, shape.row]));
    expect([...rows.keys()].sort()).toEqual(Object.keys(original.weights).sort());
    for (const [name, values] of Object.entries(original.weights)) {
      const row = rows.get(name)!;
      for (let r = 0; r < values.length / row; r++) {
        const slice = values.subarray(r * row, (r + 1) * row);
        const halfLevel = Math.max(...slice.map(Math.abs)) / 127 / 2;
        for (let i = 0; i < row; i++) expect(Math.abs(back.weights[name][r * row + i] - slice[i])).toBeLessThanOrEqual(halfLevel * 1.0001);
      }
    }
    for (const page of VISITS.slice(300, 340)) {
      const expected = learner.predict(page, page.startedAt);
      const actual = compact.predict(page, page.startedAt);
      expect(Math.abs(actual.engaged - expected.engaged)).toBeLessThan(0.01);
      expect(Math.abs(actual.activeSeconds - expected.activeSeconds) / expected.activeSeconds).toBeLessThan(0.02);
    }
    expect(compact.visitsLearned).toBe(learner.visitsLearned);
    for (const visit of VISITS.slice(300)) compact.observe(visit);
    expect(compact.healthy).toBe(true);
  });

  it('is under 30 % of the float32 file for the default size', () => {
    const medium = Learner.create({});
    for (const visit of VISITS) medium.observe(visit);
    const float32 = JSON.stringify(encodeModelFile(medium)).length;
    const compact = JSON.stringify(encodeModelFile(medium, { compact: true })).length;
    expect(compact / float32).toBeLessThan(0.3);
  });

  it('can be written without names too', () => {
    const file = encodeModelFile(learner, { compact: true, names: false }) as Record<string, any>;
    expect(file.vocabulary.hosts.every((hash: unknown) => Number.isInteger(hash))).toBe(true);
    expect(decodeModelFile(file).visitsLearned).toBe(learner.visitsLearned);
  });

  it('never accepts a damaged compact file half-way: it is refused with a reason, or every value is within bounds', () => {
    const tensorPaths = Object.keys(fresh().weights).flatMap((name) => ['encoding', 'row', 'scales', 'values'].map((key) => ['weights', name, key]));
    const damage = fc.record({
      path: fc.constantFrom(...tensorPaths),
      value: fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.integer({ min: -5, max: 5000 }), fc.base64String({ maxLength: 60 })),
    });
    fc.assert(fc.property(damage, ({ path, value }) => {
      const file = JSON.parse(compactText);
      file[path[0]][path[1]][path[2]] = value;
      let decoded: Learner;
      try {
        decoded = decodeModelFile(file);
      } catch (error) {
        expect(error).toBeInstanceOf(ModelFileError);
        return;
      }
      expect(decoded.unsoundValue()).toBeNull();
    }), { numRuns: 300 });
  });
});
