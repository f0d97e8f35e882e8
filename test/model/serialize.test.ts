// The model file: exact round trip, and strict refusal of anything corrupt, truncated,
// type-confused or oversized, always with a ModelFileError that says what is wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Learner } from '../../model/learner';
import { MAX_MODEL_FILE_CHARS } from '../../model/file-limits';
import { decodeModelFile, encodeModelFile, ModelFileError } from '../../model/serialize';
import { expectSameSnapshot, syntheticVisits } from './helpers';

const VISITS = syntheticVisits(400, 13);
const SMALL = { buckets: 128, embeddingDim: 4, vocabSize: 6, dictionarySize: 40 };

function smallLearner(): Learner {
  const learner = Learner.create(SMALL);
  for (const visit of VISITS.slice(0, 300)) learner.observe(visit);
  return learner;
}

const fileText = JSON.stringify(encodeModelFile(smallLearner()));
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
    expect(file.version).toBe(1);
    expect(file.hashing).toEqual({ function: 'murmur3_x86_32', seed: expect.any(Number) });
    expect(typeof file.weights['embedding.weight']).toBe('string');
  });

  it.each([
    ['something other than an object', () => [1, 2], /the file should be an object/],
    ['another format', () => ({ ...fresh(), format: 'keras' }), /not a Tabula model file/],
    ['a later version', () => ({ ...fresh(), version: 2 }), /version 2; this Tabula reads version 1/],
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
    ['a learning rate out of range', () => { const f = fresh(); f.training.learningRate = 1e9; return f; }, /settings are out of range \(learningRate/],
    ['too many sites', () => { const f = fresh(); f.vocabulary.hosts = Array.from({ length: 7 }, (_, i) => `h${i}`); return f; }, /vocabulary.hosts holds more than 6 items/],
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

  it('reads a file from its text as well, and refuses text that is not JSON or too long', () => {
    expect(JSON.stringify(encodeModelFile(decodeModelFile(fileText)))).toBe(fileText);
    expect(rejection(fileText.slice(0, 1000))).toBe('This file is not JSON, so it cannot be a Tabula model file.');
    const tooLong = fileText.padEnd(MAX_MODEL_FILE_CHARS + 1, ' ');
    expect(rejection(tooLong)).toBe('This file is 64 MB, larger than any Tabula model file (at most 64 MB).');
  });

  it('names a wrong version in words, however deeply it is nested', () => {
    const deep = `{"format":"tabula-model","version":${'['.repeat(100_000)}0${']'.repeat(100_000)}}`;
    expect(rejection(deep)).toBe('This model file is version a list; this Tabula reads version 1.');
    expect(rejection({ ...fresh(), version: 'two point oh, the new one with everything' })).toBe('This model file is version "two point oh, the ne"; this Tabula reads version 1.');
    expect(rejection({ ...fresh(), version: 2 })).toBe('This model file is version 2; this Tabula reads version 1.');
  });
});
