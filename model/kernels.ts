// The inner loops of the layers, unrolled: V8 does not vectorise, and unrolling roughly
// halves the time of these short loops (measured on 32- and 64-wide rows; axpy, the most
// used, gains another quarter from eight at a time).

/** y[yo..yo+n) += a · x[xo..xo+n) */
export function axpy(y: Float32Array, yo: number, a: number, x: Float32Array, xo: number, n: number): void {
  const end = n & ~7;
  let j = 0;
  for (; j < end; j += 8) {
    y[yo + j] += a * x[xo + j];
    y[yo + j + 1] += a * x[xo + j + 1];
    y[yo + j + 2] += a * x[xo + j + 2];
    y[yo + j + 3] += a * x[xo + j + 3];
    y[yo + j + 4] += a * x[xo + j + 4];
    y[yo + j + 5] += a * x[xo + j + 5];
    y[yo + j + 6] += a * x[xo + j + 6];
    y[yo + j + 7] += a * x[xo + j + 7];
  }
  for (; j < n; j++) y[yo + j] += a * x[xo + j];
}

/** y[0..n) += a · x[xa..xa+n) + b · x[xb..xb+n): two rows at once read and write y half as often. */
export function axpyTwo(y: Float32Array, a: number, x: Float32Array, xa: number, b: number, xb: number, n: number): void {
  const end = n & ~3;
  let j = 0;
  for (; j < end; j += 4) {
    y[j] += a * x[xa + j] + b * x[xb + j];
    y[j + 1] += a * x[xa + j + 1] + b * x[xb + j + 1];
    y[j + 2] += a * x[xa + j + 2] + b * x[xb + j + 2];
    y[j + 3] += a * x[xa + j + 3] + b * x[xb + j + 3];
  }
  for (; j < n; j++) y[j] += a * x[xa + j] + b * x[xb + j];
}

/** Σ a[ao+j] · b[bo+j] for j < n */
export function dot(a: Float32Array, ao: number, b: Float32Array, bo: number, n: number): number {
  const end = n & ~3;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j < end; j += 4) {
    s0 += a[ao + j] * b[bo + j];
    s1 += a[ao + j + 1] * b[bo + j + 1];
    s2 += a[ao + j + 2] * b[bo + j + 2];
    s3 += a[ao + j + 3] * b[bo + j + 3];
  }
  for (; j < n; j++) s0 += a[ao + j] * b[bo + j];
  return s0 + s1 + s2 + s3;
}

/** y[yo..yo+n) = a · x[xo..xo+n) */
export function scaleInto(y: Float32Array, yo: number, a: number, x: Float32Array, xo: number, n: number): void {
  const end = n & ~3;
  let j = 0;
  for (; j < end; j += 4) {
    y[yo + j] = a * x[xo + j];
    y[yo + j + 1] = a * x[xo + j + 1];
    y[yo + j + 2] = a * x[xo + j + 2];
    y[yo + j + 3] = a * x[xo + j + 3];
  }
  for (; j < n; j++) y[yo + j] = a * x[xo + j];
}

/** y[yo..) += a · x[xo..) when `accumulate`, else y[yo..) = a · x[xo..): gradients are written on first use, then added. */
export function gradInto(accumulate: boolean, y: Float32Array, yo: number, a: number, x: Float32Array, xo: number, n: number): void {
  if (accumulate) axpy(y, yo, a, x, xo, n);
  else scaleInto(y, yo, a, x, xo, n);
}

/** Σ x[j]² for j < n (four running sums: a single one would wait on each addition). */
export function sumOfSquares(x: Float32Array, n: number): number {
  const end = n & ~3;
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let j = 0;
  for (; j < end; j += 4) {
    s0 += x[j] * x[j];
    s1 += x[j + 1] * x[j + 1];
    s2 += x[j + 2] * x[j + 2];
    s3 += x[j + 3] * x[j + 3];
  }
  for (; j < n; j++) s0 += x[j] * x[j];
  return s0 + s1 + s2 + s3;
}
