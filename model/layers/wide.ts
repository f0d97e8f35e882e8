// The wide path, beside the embedding: one learned weight per hashed feature and output, whose
// signed sum is added to the outputs (as in wide-and-deep). A linear model of the features, it
// learns a feature seen often on its own, while the embedding shares what features have in common.
// Sparse like the embedding: only the rows of the active features are read and get a gradient.
import { Param } from '../param';

export class Wide {
  readonly weight: Param;
  readonly out: Float32Array;
  private indices: Int32Array = new Int32Array(0);
  private signs: Float32Array = new Float32Array(0);
  private count = 0;

  /** Rows start at 0: the path adds nothing until it has learned. */
  constructor(readonly rows: number, readonly outputs: number, name = 'wide') {
    this.weight = new Param(`${name}.weight`, rows, outputs, true, true);
    this.out = new Float32Array(outputs);
  }

  /** out[o] = Σ_k signs[k] · weight[indices[k], o], for k < count. */
  forward(indices: Int32Array, signs: Float32Array, count: number): Float32Array {
    this.indices = indices;
    this.signs = signs;
    this.count = count;
    const out = this.out;
    const w = this.weight.value;
    const n = this.outputs;
    out.fill(0);
    for (let k = 0; k < count; k++) {
      const row = indices[k] * n;
      const sign = signs[k];
      for (let o = 0; o < n; o++) out[o] += sign * w[row + o];
    }
    return out;
  }

  /** Every active row gets ± the outputs' gradient (a rank-one gradient: no row written out). */
  backward(gradOut: Float32Array): void {
    this.weight.addRows(this.indices, this.signs, this.count, gradOut);
  }

  params(): Param[] {
    return [this.weight];
  }
}
