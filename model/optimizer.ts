// What every optimizer shares: it owns its state, sees only parameter/gradient pairs, clips
// the gradient by its global norm, and updates lazily (sparse parameters: touched rows only).
// It also checks every value it writes against the bounds of value-bounds.ts, so that a
// diverging model is noticed at the step that made it so, at the cost of one more read.
import { sumOfSquares } from './kernels';
import type { Param } from './param';
import { describeRange, firstOutOfRange, slotRange, WEIGHT_RANGE, type ValueRange } from './value-bounds';

export const OPTIMIZER_KINDS = ['sgd', 'adagrad', 'adam'] as const;
export type OptimizerKind = (typeof OPTIMIZER_KINDS)[number];

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
  /** Set by the first step that wrote a value out of its range (NaN and infinities included): where it was. */
  divergedAt: string | null = null;
  private readonly slotRanges: ValueRange[];

  constructor(readonly params: Param[], readonly config: OptimizerConfig, readonly slotNames: string[]) {
    this.buffers = params.map((param) => slotNames.map(() => new Float32Array(param.size)));
    this.slotRanges = slotNames.map(slotRange);
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
        this.checkWritten(p, 0, param.size);
      } else {
        const cols = param.cols;
        for (let k = 0; k < param.touchedCount; k++) {
          const valueOffset = param.touched[k] * cols;
          if (param.rankOne) this.update(param, this.buffers[p], valueOffset, param.shared, 0, cols, scale * param.rowScale[k]);
          else this.update(param, this.buffers[p], valueOffset, param.grad, k * cols, cols, scale);
          this.checkWritten(p, valueOffset, cols);
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
    this.divergedAt = this.firstValueOutOfRange();
  }

  /** Scans every weight and state value: the first out of its range, said in words, or null when all are in range. */
  firstValueOutOfRange(): string | null {
    for (let p = 0; p < this.params.length; p++) {
      const found = this.outOfRangeIn(p, 0, this.params[p].size);
      if (found !== null) return found;
    }
    return null;
  }

  private checkWritten(p: number, offset: number, length: number): void {
    if (this.divergedAt === null) this.divergedAt = this.outOfRangeIn(p, offset, length);
  }

  private outOfRangeIn(p: number, offset: number, length: number): string | null {
    const param = this.params[p];
    const at = firstOutOfRange(param.value, WEIGHT_RANGE, offset, offset + length);
    if (at >= 0) return outOfRangeMessage(param.name, param.value[at], at, WEIGHT_RANGE);
    for (let s = 0; s < this.slotNames.length; s++) {
      const buffer = this.buffers[p][s];
      const stateAt = firstOutOfRange(buffer, this.slotRanges[s], offset, offset + length);
      if (stateAt >= 0) return outOfRangeMessage(`${param.name}.${this.slotNames[s]}`, buffer[stateAt], stateAt, this.slotRanges[s]);
    }
    return null;
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

function outOfRangeMessage(name: string, value: number, at: number, range: ValueRange): string {
  const what = Number.isFinite(value) ? `${value.toExponential(2)}, outside ${describeRange(range)}` : `${value}, not a finite number`;
  return `${name} holds ${what} (at ${at})`;
}
