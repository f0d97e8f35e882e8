// Seeded random numbers: a model's initial weights, and so every test, are repeatable from a seed.

/** Splitmix-style generator: a Weyl sequence (step 0x9e3779b9) passed through a 32-bit finaliser. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The whole state, to save and restore a generator mid-sequence. */
  get position(): number {
    return this.state;
  }

  set position(state: number) {
    this.state = state >>> 0;
  }

  nextUint32(): number {
    this.state = (this.state + 0x9e3779b9) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  uniform(low: number, high: number): number {
    return low + (high - low) * this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal (Box–Muller; 1 - u keeps the logarithm finite). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  fillNormal(array: Float32Array, std: number): void {
    for (let i = 0; i < array.length; i++) array[i] = this.normal() * std;
  }

  fillUniform(array: Float32Array, limit: number): void {
    for (let i = 0; i < array.length; i++) array[i] = this.uniform(-limit, limit);
  }
}
