// The optimizer: SGD (with optional momentum), AdaGrad and Adam. It owns its state, one buffer
// per parameter and state slot, and sees only the parameters, which hand it their gradients row
// by row (param.ts): updates are lazy, so a sparse parameter's untouched rows and their state
// are left as they are. It clips the gradient by its global norm, and checks every value it
// writes against the bounds of value-bounds.ts, so that a diverging model is noticed at the
// step that made it so, at the cost of one more read.
import type { GradRow, Param } from './param';
import {
  describeRange, firstOutOfRange, MAX_FIRST_MOMENT, MAX_SECOND_MOMENT, MAX_WEIGHT, slotRange, WEIGHT_RANGE, type ValueRange,
} from './value-bounds';

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

/** The state an optimizer keeps for each parameter, by name. */
export function optimizerSlots(kind: OptimizerKind, momentum: number): string[] {
  switch (kind) {
    case 'sgd': return momentum > 0 ? ['velocity'] : [];
    case 'adagrad': return ['sumSquares'];
    case 'adam': return ['m', 'v'];
  }
}

export function createOptimizer(params: Param[], config: Partial<OptimizerConfig> & Pick<OptimizerConfig, 'kind'>): Optimizer {
  return new Optimizer(params, { ...OPTIMIZER_DEFAULTS, ...config });
}

export class Optimizer {
  steps = 0;
  lastGradNorm = 0;
  /** Set by the first step that wrote a value out of its range (NaN and infinities included): where it was. */
  divergedAt: string | null = null;
  readonly slotNames: string[];
  /** Per parameter, its state buffers (as many as `slotNames`). */
  private readonly buffers: Float32Array[][];
  private readonly slotRanges: ValueRange[];
  /** Per parameter, what its rows of gradient are handed to. */
  private readonly rowUpdates: GradRow[];
  /** Adam's bias corrections of this step: 1 / (1 - beta^t). */
  private firstCorrection = 1;
  private secondCorrection = 1;

  constructor(readonly params: Param[], readonly config: OptimizerConfig) {
    this.slotNames = optimizerSlots(config.kind, config.momentum);
    this.buffers = params.map((param) => this.slotNames.map(() => new Float32Array(param.size)));
    this.slotRanges = this.slotNames.map(slotRange);
    this.rowUpdates = params.map((param, p) => this.rowUpdate(param, p));
  }

  /** Applies and consumes the gradients of every parameter that received one. */
  step(): void {
    const scale = this.clipScale();
    this.steps++;
    if (this.config.kind === 'adam') {
      this.firstCorrection = 1 / (1 - this.config.beta1 ** this.steps);
      this.secondCorrection = 1 / (1 - this.config.beta2 ** this.steps);
    }
    for (let p = 0; p < this.params.length; p++) this.params[p].takeGrad(scale, this.rowUpdates[p]);
  }

  /**
   * What parameter p's rows of gradient are handed to. AdaGrad's, the learner's default and the
   * loop it runs most, goes straight to its loop with the parameter's arrays and settings at hand.
   */
  private rowUpdate(param: Param, p: number): GradRow {
    if (this.config.kind !== 'adagrad') return (at, n, grad, from, scale) => this.updateRow(p, at, n, grad, from, scale);
    const w = param.value;
    const sumSquares = this.buffers[p][0]; // restored in place: the same array for the optimizer's life
    const { epsilon } = this.config;
    const learningRate = this.config.learningRate * param.rateScale;
    const l2 = param.decays ? this.config.l2 : 0;
    return (at, n, grad, from, scale) => {
      if (!adagradRow(w, sumSquares, at, n, grad, from, scale, l2, learningRate, epsilon)) this.noteOutOfRange(p, at, n);
    };
  }

