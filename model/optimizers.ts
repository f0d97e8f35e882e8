// SGD with momentum, AdaGrad and Adam, each updating only the rows that have gradients
// (lazy: an untouched row's state is left as is, not decayed).
import { axpy } from './kernels';
import { OPTIMIZER_DEFAULTS, Optimizer, type OptimizerConfig, type OptimizerKind } from './optimizer';
import type { Param } from './param';

export class Sgd extends Optimizer {
  constructor(params: Param[], config: OptimizerConfig) {
    super(params, config, optimizerSlots('sgd', config.momentum));
  }

  protected update(param: Param, state: Float32Array[], vo: number, grad: Float32Array, go: number, length: number, scale: number): void {
    const { learningRate, momentum } = this.config;
    const l2 = param.decays ? this.config.l2 : 0;
    const w = param.value;
    if (momentum > 0) {
      const velocity = state[0];
      for (let j = 0; j < length; j++) {
        const g = scale * grad[go + j] + l2 * w[vo + j];
        const v = momentum * velocity[vo + j] + g;
        velocity[vo + j] = v;
        w[vo + j] -= learningRate * v;
      }
    } else if (l2 === 0) {
      axpy(w, vo, -learningRate * scale, grad, go, length);
    } else {
      for (let j = 0; j < length; j++) w[vo + j] -= learningRate * (scale * grad[go + j] + l2 * w[vo + j]);
    }
  }
}

export class AdaGrad extends Optimizer {
  constructor(params: Param[], config: OptimizerConfig) {
    super(params, config, optimizerSlots('adagrad', 0));
  }

  protected update(param: Param, state: Float32Array[], vo: number, grad: Float32Array, go: number, length: number, scale: number): void {
    const { learningRate, epsilon } = this.config;
    const l2 = param.decays ? this.config.l2 : 0;
    const w = param.value;
    const sumSquares = state[0];
    for (let j = 0; j < length; j++) {
      const g = scale * grad[go + j] + l2 * w[vo + j];
      const s = sumSquares[vo + j] + g * g;
      sumSquares[vo + j] = s;
      w[vo + j] -= (learningRate * g) / (Math.sqrt(s) + epsilon);
    }
  }
}

export class Adam extends Optimizer {
  /** Bias corrections of this step: 1 / (1 - beta^t). */
  private firstCorrection = 1;
  private secondCorrection = 1;

  constructor(params: Param[], config: OptimizerConfig) {
    super(params, config, optimizerSlots('adam', 0));
  }

  protected override beginStep(): void {
    this.firstCorrection = 1 / (1 - this.config.beta1 ** this.steps);
    this.secondCorrection = 1 / (1 - this.config.beta2 ** this.steps);
  }

  protected update(param: Param, state: Float32Array[], vo: number, grad: Float32Array, go: number, length: number, scale: number): void {
    const { learningRate, beta1, beta2, epsilon } = this.config;
    const l2 = param.decays ? this.config.l2 : 0;
    const { firstCorrection, secondCorrection } = this;
    const w = param.value;
    const m = state[0];
    const v = state[1];
    for (let j = 0; j < length; j++) {
      const g = scale * grad[go + j] + l2 * w[vo + j];
      const mj = beta1 * m[vo + j] + (1 - beta1) * g;
      const vj = beta2 * v[vo + j] + (1 - beta2) * g * g;
      m[vo + j] = mj;
      v[vo + j] = vj;
      w[vo + j] -= (learningRate * mj * firstCorrection) / (Math.sqrt(vj * secondCorrection) + epsilon);
    }
  }
}

export function createOptimizer(params: Param[], config: Partial<OptimizerConfig> & Pick<OptimizerConfig, 'kind'>): Optimizer {
  const full: OptimizerConfig = { ...OPTIMIZER_DEFAULTS, ...config };
  switch (full.kind) {
    case 'sgd': return new Sgd(params, full);
    case 'adagrad': return new AdaGrad(params, full);
    case 'adam': return new Adam(params, full);
  }
}

/** The state an optimizer keeps for each parameter, by name. */
export function optimizerSlots(kind: OptimizerKind, momentum: number): string[] {
  switch (kind) {
    case 'sgd': return momentum > 0 ? ['velocity'] : [];
    case 'adagrad': return ['sumSquares'];
    case 'adam': return ['m', 'v'];
  }
}
