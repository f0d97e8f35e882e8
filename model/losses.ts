// Losses of the heads, each with the gradient of the loss with respect to the head's output.

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Log loss of a logit for a 0/1 label, computed stably: softplus(z) - y·z. */
export function logLossOfLogit(z: number, label: number): number {
  const softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  return softplus - label * z;
}

/** d(log loss)/d(logit). */
export function logLossGrad(z: number, label: number): number {
  return sigmoid(z) - label;
}

/** Huber loss: squared near the target, linear beyond `delta`, so outliers pull less. */
export function huber(prediction: number, target: number, delta: number): number {
  const error = Math.abs(prediction - target);
  return error <= delta ? 0.5 * error * error : delta * (error - 0.5 * delta);
}

export function huberGrad(prediction: number, target: number, delta: number): number {
  const error = prediction - target;
  return error > delta ? delta : error < -delta ? -delta : error;
}

/** Log loss of a probability, clipped so one confident mistake cannot be infinite. */
export function logLossOfProbability(p: number, label: number): number {
  const clipped = Math.min(Math.max(p, 1e-7), 1 - 1e-7);
  return -(label * Math.log(clipped) + (1 - label) * Math.log(1 - clipped));
}
