// Timing that a busy machine cannot skew much. Work is timed in short blocks, and a rate is the
// median over the blocks, so a pause in a few blocks (a collection, another program) moves
// nothing. Each block is timed twice: by this process's CPU time, which other programs do not
// eat into, and by the wall clock. On an idle machine the two agree; on a shared one the wall
// clock depends on how much of the machine each implementation happened to get.

export interface Rates {
  /** Items per second of this process's CPU time (user + system, all its threads). */
  readonly perCpuSecond: number;
  /** Items per second of wall-clock time. */
  readonly perWallSecond: number;
  readonly blocks: number;
  /** Wall-clock time of all the blocks together. */
  readonly totalWallMs: number;
}

export class BlockTimer {
  private readonly cpuRates: number[] = [];
  private readonly wallRates: number[] = [];
  private totalWallMs = 0;

  /** Runs `body`, which handles `items` items, as one timed block. */
  time(items: number, body: () => void): void {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    body();
    const wallMs = performance.now() - wallBefore;
    const cpu = process.cpuUsage(cpuBefore);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    this.totalWallMs += wallMs;
    // A block shorter than the clocks can see is left out rather than counted as infinitely fast.
    if (cpuMs > 0 && wallMs > 0) {
      this.cpuRates.push((items / cpuMs) * 1000);
      this.wallRates.push((items / wallMs) * 1000);
    }
  }

  rates(): Rates {
    return {
      perCpuSecond: median(this.cpuRates),
      perWallSecond: median(this.wallRates),
      blocks: this.cpuRates.length,
      totalWallMs: this.totalWallMs,
    };
  }
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
