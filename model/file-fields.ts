// Strict reading of an untrusted model file: every value is checked for its type and range
// before use, and any problem becomes a ModelFileError that names the field in plain words.
import { base64Length, base64ToFloats } from './base64';
import { isHostName } from './host-name';
import { describeRange, firstOutOfRange, type ValueRange } from './value-bounds';

export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

/** A value of the file and where it sits (`weights.embedding.weight`), for messages. */
export class Field {
  constructor(readonly value: unknown, readonly path: string) {}

  fail(problem: string): never {
    throw new ModelFileError(`This model file cannot be used: ${this.path === '' ? 'the file' : this.path} ${problem}.`);
  }

  object(): Record<string, unknown> {
    if (typeof this.value !== 'object' || this.value === null || Array.isArray(this.value)) this.fail('should be an object');
    return this.value as Record<string, unknown>;
  }

  get(name: string): Field {
    const object = this.object();
    if (!Object.hasOwn(object, name)) new Field(undefined, this.child(name)).fail('is missing');
    return new Field(object[name], this.child(name));
  }

  /** The object's keys, which must be exactly `expected` (in any order). */
  keys(expected: string[]): void {
    const actual = Object.keys(this.object());
    const extra = actual.filter((key) => !expected.includes(key));
    const missing = expected.filter((key) => !actual.includes(key));
    if (missing.length > 0) new Field(undefined, this.child(missing[0])).fail('is missing');
    if (extra.length > 0) this.fail(`has an unexpected entry "${extra[0].slice(0, 60)}"`);
  }

  number(low = -Number.MAX_VALUE, high = Number.MAX_VALUE): number {
    if (typeof this.value !== 'number' || !Number.isFinite(this.value)) this.fail('should be a finite number');
    if (this.value < low || this.value > high) this.fail(`should be between ${low} and ${high} (it is ${this.value})`);
    return this.value;
  }

  integer(low: number, high: number): number {
    const value = this.number(low, high);
    if (!Number.isInteger(value)) this.fail(`should be a whole number (it is ${value})`);
    return value;
  }

  boolean(): boolean {
    if (typeof this.value !== 'boolean') this.fail('should be true or false');
    return this.value;
  }

  string(maxLength: number): string {
    if (typeof this.value !== 'string') this.fail('should be text');
    if (this.value.length > maxLength) this.fail(`is longer than ${maxLength} characters`);
    return this.value;
  }

  literal<T extends string | number>(options: readonly T[]): T {
    if (!options.includes(this.value as T)) this.fail(`should be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`);
    return this.value as T;
  }

  array(maxLength: number, exactLength?: number): Field[] {
    if (!Array.isArray(this.value)) this.fail('should be a list');
    const items = this.value as unknown[];
    if (exactLength !== undefined && items.length !== exactLength) {
      this.fail(`should hold ${exactLength} items (it holds ${items.length})`);
    }
    if (items.length > maxLength) this.fail(`holds more than ${maxLength} items`);
    // Array.from, not map: map skips the holes of a sparse array, which must be refused too.
    return Array.from({ length: items.length }, (_, i) => new Field(items[i], `${this.path}[${i}]`));
  }

  numbers(maxLength: number, low?: number, high?: number, exactLength?: number): number[] {
    return this.array(maxLength, exactLength).map((item) => item.number(low, high));
  }

  /** A host name as the URL parser writes it (see host-name.ts). */
  host(): string {
    const text = this.string(Number.MAX_SAFE_INTEGER);
    if (!isHostName(text)) this.fail(`should be a site's host name, like "example.org" (it is ${JSON.stringify(text.slice(0, 60))})`);
    return text;
  }

  /** `count` float32 values from base64 of their little-endian bytes; all finite and within `range`. */
  floats(count: number, range: ValueRange): Float32Array {
    const text = this.string(Number.MAX_SAFE_INTEGER);
    const expected = base64Length(count * 4);
    if (text.length !== expected) {
      this.fail(`should be ${count.toLocaleString('en')} numbers (${expected.toLocaleString('en')} base64 characters), not ${text.length.toLocaleString('en')} characters`);
    }
    const values = base64ToFloats(text, count);
    if (values === null) this.fail('is not valid base64');
    const wrong = firstOutOfRange(values, range);
    if (wrong >= 0) {
      const value = values[wrong];
      if (!Number.isFinite(value)) this.fail(`holds a number that is not finite (at ${wrong})`);
      this.fail(`holds ${value.toExponential(2)} at ${wrong}, outside the range a trained model stays in (${describeRange(range)})`);
    }
    return values;
  }

  private child(name: string): string {
    return this.path === '' ? name : `${this.path}.${name}`;
  }
}
