// Hostile model files, property-style: fast-check arbitraries of mutations of a real model file
// (fields dropped, wrong types, edge numbers, sizes that would allocate gigabytes, broken base64,
// cut text, deep or huge junk, prototype keys, arbitrary JSON), drawn with a fixed seed so that
// every run tries the same files. The mutations are applied by model-file-build.ts.
import fc from 'fast-check';
import { encodeModelFile, Learner, type Visit } from '../../model/index';
import type { Mutation, PathPart, ValueSpec } from './model-file-build';

export interface ModelFileCase {
  id: number;
  /** Which base file the mutations apply to. */
  base: number;
  /** The family of mutation, for the figures. */
  kind: string;
  mutations: Mutation[];
}

interface Spot { path: PathPart[]; value: unknown }

const WRONG_TYPES: unknown[] = [null, true, false, 0, -1, 1, 0.5, '', 'text', '1', 'NaN', 'Infinity', '1e999', [], {}, [0], { 0: 0 }];
const EDGE_NUMBERS = [0, -1, 0.5, 1.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), 2 ** 32, 2 ** 53, 2 ** 53 + 2, -(2 ** 53), 1e21, 1e308, -1e308,
  Number.MAX_VALUE, Number.MIN_VALUE, 1e-7];
const SIZE_VALUES = [0, -1, 1, 2, 255, 256, 257, 1 << 13, 1 << 14, 1 << 20, (1 << 20) + 1, 2 ** 24, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53, 1e9, 1e300, 1.5, -(2 ** 31)];
const SIZE_PATHS: PathPart[][] = [
  ['architecture', 'buckets'], ['architecture', 'embeddingDim'], ['architecture', 'vocabSize'], ['architecture', 'hidden'],
  ['training', 'dictionarySize'], ['dictionary', 'maxSize'], ['metrics', 'auc', 'next'], ['metrics', 'auc', 'filled'],
  ['metrics', 'pointEvery'], ['optimizer', 'steps'], ['counters', 'visitsLearned'], ['vocabulary', 'increment'], ['training', 'seed'],
];
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'toJSON', '__defineGetter__'];

/** Every node of a file, grouped by its shape path (`dictionary.entries[].name`), so each group is as likely as any other. */
export function spotsOf(file: unknown): Spot[][] {
  const groups = new Map<string, Spot[]>();
  const visit = (value: unknown, path: PathPart[], pattern: string) => {
    if (!groups.has(pattern)) groups.set(pattern, []);
    groups.get(pattern)!.push({ path, value });
    if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i], `${pattern}[]`));
    else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) visit(item, [...path, key], `${pattern}.${key}`);
    }
  };
  visit(file, [], '');
  return [...groups.values()];
}

function spot(groups: Spot[][], keep: (spot: Spot) => boolean): fc.Arbitrary<Spot> {
  const eligible = groups.map((group) => group.filter(keep)).filter((group) => group.length > 0);
  return fc.tuple(fc.nat({ max: eligible.length - 1 }), fc.nat()).map(([g, i]) => eligible[g][i % eligible[g].length]);
}

const json = (value: unknown): ValueSpec => ({ json: value });
const anyJson = fc.jsonValue({ maxDepth: 3 }).map(json);
const wrongType = fc.constantFrom(...WRONG_TYPES).map(json);
const edgeNumber = fc.oneof(
  fc.constantFrom(...EDGE_NUMBERS).map(json),
  fc.constantFrom('Infinity', '-Infinity', '-0').map((number) => ({ number }) as ValueSpec),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(json),
);
const junk = fc.oneof(
  fc.record({ deep: fc.constantFrom(100, 1_000, 10_000, 100_000), kind: fc.constantFrom('array', 'object') as fc.Arbitrary<'array' | 'object'> }),
  fc.record({ huge: fc.integer({ min: 1_000_000, max: 4_000_000 }), char: fc.constantFrom('A', 'é', '\u0000', '{', '𝄞') }),
  fc.record({ wide: fc.constantFrom(10_000, 200_000) }),
  fc.record({ long: fc.constantFrom(100_000, 1_000_000, 3_000_000) }),
) as fc.Arbitrary<ValueSpec>;

