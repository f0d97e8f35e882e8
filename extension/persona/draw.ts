// The random draws the persona is made of, all from one seeded generator (model/rng.ts), so that
// a seed gives the same person and the same log on every machine.
import { Rng } from '../../model/rng';

export class Draw {
  private readonly rng: Rng;

  constructor(seed: number) {
    this.rng = new Rng(seed);
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.rng.next();
  }

  uniform(low: number, high: number): number {
    return this.rng.uniform(low, high);
  }

  /** Uniform whole number in [0, n). */
  int(n: number): number {
    return this.rng.int(n);
  }

  chance(probability: number): boolean {
    return this.rng.next() < probability;
  }

  normal(mean = 0, std = 1): number {
    return mean + std * this.rng.normal();
  }

  /** A positive number whose logarithm is normal: `median` × e^(N(0, sigma)). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.rng.normal());
  }

  /** Poisson count (Knuth's product of uniforms; the means here are small). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(this.normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.rng.next(); product > limit; product *= this.rng.next()) count++;
    return count;
  }

  /**
   * A Weibull draw of shape `shape` and scale `scale`, truncated to [low, high): the inverse of
   * the distribution function applied to a uniform draw between the function's values at the bounds.
   */
  weibullBetween(shape: number, scale: number, low: number, high: number): number {
    const cdf = (x: number): number => (x <= 0 ? 0 : -Math.expm1(-((x / scale) ** shape)));
    const from = cdf(low);
    const to = high === Infinity ? 1 : cdf(high);
    const u = from + (to - from) * this.rng.next();
    const value = scale * (-Math.log1p(-Math.min(u, 1 - 1e-12))) ** (1 / shape);
    return Math.min(Math.max(value, low), high === Infinity ? value : high - 1e-9);
  }

  /** One item of a list, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[this.rng.int(items.length)];
  }

  /** The index of a weight, drawn in proportion to the weights (all ≥ 0, not all 0). */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let u = this.rng.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** `count` different items of a list, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    for (let i = 0; i < Math.min(count, pool.length); i++) {
      const j = i + this.rng.int(pool.length - i);
      [pool[i], pool[j]] = [pool[j], pool[i]];
    }
    return pool.slice(0, count);
  }
}
