// A map of the user's sites as the model sees them. The next-site head scores each site with a
// row of weights against the body's output: sites whose rows are alike are expected in the same
// moments (the same hour, the same site before, the same kind of page). The rows of the most
// visited sites are centred and projected onto the two directions in which they differ most
// (their first two principal components, found by power iteration), so that sites the model
// treats alike sit together on the plane.
import type { LearnerParts } from './learner-parts';

export interface SitePoint {
  host: string;
  /** Visits of the site, decayed as the vocabulary counts them. */
  visits: number;
  /** The site's place on the map, each axis scaled to -1..1. */
  x: number;
  y: number;
}

export interface SiteMap {
  points: SitePoint[];
  /** Share of the rows' spread (variance) that the two axes show, 0..1. */
  shown: number;
}

/** The most visited sites placed; more would crowd a popup's map. */
export const MAP_SITES = 40;
const ITERATIONS = 200;

/** The map of the most visited named sites; no points until three sites are known. */
export function siteMap(parts: LearnerParts): SiteMap {
  const { vocabulary, net } = parts;
  const width = net.width;
  const rows = net.next.weight.value;
  const sites = Array.from({ length: vocabulary.occupied }, (_, slot) => ({ slot, host: vocabulary.hostOf(slot), visits: vocabulary.visits(slot) }))
    .filter((site) => site.host !== '' && site.visits > 0)
    .sort((a, b) => b.visits - a.visits || a.host.localeCompare(b.host))
    .slice(0, MAP_SITES);
  if (sites.length < 3) return { points: [], shown: 0 };

  const centred = sites.map(({ slot }) => Array.from(rows.subarray(slot * width, (slot + 1) * width)));
  for (let j = 0; j < width; j++) {
    const mean = centred.reduce((sum, row) => sum + row[j], 0) / centred.length;
    for (const row of centred) row[j] -= mean;
  }
  const covariance = Array.from({ length: width }, (_, i) => Array.from({ length: width }, (_, j) => centred.reduce((sum, row) => sum + row[i] * row[j], 0)));
  const spread = covariance.reduce((sum, row, i) => sum + row[i], 0);
  if (!(spread > 0)) return { points: [], shown: 0 };

  const first = leadingDirection(covariance);
  deflate(covariance, first);
  const second = leadingDirection(covariance);
  const xs = centred.map((row) => dot(row, first.vector));
  const ys = centred.map((row) => dot(row, second.vector));
  // A direction's sign is arbitrary: turn each so that the most visited site lies on its positive side.
  const xSign = xs[0] < 0 ? -1 : 1;
  const ySign = ys[0] < 0 ? -1 : 1;
  const xScale = largestMagnitude(xs) || 1;
  const yScale = largestMagnitude(ys) || 1;
  return {
    points: sites.map(({ host, visits }, i) => ({ host, visits, x: (xSign * xs[i]) / xScale, y: (ySign * ys[i]) / yScale })),
    shown: Math.min(1, (first.value + second.value) / spread),
  };
}

/** The unit eigenvector of a symmetric positive semi-definite matrix with the largest eigenvalue, and that value. */
function leadingDirection(matrix: number[][]): { vector: number[]; value: number } {
  const n = matrix.length;
  // A fixed start that no eigenvector of a real model is orthogonal to in practice.
  let vector = Array.from({ length: n }, (_, i) => 1 / Math.sqrt(i + 1));
  let value = 0;
  for (let step = 0; step < ITERATIONS; step++) {
    const next = matrix.map((row) => dot(row, vector));
    const length = Math.hypot(...next);
    if (length === 0) return { vector: new Array<number>(n).fill(0), value: 0 };
    vector = next.map((v) => v / length);
    value = length;
  }
  return { vector, value };
}

/** Takes a found direction out of the matrix, so that the next leading direction is the second. */
function deflate(matrix: number[][], { vector, value }: { vector: number[]; value: number }): void {
  for (let i = 0; i < matrix.length; i++) {
    for (let j = 0; j < matrix.length; j++) matrix[i][j] -= value * vector[i] * vector[j];
  }
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function largestMagnitude(values: number[]): number {
  return values.reduce((largest, v) => Math.max(largest, Math.abs(v)), 0);
}
