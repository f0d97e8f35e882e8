// A parameter and its gradient. Only this class writes, reads out and forgets the gradient,
// with micrograd's lifecycle minus the zeroing: the first contribution after a step writes the
// gradient, later ones add to it, and the optimizer's step takes it (`takeGrad`), after which the
// next contribution writes again. Layers add to it through `addDense` (dense parameters: every
// value has a gradient) or `addRows`/`addRow` (sparse ones, embedding rows and next-site slots:
// only the rows touched in this step have one, so the optimizer updates just those).
import { gradInto, sumOfSquares } from './kernels';

/** The row scale of a single-row gradient, such as a bias's. */
export const ONE = Float32Array.of(1);

/** Receives a gradient row by row: values [at, at + n) of the parameter have the gradient scale · grad[from ..]. */
export type GradRow = (at: number, n: number, grad: Float32Array, from: number, scale: number) => void;

export class Param {
  readonly value: Float32Array;
  /** Dense: rows × cols. Sparse, written out: the k-th touched row's gradient at k × cols. */
  grad: Float32Array;
  /** Touched rows of a sparse parameter, in order of first touch. */
  touched: Int32Array;
  touchedCount = 0;
  /**
   * A sparse gradient from a single backward pass is usually rank one: an embedding bag
   * gives every active row ± the same vector, a softmax head gives each slot's row a multiple
   * of its input. It is then kept as `rowScale[k] · shared` (no row written out) until a
   * second pass in the same step adds something else.
   */
  rankOne = false;
  readonly shared: Float32Array;
  rowScale: Float64Array;
  /** For each row of a sparse parameter, its place in `touched` this step, or -1. */
  private readonly slotOfRow: Int32Array;
  /** Whether a gradient was added since the last step (if not, `grad` is stale: the next contribution writes). */
  private written = false;

  constructor(
    readonly name: string,
    readonly rows: number,
    readonly cols: number,
    readonly sparse: boolean,
    /** Whether L2 decay applies (weights: yes; biases: no). */
    readonly decays: boolean,
    /** The optimizer's learning rate is multiplied by this for this parameter. */
    readonly rateScale = 1,
  ) {
    this.value = new Float32Array(rows * cols);
    this.grad = new Float32Array(sparse ? 8 * cols : rows * cols);
    this.touched = new Int32Array(sparse ? 8 : 0);
    this.rowScale = new Float64Array(sparse ? 8 : 0);
    this.shared = new Float32Array(sparse ? cols : 0);
    this.slotOfRow = new Int32Array(sparse ? rows : 0).fill(-1);
  }

  get size(): number {
    return this.value.length;
  }

  /** Whether the parameter has a gradient waiting for the optimizer's step. */
  get hasGrad(): boolean {
    return this.written;
  }

  /** Dense: adds `rowScales[r] · x` to row r of the gradient, for every row (a single row, as a bias: `x` itself). */
  addDense(x: Float32Array, rowScales: ArrayLike<number> = ONE): void {
    const cols = this.cols;
    for (let r = 0; r < this.rows; r++) gradInto(this.written, this.grad, r * cols, rowScales[r], x, 0, cols);
    this.written = true;
  }

  /** Sparse: adds `scales[k] · x` to the gradient of row `rows[k]`, for k < count (scales null: all 1). */
  addRows(rows: Int32Array, scales: ArrayLike<number> | null, count: number, x: Float32Array): void {
    if (this.written) {
      for (let k = 0; k < count; k++) {
        const seen = this.hasRow(rows[k]);
        const offset = this.touchRow(rows[k]);
        const scale = scales === null ? 1 : scales[k];
        for (let j = 0; j < this.cols; j++) this.grad[offset + j] = (seen ? this.grad[offset + j] : 0) + scale * x[j];
      }
      return;
    }
    // The first contribution of this step: kept in rank-one form.
    this.rankOne = true;
    this.shared.set(x.subarray(0, this.cols));
    for (let k = 0; k < count; k++) {
      const seen = this.hasRow(rows[k]);
      const slot = this.slot(rows[k]);
      const scale = scales === null ? 1 : scales[k];
      this.rowScale[slot] = seen ? this.rowScale[slot] + scale : scale;
    }
  }

