// The little geometry the charts share: linear scales, extents, SVG paths, how far they grow.

export type Scale = (value: number) => number;

/** How far a chart may grow beyond its drawn size before its text looks oversized. */
export const MAX_SCALE = 1.6;

/** Maps [domainMin, domainMax] onto [rangeStart, rangeEnd]; a flat domain maps to the middle. */
export function linearScale([domainMin, domainMax]: [number, number], [rangeStart, rangeEnd]: [number, number]): Scale {
  const span = domainMax - domainMin;
  if (span === 0) return () => (rangeStart + rangeEnd) / 2;
  return (value) => rangeStart + ((value - domainMin) / span) * (rangeEnd - rangeStart);
}

/** Smallest and largest finite value of all the series (or [0, 1] when there is none). */
export function extent(...series: number[][]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const values of series) {
    for (const value of values) {
      if (!Number.isFinite(value)) continue;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  }
  return low === Infinity ? [0, 1] : [low, high];
}

/** An SVG path through the points, skipping gaps (non-finite values). */
export function linePath(xs: number[], ys: number[], x: Scale, y: Scale): string {
  let path = '';
  let pen = 'M';
  for (let i = 0; i < ys.length; i++) {
    if (!Number.isFinite(ys[i])) { pen = 'M'; continue; }
    path += `${pen}${x(xs[i]).toFixed(1)},${y(ys[i]).toFixed(1)}`;
    pen = 'L';
  }
  return path;
}

/** At most `limit` indices spread evenly over `length` items, first and last included. */
export function sampleIndices(length: number, limit: number): number[] {
  if (length <= limit) return Array.from({ length }, (_, i) => i);
  const step = (length - 1) / (limit - 1);
  return Array.from({ length: limit }, (_, i) => Math.round(i * step));
}

/** Largest absolute value, at least a tiny epsilon so that dividing by it is safe. */
export function maxAbs(values: number[]): number {
  return values.reduce((max, value) => Math.max(max, Math.abs(value)), 1e-9);
}
