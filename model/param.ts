// A parameter and its gradient. Dense parameters carry a full gradient and a `dirty` flag;
// sparse ones (embedding rows, next-site slots) have gradients only for the rows touched in
// this step, so optimizers can update just those rows.
// Gradients are never zeroed: the first contribution after a step writes, later ones add.

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
  /** Has this parameter received a gradient since the last optimizer step? (If not, `grad` is stale.) */
  dirty = false;

  constructor(
    readonly name: string,
    readonly rows: number,
    readonly cols: number,
    readonly sparse: boolean,
    /** Whether L2 decay applies (weights: yes; biases: no). */
    readonly decays: boolean,
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

  /** Whether a sparse row already has a gradient in this step (if so, add to it). */
  hasRow(row: number): boolean {
    return this.slotOfRow[row] >= 0;
  }

  /** Offset in `grad` of a sparse row's written-out gradient (stale on its first touch: write it, do not add). */
  touchRow(row: number): number {
    if (this.rankOne) this.writeOut();
    return this.slot(row) * this.cols;
  }

  /** Adds `scales[k] · vector` to the gradient of row `rows[k]`, for k < count (scales null: all 1). */
  addRankOne(rows: Int32Array, scales: ArrayLike<number> | null, count: number, vector: Float32Array): void {
    if (this.dirty) {
      for (let k = 0; k < count; k++) {
        const seen = this.hasRow(rows[k]);
        const offset = this.touchRow(rows[k]);
        const scale = scales === null ? 1 : scales[k];
        for (let j = 0; j < this.cols; j++) this.grad[offset + j] = (seen ? this.grad[offset + j] : 0) + scale * vector[j];
      }
      return;
    }
    this.rankOne = true;
    this.shared.set(vector.subarray(0, this.cols));
    for (let k = 0; k < count; k++) {
      const seen = this.hasRow(rows[k]);
      const slot = this.slot(rows[k]);
      const scale = scales === null ? 1 : scales[k];
      this.rowScale[slot] = seen ? this.rowScale[slot] + scale : scale;
    }
  }

  /** Gradient of value j of the k-th touched row (sparse) or of value j (dense, k = 0). */
  gradAt(k: number, j: number): number {
    if (!this.sparse) return this.grad[j];
    return this.rankOne ? this.rowScale[k] * this.shared[j] : this.grad[k * this.cols + j];
  }

  /** Forgets the gradient (used by an optimizer step, or abandoned). */
  clearGrad(): void {
    if (this.sparse) {
      for (let k = 0; k < this.touchedCount; k++) this.slotOfRow[this.touched[k]] = -1;
      this.touchedCount = 0;
      this.rankOne = false;
    }
    this.dirty = false;
  }

  private slot(row: number): number {
    let slot = this.slotOfRow[row];
    if (slot < 0) {
      slot = this.touchedCount++;
      if (slot === this.touched.length) this.grow();
      this.touched[slot] = row;
      this.slotOfRow[row] = slot;
    }
    this.dirty = true;
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
