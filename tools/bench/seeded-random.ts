// A small seeded random generator for the benchmark, so that every run sees the same
// task, the same example stream and (where a library allows it) the same initial weights.

export type Random = () => number;

/** mulberry32: 32-bit state, uniform floats in [0, 1); fast and good enough for a workload. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draw (Box-Muller); the unused second value is dropped to keep state simple. */
export function gaussian(random: Random): number {
  const u = 1 - random(); // in (0, 1], so the log is finite
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Runs `body` with Math.random replaced by a seeded generator. Some libraries draw their
 * initial weights from Math.random and offer no seed; this makes their runs repeatable too.
 */
export function withSeededMathRandom<T>(seed: number, body: () => T): T {
  const original = Math.random;
  Math.random = seededRandom(seed);
  try {
    return body();
  } finally {
    Math.random = original;
  }
}
