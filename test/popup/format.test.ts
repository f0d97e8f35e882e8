import { describe, expect, it } from 'vitest';
import { duration, shortDateTime, signed, signedDuration, signedPoints } from '../../popup/format';

describe('numbers in words', () => {
  it('says durations as a person would, small ones included', () => {
    expect([0, 0.004, 0.04, 0.36, 0.96, 45.4, 150, 3600, 4800].map(duration))
      .toEqual(['0.0 s', '0.004 s', '0.04 s', '0.4 s', '1 s', '45 s', '3 min', '1 h', '1 h 20 min']);
    expect([-1, NaN].map(duration)).toEqual(['–', '–']);
    expect([59.4, 59.6, 3569, 3571].map(duration)).toEqual(['59 s', '1 min', '59 min', '1 h']); // never 60 s, nor 60 min
    expect([-0.3, 0.006].map(signedDuration)).toEqual(['−0.3 s', '+0.006 s']);
  });

  it('writes signed effects without ever reading −0.00', () => {
    expect([0.42, -0.07, -0.003, 0.0004, 1e-7, 0].map((value) => signed(value))).toEqual(['+0.42', '−0.07', '−0.003', '+0.0004', '+0.0000', '+0.00']);
    expect(signed(-0.0004, 3)).toBe('−0.0004');
    expect(signed(0.1234, 3)).toBe('+0.123');
  });

  it('writes a change of a chance in percentage points', () => {
    expect([0.031, -0.12, 0.00004, -1].map(signedPoints)).toEqual(['+3.1 points', '−12.0 points', '+0.004 points', '−100.0 points']);
  });
});

describe('moments in words', () => {
  it('says a time as briefly as is still clear', () => {
    const now = new Date(2025, 2, 14, 21, 30).getTime();
    expect(shortDateTime(new Date(2025, 2, 14, 9, 5).getTime(), now)).toBe('9:05 AM');
    expect(shortDateTime(new Date(2025, 2, 12, 21, 30).getTime(), now)).toBe('Mar 12, 9:30 PM');
    expect(shortDateTime(new Date(2024, 11, 31, 23, 59).getTime(), now)).toBe('Dec 31, 2024, 11:59 PM');
  });
});
