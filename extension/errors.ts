// Errors that cross the message contract. Kept apart from messaging so that storage and
// validation code can throw them without loading the browser API.

/** Thrown by a handler whose payload fails validation. */
export class InvalidRequest extends Error {
  override name = 'InvalidRequest';
}

/** An error answered by the other side, rethrown by `send` with its message. */
export class MessageError extends Error {
  override name = 'MessageError';
}
