// The 8-bit encoding of a tensor: the levels and scales worked out by hand, rows of zeros left
// out, and strict refusal of any scale, length or level out of place.
import { describe, expect, it } from 'vitest';
import { Field, ModelFileError } from '../../model/file-fields';
import { encodeInt8Rows, readInt8Rows } from '../../model/int8-rows';
import { slotRange, WEIGHT_RANGE } from '../../model/value-bounds';

const SQUARES = slotRange('sumSquares');
const f32 = (values: number[]): string => Buffer.from(new Float32Array(values).buffer).toString('base64');
const bytes = (values: number[]): string => Buffer.from(Uint8Array.from(values)).toString('base64');
const read = (file: unknown, count: number, range = WEIGHT_RANGE): Float32Array => readInt8Rows(new Field(file, 'weights.w'), count, range);

function refusal(file: unknown, count: number, range = WEIGHT_RANGE): string {
  try {
    read(file, count, range);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelFileError);
    return (error as Error).message;
  }
  throw new Error('accepted');
}

describe('8-bit rows', () => {
  it('writes signed values as levels of -127 to 127 times the row\'s largest over 127', () => {
    const encoded = encodeInt8Rows(new Float32Array([2, -1.1, 0.5, 0, 0, 0, 0, 0]), 4, WEIGHT_RANGE);
    const scale = Math.fround(2 / 127);
    expect(encoded.row).toBe(4);
    expect(encoded.scales).toBe(f32([scale, 0]));
    // -1.1/scale = -69.85 rounds to -70 (186 as a byte), 0.5/scale = 31.75 to 32; the row of zeros has no bytes
    expect(encoded.values).toBe(bytes([127, 186, 32, 0]));
    expect(Array.from(read(encoded, 8))).toEqual([127 * scale, -70 * scale, 32 * scale, 0, 0, 0, 0, 0].map(Math.fround));
  });

  it('writes values never negative by their square roots, levels of 0 to 255', () => {
    const encoded = encodeInt8Rows(new Float32Array([4, 2.25, 0, 0.25]), 4, SQUARES);
    const scale = Math.fround(2 / 255);
    expect(encoded.scales).toBe(f32([scale]));
    expect(encoded.values).toBe(bytes([255, 191, 0, 64])); // √2.25/scale = 191.25 → 191, √0.25/scale = 63.75 → 64
    expect(Array.from(read(encoded, 4, SQUARES))).toEqual([(255 * scale) ** 2, (191 * scale) ** 2, 0, (64 * scale) ** 2].map(Math.fround));
  });

  it('keeps every value within half a level of its row', () => {
    const values = new Float32Array(64 * 24).map((_, i) => Math.sin(i * 1.7) * (1 + (i % 24)) * 0.01 * (i % 7 === 0 ? 50 : 1));
    const back = read(encodeInt8Rows(values, 24, WEIGHT_RANGE), values.length);
    for (let r = 0; r < 64; r++) {
      const row = values.subarray(r * 24, r * 24 + 24);
      const halfLevel = Math.max(...row.map(Math.abs)) / 127 / 2;
      for (let i = 0; i < 24; i++) expect(Math.abs(back[r * 24 + i] - row[i])).toBeLessThanOrEqual(halfLevel * 1.0001);
    }
  });

  it.each([
    ['a row that does not divide the tensor', { row: 3 }, 8, /weights.w.row should divide the tensor's 8 numbers into rows/],
    ['too few scales', { scales: f32([0.1]) }, 8, /weights.w.scales should be 2 numbers, one per row/],
    ['a negative scale', { scales: f32([-0.1, 0]) }, 8, /weights.w.scales holds -0.1\d* at 0, not a finite scale/],
    ['a scale that is not finite', { scales: f32([Number.NaN, 0]) }, 8, /weights.w.scales holds NaN at 0/],
    ['bytes for a row whose scale is 0', { values: bytes([1, 2, 3, 4, 5, 6, 7, 8]) }, 8, /weights.w.values should be 4 bytes \(8 base64 characters: a row of 4 for each of the 1 scales that are not 0\), not 12 characters/],
    ['the level -128', { values: bytes([128, 0, 0, 0]) }, 8, /weights.w.values holds the level -128 at 0/],
    ['values past the weights\' bounds', { scales: f32([1000, 0]) }, 8, /weights.w holds 1.27e\+5 at 0, outside the range a trained model stays in \(from -10,000 to 10,000\)/],
    ['another encoding', { encoding: 'int4-rows' }, 8, /weights.w.encoding should be one of "int8-rows"/],
    ['values that are not base64', { values: '*AAAAA==' }, 8, /weights.w.values is not valid base64/],
  ])('refuses %s', (_, change, count, message) => {
    const encoded = { ...encodeInt8Rows(new Float32Array([2, -1, 0.5, 0, 0, 0, 0, 0]), 4, WEIGHT_RANGE), ...change };
    expect(refusal(encoded, count)).toMatch(message);
  });

  it('refuses an unknown entry and a missing one', () => {
    const encoded = encodeInt8Rows(new Float32Array(4), 4, WEIGHT_RANGE);
    expect(refusal({ ...encoded, extra: 1 }, 4)).toMatch(/weights.w has an unexpected entry "extra"/);
    const { scales, ...withoutScales } = encoded;
    expect(refusal(withoutScales, 4)).toMatch(/weights.w.scales is missing/);
  });
});
