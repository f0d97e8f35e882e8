// Whether a refusal is said so that a person can read it: a sentence in words, not an engine's
// message, a placeholder or a dump. Shared by the hostile model and data file sections.

/** Engine messages, placeholders and code words that no one should be shown as the reason. */
const RAW = [/\bundefined\b/, /\bNaN\b/, /\[object /, /Cannot read propert/i, /is not a function/, /is not iterable/, /call stack/i,
  /Invalid array length/i, /out of memory/i, /Unexpected token/, /\b(Type|Range|Syntax|Reference)Error\b/, /^Error\b/, /could not be cloned/i];

/**
 * A message is clear when it is a short sentence in words (it may start with a count: “2 lines of
 * the file…”; `maxLength` characters at most: a data file's refusal lists up to 20 of its bad
 * lines), not an engine's message or a dump.
 */
export function isClearMessage(message: string | undefined, maxLength = 400): boolean {
  if (message === undefined) return false;
  const text = message.trim();
  const unquoted = text.replace(/"[^"]*"|“[^”]*”/g, '""'); // a value quoted from the file may read "NaN"
  return text.length >= 15 && text.length <= maxLength && /^[A-Z0-9“"]/.test(text) && /[.!?]$/.test(text)
    && text.split(/\s+/).length >= 4 && !RAW.some((pattern) => pattern.test(unquoted));
}
