// The 8-bit encoding of a model file's tensors (docs/model-format.md, "Compact files"): each
// row of a tensor gets one float32 scale and one byte per value, and a row of zeros is its
// scale alone. It knows nothing of which tensors a net has: any tensor the file declares is
// written and read the same way, given its row length and the range its values must stay in.
import { base64Length, base64ToBytes, base64ToFloats, bytesToBase64, floatsToBase64 } from './base64';
import type { Field } from './file-fields';
import { describeRange, type ValueRange } from './value-bounds';

export const INT8_ROWS = 'int8-rows';

/** A tensor in 8 bits: `scales` (float32, one per row) and `values` (a byte per value of each row whose scale is not 0). */
export interface Int8Rows {
  encoding: typeof INT8_ROWS;
  row: number;
  scales: string;
  values: string;
}

/**
 * Values that may be negative are stored as signed bytes, −127 to 127, times the row's scale.
 * Values never negative (second moments: sums of squared gradients) are stored by their square
 * root, as bytes 0 to 255 times the scale, then squared: small sums keep more of their precision,
 * which AdaGrad's and Adam's step sizes (lr / √sum) depend on.
 */
function levelsOf(range: ValueRange): { levels: number; squared: boolean } {
  return range.low >= 0 ? { levels: 255, squared: true } : { levels: 127, squared: false };
}

export function encodeInt8Rows(values: Float32Array, row: number, range: ValueRange): Int8Rows {
  if (row < 1 || values.length % row !== 0) throw new RangeError(`a row of ${row} does not divide ${values.length} values`);
  const { levels, squared } = levelsOf(range);
  const rows = values.length / row;
  const scales = new Float32Array(rows);
  const bytes: number[] = [];
  for (let r = 0; r < rows; r++) {
    let largest = 0;
    for (let i = r * row; i < (r + 1) * row; i++) largest = Math.max(largest, squared ? Math.sqrt(values[i]) : Math.abs(values[i]));
    const scale = Math.fround(largest / levels);
    scales[r] = scale;
    if (scale === 0) continue; // a row of zeros: its scale says it all
    for (let i = r * row; i < (r + 1) * row; i++) {
      const level = Math.round((squared ? Math.sqrt(values[i]) : values[i]) / scale);
      bytes.push(Math.max(-levels, Math.min(levels, level)) & 255);
    }
  }
  return { encoding: INT8_ROWS, row, scales: floatsToBase64(scales), values: bytesToBase64(Uint8Array.from(bytes)) };
}

/**
 * The `count` values of a tensor written in 8 bits, checked as strictly as float32 ones: the
 * row must divide the tensor, lengths are checked before anything is decoded, the scales must
 * be finite and not negative, −128 is not a signed level, and every value must lie in `range`.
 */
export function readInt8Rows(field: Field, count: number, range: ValueRange): Float32Array {
  field.keys(['encoding', 'row', 'scales', 'values']);
  field.get('encoding').literal([INT8_ROWS]);
  const row = field.get('row').integer(1, Math.max(1, count));
  if (count % row !== 0) field.get('row').fail(`should divide the tensor's ${count.toLocaleString('en')} numbers into rows`);
  const rows = count / row;
  const scales = readScales(field.get('scales'), rows);
  const used = scales.reduce((sum, scale) => sum + (scale > 0 ? 1 : 0), 0);
  const valuesField: Field = field.get('values');
  const text = valuesField.string(Number.MAX_SAFE_INTEGER);
  const expected = base64Length(used * row);
  if (text.length !== expected) {
    valuesField.fail(`should be ${(used * row).toLocaleString('en')} bytes (${expected.toLocaleString('en')} base64 characters: a row of ${row} for each of the ${used.toLocaleString('en')} scales that are not 0), not ${text.length.toLocaleString('en')} characters`);
  }
  const bytes = base64ToBytes(text);
  if (bytes === null) valuesField.fail('is not valid base64');
  const { squared } = levelsOf(range);
  const values = new Float32Array(count);
  let next = 0;
  for (let r = 0; r < rows; r++) {
    const scale = scales[r];
    if (scale === 0) continue;
    for (let i = r * row; i < (r + 1) * row; i++) {
      const byte = bytes[next++];
      if (!squared && byte === 128) valuesField.fail(`holds the level -128 at ${next - 1} (signed levels are -127 to 127)`);
      const level = squared ? byte : (byte << 24) >> 24;
      values[i] = squared ? (level * scale) ** 2 : level * scale;
      if (!(values[i] >= range.low && values[i] <= range.high)) {
        field.fail(`holds ${values[i].toExponential(2)} at ${i}, outside the range a trained model stays in (${describeRange(range)})`);
      }
    }
  }
  return values;
}

function readScales(field: Field, rows: number): Float32Array {
  const text = field.string(Number.MAX_SAFE_INTEGER);
  const expected = base64Length(rows * 4);
  if (text.length !== expected) field.fail(`should be ${rows.toLocaleString('en')} numbers, one per row (${expected.toLocaleString('en')} base64 characters), not ${text.length.toLocaleString('en')} characters`);
  const scales = base64ToFloats(text, rows);
  if (scales === null) field.fail('is not valid base64');
  const wrong = scales.findIndex((scale) => !(scale >= 0 && scale <= Number.MAX_VALUE));
  if (wrong >= 0) field.fail(`holds ${scales[wrong]} at ${wrong}, not a finite scale of 0 or more`);
  return scales;
}
