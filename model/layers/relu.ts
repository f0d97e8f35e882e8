// Rectified linear units: max(0, x), passing gradients only where the unit was on.
import type { Param } from '../param';

export class Relu {
  readonly out: Float32Array;
  readonly gradIn: Float32Array;

  constructor(readonly size: number) {
    this.out = new Float32Array(size);
    this.gradIn = new Float32Array(size);
  }

  forward(input: Float32Array): Float32Array {
    for (let i = 0; i < this.size; i++) this.out[i] = input[i] > 0 ? input[i] : 0;
    return this.out;
  }

  backward(gradOut: Float32Array): Float32Array {
    for (let i = 0; i < this.size; i++) this.gradIn[i] = this.out[i] > 0 ? gradOut[i] : 0;
    return this.gradIn;
  }

  /** No parameters: listed for the same shape as the other layers. */
  params(): Param[] {
    return [];
  }
}