  /** SGD's and Adam's step on values [at, at + n) of parameter p, against their gradient scale · grad[from ..]; checks what it wrote. */
  private updateRow(p: number, at: number, n: number, grad: Float32Array, from: number, scale: number): void {
    const param = this.params[p];
    const state = this.buffers[p];
    const w = param.value;
    const { momentum, beta1, beta2, epsilon } = this.config;
    const learningRate = this.config.learningRate * param.rateScale;
    const l2 = param.decays ? this.config.l2 : 0;
    // Each loop checks the values it writes as it writes them (a comparison is cheaper than a second
    // pass); only a row that fails is scanned again, for the message.
    let inRange = true;
    switch (this.config.kind) {
      case 'sgd':
        if (momentum > 0) {
          const velocity = state[0];
          for (let j = 0; j < n; j++) {
            const g = scale * grad[from + j] + l2 * w[at + j];
            const v = momentum * velocity[at + j] + g;
            velocity[at + j] = v;
            w[at + j] -= learningRate * v;
            if (!(Math.abs(w[at + j]) <= MAX_WEIGHT && Math.abs(velocity[at + j]) <= MAX_FIRST_MOMENT)) inRange = false;
          }
        } else if (l2 === 0) {
          const a = -learningRate * scale;
          for (let j = 0; j < n; j++) {
            w[at + j] += a * grad[from + j];
            if (!(Math.abs(w[at + j]) <= MAX_WEIGHT)) inRange = false;
          }
        } else {
          for (let j = 0; j < n; j++) {
            w[at + j] -= learningRate * (scale * grad[from + j] + l2 * w[at + j]);
            if (!(Math.abs(w[at + j]) <= MAX_WEIGHT)) inRange = false;
          }
        }
        break;
      case 'adam': {
        const [m, v] = state;
        const { firstCorrection, secondCorrection } = this;
        for (let j = 0; j < n; j++) {
          const g = scale * grad[from + j] + l2 * w[at + j];
          const mj = beta1 * m[at + j] + (1 - beta1) * g;
          const vj = beta2 * v[at + j] + (1 - beta2) * g * g;
          m[at + j] = mj;
          v[at + j] = vj;
          w[at + j] -= (learningRate * mj * firstCorrection) / (Math.sqrt(vj * secondCorrection) + epsilon);
          if (!(Math.abs(w[at + j]) <= MAX_WEIGHT && Math.abs(m[at + j]) <= MAX_FIRST_MOMENT && v[at + j] >= 0 && v[at + j] <= MAX_SECOND_MOMENT)) {
            inRange = false;
          }
        }
        break;
      }
    }
    if (!inRange) this.noteOutOfRange(p, at, n);
  }

  /** A row of parameter p written out of range: the first such step is kept, in words. */
  private noteOutOfRange(p: number, at: number, n: number): void {
    if (this.divergedAt === null) this.divergedAt = this.outOfRangeIn(p, at, n);
  }

  /** Forgets what was learned about one row (a next-site slot given to a new site). */
  resetRow(param: Param, row: number): void {
    const p = this.params.indexOf(param);
    for (const buffer of this.buffers[p]) buffer.fill(0, row * param.cols, (row + 1) * param.cols);
  }

  /** Forgets what was learned about one column (a next-site slot, in the table of what follows what). */
  resetColumn(param: Param, column: number): void {
    const p = this.params.indexOf(param);
    for (const buffer of this.buffers[p]) for (let row = 0; row < param.rows; row++) buffer[row * param.cols + column] = 0;
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

  /** The factor that brings the global gradient norm down to `clipNorm` (1: no clipping needed). */
  private clipScale(): number {
    if (this.config.clipNorm <= 0) return 1;
    let sum = 0;
    for (const param of this.params) sum += param.gradSumOfSquares();
    this.lastGradNorm = Math.sqrt(sum);
    return this.lastGradNorm > this.config.clipNorm ? this.config.clipNorm / this.lastGradNorm : 1;
  }
}

/**
 * AdaGrad on values [at, at + n): the sum of squared gradients grows, and each value moves by the
 * learning rate times its gradient over the root of that sum. Returns whether every value written
 * is in range (a NaN is not). The loop the learner runs most: its own function, and its check keeps
 * running extremes of the values as stored (no branch, no second read), which a NaN spoils.
 */
function adagradRow(
  w: Float32Array, sumSquares: Float32Array, at: number, n: number, grad: Float32Array, from: number,
  scale: number, l2: number, learningRate: number, epsilon: number,
): boolean {
  let largestWeight = 0;
  let largestSum = 0;
  let smallestSum = 0;
  for (let j = 0; j < n; j++) {
    const g = scale * grad[from + j] + l2 * w[at + j];
    if (g === 0) continue; // the sum and the value stay as they are: a unit that was off, half of them or so
    const s = sumSquares[at + j] + g * g;
    sumSquares[at + j] = s;
    const weight = Math.fround(w[at + j] - (learningRate * g) / (Math.sqrt(s) + epsilon));
    w[at + j] = weight;
    const storedSum = Math.fround(s);
    largestWeight = Math.max(largestWeight, Math.abs(weight));
    largestSum = Math.max(largestSum, storedSum);
    smallestSum = Math.min(smallestSum, storedSum);
  }
  return largestWeight <= MAX_WEIGHT && largestSum <= MAX_SECOND_MOMENT && smallestSum >= 0;
}

function outOfRangeMessage(name: string, value: number, at: number, range: ValueRange): string {
  const what = Number.isFinite(value) ? `${value.toExponential(2)}, outside ${describeRange(range)}` : `${value}, not a finite number`;
  return `${name} holds ${what} (at ${at})`;
}
