// A visit's key: unique across many visits, and of the shape the background accepts.
import { expect, test } from 'vitest';
import { randomKey } from '../../../extension/content/visit-recorder';
import { validateKey } from '../../../extension/validate';

test('visit keys are unique and of the shape the background accepts', () => {
  const keys = Array.from({ length: 20_000 }, randomKey);
  expect(new Set(keys).size).toBe(keys.length);
  for (const key of keys.slice(0, 100)) expect(validateKey(key)).toBe(key);
  expect(Math.min(...keys.map((key) => key.length))).toBeGreaterThanOrEqual(28);
});
