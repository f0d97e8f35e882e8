// Limits on a model file that the popup checks before reading one and the decoder checks again.

/**
 * The longest model file read, in characters (and so, at least, in bytes): a large model's file
 * is about 23 MB, and its feature dictionary can grow it a little.
 */
export const MAX_MODEL_FILE_CHARS = 64 * 2 ** 20;

/** The largest count a file holds (visits learned, optimizer steps, a feature's uses): above it, integers are no longer exact. */
export const MAX_COUNT = 2 ** 53;