  /** Sparse: adds `scale · x` to the gradient of one row, written out. */
  addRow(row: number, scale: number, x: Float32Array): void {
    const seen = this.hasRow(row);
    const offset = this.touchRow(row);
    for (let j = 0; j < this.cols; j++) this.grad[offset + j] = seen ? this.grad[offset + j] + scale * x[j] : scale * x[j];
  }

  /** Gradient of value j of the k-th touched row (sparse) or of value j (dense, k = 0). */
  gradAt(k: number, j: number): number {
    if (!this.sparse) return this.grad[j];
    return this.rankOne ? this.rowScale[k] * this.shared[j] : this.grad[k * this.cols + j];
  }

  /** The squared norm of the gradient (0 without one), for clipping by the global norm. */
  gradSumOfSquares(): number {
    if (!this.written) return 0;
    if (!this.sparse) return sumOfSquares(this.grad, this.size);
    if (!this.rankOne) return sumOfSquares(this.grad, this.touchedCount * this.cols);
    let scales = 0;
    for (let k = 0; k < this.touchedCount; k++) scales += this.rowScale[k] * this.rowScale[k];
    return scales * sumOfSquares(this.shared, this.cols);
  }

  /** Hands the gradient, times `scale`, to `update` row by row (dense: as one row; consecutive written-out rows: as one run), then forgets it. */
  takeGrad(scale: number, update: GradRow): void {
    if (!this.written) return;
    const cols = this.cols;
    if (!this.sparse) update(0, this.size, this.grad, 0, scale);
    else if (this.rankOne) for (let k = 0; k < this.touchedCount; k++) update(this.touched[k] * cols, cols, this.shared, 0, scale * this.rowScale[k]);
    else {
      // Rows touched one after the other, like a softmax's first slots, are handed over as one run.
      for (let k = 0; k < this.touchedCount; ) {
        let end = k + 1;
        while (end < this.touchedCount && this.touched[end] === this.touched[end - 1] + 1) end++;
        update(this.touched[k] * cols, (end - k) * cols, this.grad, k * cols, scale);
        k = end;
      }
    }
    this.clearGrad();
  }

  /** Forgets the gradient without using it. */
  clearGrad(): void {
    if (this.sparse) {
      for (let k = 0; k < this.touchedCount; k++) this.slotOfRow[this.touched[k]] = -1;
      this.touchedCount = 0;
      this.rankOne = false;
    }
    this.written = false;
  }

  private hasRow(row: number): boolean {
    return this.slotOfRow[row] >= 0;
  }

  /** Offset in `grad` of a sparse row's written-out gradient (stale on its first touch: write it, do not add). */
  private touchRow(row: number): number {
    if (this.rankOne) this.writeOut();
    return this.slot(row) * this.cols;
  }

  private slot(row: number): number {
    let slot = this.slotOfRow[row];
    if (slot < 0) {
      slot = this.touchedCount++;
      if (slot === this.touched.length) this.grow();
      this.touched[slot] = row;
      this.slotOfRow[row] = slot;
    }
    this.written = true;
    return slot;
  }

  /** Writes a rank-one gradient out row by row, so that other contributions can be added. */
  private writeOut(): void {
    this.rankOne = false;
    for (let k = 0; k < this.touchedCount; k++) {
      for (let j = 0; j < this.cols; j++) this.grad[k * this.cols + j] = this.rowScale[k] * this.shared[j];
    }
  }

  private grow(): void {
    const length = this.touched.length * 2;
    const touched = new Int32Array(length);
    touched.set(this.touched);
    this.touched = touched;
    const rowScale = new Float64Array(length);
    rowScale.set(this.rowScale);
    this.rowScale = rowScale;
    const grad = new Float32Array(length * this.cols);
    grad.set(this.grad);
    this.grad = grad;
  }
}
