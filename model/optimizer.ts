// What every optimizer shares: it owns its state, sees only parameter/gradient pairs, clips
// the gradient by its global norm, and updates lazily (sparse parameters: touched rows only).
import { sumOfSquares } from './kernels';
import type { Param } from './param';

export type OptimizerKind = 'sgd' | 'adagrad' | 'adam';

export interface OptimizerConfig {
  kind: OptimizerKind;
  learningRate: number;
  /** SGD only: 0 is plain SGD. */
  momentum: number;
  /** L2 penalty on weights (not biases), applied to the rows being updated. */
  l2: number;
  /** Largest global gradient norm; larger gradients are scaled down. 0: no clipping. */
  clipNorm: number;
  beta1: number;
  beta2: number;
  epsilon: number;
}

export const OPTIMIZER_DEFAULTS: OptimizerConfig = {
  kind: 'adam', learningRate: 0.01, momentum: 0, l2: 0, clipNorm: 0, beta1: 0.9, beta2: 0.999, epsilon: 1e-8,
};

/** Everything an optimizer remembers: its step count and one buffer per parameter and slot. */
export interface OptimizerState {
  steps: number;
  /** `buffers[p][s]`: slot s (`slotNames[s]`) of parameter p, as long as the parameter. */
  buffers: Float32Array[][];
}

export abstract class Optimizer {
  steps = 0;
  /** Per parameter, its state buffers (as many as `slotNames`). */
  protected readonly buffers: Float32Array[][];
  lastGradNorm = 0;

  constructor(readonly params: Param[], readonly config: OptimizerConfig, readonly slotNames: string[]) {
    this.buffers = params.map((param) => slotNames.map(() => new Float32Array(param.size)));
  }

  /** Applies and consumes the gradients of every parameter that received one. */
  step(): void {
    const scale = this.clipScale();
    this.steps++;
    this.beginStep();
    for (let p = 0; p < this.params.length; p++) {
      const param = this.params[p];
      if (!param.dirty) continue;
      if (!param.sparse) {
        this.update(param, this.buffers[p], 0, param.grad, 0, param.size, scale);
      } else {
        const cols = param.cols;
        for (let k = 0; k < param.touchedCount; k++) {
          const valueOffset = param.touched[k] * cols;
          if (param.rankOne) this.update(param, this.buffers[p], valueOffset, param.shared, 0, cols, scale * param.rowScale[k]);
          else this.update(param, this.buffers[p], valueOffset, param.grad, k * cols, cols, scale);
        }
      }
      param.clearGrad();
    }
  }

  /** Per-step constants (Adam's bias correction). */
  protected beginStep(): void {}

  /**
   * Updates `length` values from `param.value[valueOffset]`, whose gradient is `scale` times
   * `grad[gradOffset..]`.
   */
  protected abstract update(
    param: Param, state: Float32Array[], valueOffset: number, grad: Float32Array, gradOffset: number, length: number, scale: number,
  ): void;

  /** Forgets what was learned about one row (a next-site slot given to a new site). */
  resetRow(param: Param, row: number): void {
    const p = this.params.indexOf(param);
    for (const buffer of this.buffers[p]) buffer.fill(0, row * param.cols, (row + 1) * param.cols);
  }

  state(): OptimizerState {
    return { steps: this.steps, buffers: this.buffers.map((slots) => slots.map((buffer) => buffer.slice())) };
  }

  restore(state: OptimizerState): void {
    this.steps = state.steps;
    state.buffers.forEach((slots, p) => slots.forEach((buffer, s) => this.buffers[p][s].set(buffer)));
  }

  private clipScale(): number {
    if (this.config.clipNorm <= 0) return 1;
    let sum = 0;
    for (const param of this.params) {
      if (!param.dirty) continue;
      if (!param.sparse) {
        sum += sumOfSquares(param.grad, param.size);
      } else if (param.rankOne) {
        let scales = 0;
        for (let k = 0; k < param.touchedCount; k++) scales += param.rowScale[k] * param.rowScale[k];
        sum += scales * sumOfSquares(param.shared, param.cols);
      } else {
        sum += sumOfSquares(param.grad, param.touchedCount * param.cols);
      }
    }
    this.lastGradNorm = Math.sqrt(sum);
    return this.lastGradNorm > this.config.clipNorm ? this.config.clipNorm / this.lastGradNorm : 1;
  }
}
