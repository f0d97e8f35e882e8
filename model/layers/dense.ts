// A fully connected layer: out = W·x + b, with W stored row-major (one row per output).
import { axpy, dot } from '../kernels';
import { Param } from '../param';
import type { Rng } from '../rng';

export class Dense {
  readonly weight: Param;
  readonly bias: Param;
  readonly out: Float32Array;
  readonly gradIn: Float32Array;
  private input: Float32Array = new Float32Array(0);

  /** `initStd` defaults to He initialisation, suited to a ReLU before or after. */
  constructor(readonly inputs: number, readonly outputs: number, rng: Rng, name = 'dense', initStd = Math.sqrt(2 / inputs)) {
    this.weight = new Param(`${name}.weight`, outputs, inputs, false, true);
    this.bias = new Param(`${name}.bias`, 1, outputs, false, false);
    this.out = new Float32Array(outputs);
    this.gradIn = new Float32Array(inputs);
    rng.fillNormal(this.weight.value, initStd);
  }

  forward(input: Float32Array): Float32Array {
    this.input = input;
    const w = this.weight.value;
    const b = this.bias.value;
    const n = this.inputs;
    for (let o = 0; o < this.outputs; o++) this.out[o] = b[o] + dot(w, o * n, input, 0, n);
    return this.out;
  }

  /** Adds the parameter gradients and returns the gradient of the input. */
  backward(gradOut: Float32Array): Float32Array {
    this.weight.addDense(this.input, gradOut); // row o: gradOut[o] · input
    this.bias.addDense(gradOut);
    const w = this.weight.value;
    const gradIn = this.gradIn;
    const n = this.inputs;
    gradIn.fill(0);
    for (let o = 0; o < this.outputs; o++) if (gradOut[o] !== 0) axpy(gradIn, 0, gradOut[o], w, o * n, n);
    return gradIn;
  }

  params(): Param[] {
    return [this.weight, this.bias];
  }
}