/** One mutation of each family, for a base file, labelled with its family. */
function families(base: unknown): { arbitrary: fc.Arbitrary<[string, Mutation]>; weight: number }[] {
  const groups = spotsOf(base);
  const inner = spot(groups, (s) => s.path.length > 0);
  const objects = spot(groups, (s) => typeof s.value === 'object' && s.value !== null && !Array.isArray(s.value));
  const numbers = spot(groups, (s) => typeof s.value === 'number');
  const named = spot(groups, (s) => typeof s.path.at(-1) === 'string');
  const cuttable = spot(groups, (s) => typeof s.value === 'string' || (typeof s.value === 'object' && s.value !== null));
  const base64 = spot(groups, (s) => (s.path[0] === 'weights' || s.path[0] === 'optimizer') && typeof s.value === 'string');
  const family = (kind: string, weight: number, mutation: fc.Arbitrary<Mutation>) =>
    ({ weight, arbitrary: mutation.map((m) => [kind, m] as [string, Mutation]) });
  const lengthOf = (value: unknown) => (typeof value === 'string' || Array.isArray(value) ? value.length : Object.keys(value as object).length);
  return [
    family('drop-field', 10, inner.map((s) => ({ op: 'delete', path: s.path }))),
    family('wrong-type', 10, fc.tuple(inner, wrongType).map(([s, value]) => ({ op: 'set', path: s.path, value }))),
    family('json-value', 8, fc.tuple(inner, anyJson).map(([s, value]) => ({ op: 'set', path: s.path, value }))),
    family('whole-file', 3, fc.oneof(anyJson, wrongType).map((value) => ({ op: 'set', path: [], value }))),
    family('edge-number', 9, fc.tuple(numbers, edgeNumber).map(([s, value]) => ({ op: 'set', path: s.path, value }))),
    family('size', 8, fc.tuple(fc.constantFrom(...SIZE_PATHS), fc.oneof(
      fc.constantFrom(...SIZE_VALUES).map(json),
      fc.constantFrom([256, 256, 256], [256, 256, 256, 256], [2 ** 31], [0], [-1], [1.5]).map(json),
    )).map(([path, value]) => ({ op: 'set', path, value }))),
    family('version', 5, fc.tuple(fc.constantFrom('version', 'format'), fc.oneof(
      fc.constantFrom(0, 1, 5, -1, 1.5, '2', 'two', null, true, [2], { v: 2 }, 1e308, 'Tabula-model', 'tabula-model ', '', 'tabula-data').map(json),
      junk,
    )).map(([key, value]) => ({ op: 'set', path: [key], value }))),
    family('base64', 10, fc.record({
      spot: base64,
      edit: fc.constantFrom('cut', 'grow', 'bad-char', 'padding', 'float', 'float') as fc.Arbitrary<'cut'>,
      at: fc.nat(),
      float: fc.constantFrom<number | 'NaN' | 'Infinity' | '-Infinity'>('NaN', 'Infinity', '-Infinity', 1e39, -1e39, 3.4e38, 1e-45),
    }).map(({ spot: s, edit, at, float }) => ({ op: 'base64', path: s.path, edit, at, float }))),
    family('truncate', 8, fc.tuple(cuttable, fc.double({ min: 0, max: 0.999, noNaN: true }))
      .map(([s, share]) => ({ op: 'keep', path: s.path, count: Math.floor(share * lengthOf(s.value)) }))),
    family('junk', 6, fc.tuple(fc.oneof(inner, fc.constant<Spot>({ path: ['version'], value: 1 })), junk)
      .map(([s, value]) => ({ op: 'set', path: s.path, value }))),
    family('prototype', 6, fc.oneof(
      fc.tuple(objects, fc.constantFrom(...PROTOTYPE_KEYS), fc.oneof(anyJson, fc.constant(json({ polluted: true }))))
        .map(([s, key, value]): Mutation => ({ op: 'add', path: s.path, key, value })),
      fc.tuple(named, fc.constantFrom(...PROTOTYPE_KEYS)).map(([s, to]): Mutation => ({ op: 'rename', path: s.path, to })),
    )),
    family('shape', 6, fc.tuple(fc.oneof(inner, fc.constant<Spot>({ path: [], value: base })), fc.constantFrom('array', 'object', 'values', 'text') as fc.Arbitrary<'array'>)
      .map(([s, as]) => ({ op: 'reshape', path: s.path, as }))),
    family('rename', 4, fc.tuple(named, fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('', ' ', 'Version', 'x'.repeat(100_000))))
      .map(([s, to]) => ({ op: 'rename', path: s.path, to }))),
  ];
}

/** `count` cases over the base files, the same for the same seed. */
export function hostileCases(bases: unknown[], count: number, seed: number): ModelFileCase[] {
  const perBase = bases.map((base) => {
    const single = fc.oneof(...families(base));
    return fc.oneof(
      { weight: 92, arbitrary: single.map(([kind, mutation]) => ({ kind, mutations: [mutation] })) },
      { weight: 8, arbitrary: fc.array(single, { minLength: 2, maxLength: 4 }).map((list) => ({ kind: 'combined', mutations: list.map(([, m]) => m) })) },
    );
  });
  const cases = fc.integer({ min: 0, max: bases.length - 1 }).chain((base) => perBase[base].map((c) => ({ base, ...c })));
  return fc.sample(cases, { numRuns: count, seed }).map((c, id) => ({ id, ...c }));
}

/** A model file made by Tabula's own learner from a made-up browsing life on a few sites (small size). */
export function trainedModelFile(visitCount = 300, seed = 11): Record<string, unknown> {
  const learner = Learner.create({ size: 'small', seed });
  const sites = ['mail.example.com', 'news.example.org', 'blog.example.net', 'video.example.tv', 'docs.example.dev', 'shop.example.com'];
  let state = seed;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  let at = Date.UTC(2025, 0, 6, 8);
  for (let i = 0; i < visitCount; i++) {
    const host = sites[Math.floor(random() ** 2 * sites.length)];
    const activeMs = random() < 0.4 ? 30_000 + random() * 90_000 : random() * 8_000;
    const visit: Visit = {
      url: `https://${host}/page/${i % 17}`, host, path: `/page/${i % 17}`, title: `${host.split('.')[0]} page ${i % 17}`,
      description: 'a page of a made-up life', lang: 'en', kind: 'article', words: 400 + (i % 9) * 100, links: 30, images: 2, videos: 0,
      referrerHost: '', activeMs, scrollDepth: random(), clicks: Math.floor(random() * 4), keys: 0, selections: 0, mediaMs: 0,
      startedAt: at, endedAt: at + activeMs + 3_000,
    };
    learner.observe(visit);
    at += activeMs + 10_000 + (random() < 0.1 ? 3 * 3_600_000 : random() * 120_000);
  }
  return encodeModelFile(learner);
}
