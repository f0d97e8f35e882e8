// Numbers in plain words: percentages, durations, sizes, dates as the popup shows them.

export function percent(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** `0.4 s`, `45 s`, `3 min`, `1 h 20 min`: rounded to what a person would say. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 0.95) return `${fixed(seconds, 1)} s`; // a fresh model's times are this small
  if (seconds < 59.5) return `${Math.round(seconds)} s`; // from 59.5 s on it rounds to a minute
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

export function bytes(count: number): string {
  if (count < 1024) return `${count} B`;
  if (count < 1024 * 1024) return `${(count / 1024).toFixed(1)} KB`;
  return `${(count / 1024 / 1024).toFixed(1)} MB`;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
}

/** The local calendar day of a moment, as `YYYY-MM-DD` (the form `data/forget` takes). */
export function dayKey(at: number | Date): string {
  const date = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function dateTime(at: number): string {
  return new Date(at).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' });
}

// Made once: `toLocaleString` with options makes a formatter at every call, and a list of visits
// formats two dates a row.
const timeOfDay = new Intl.DateTimeFormat('en', { timeStyle: 'short' });
const dayAndTime = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' });
const dayAndTimeWithYear = new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' });
const mediumDate = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** As short as it can be and still be clear: `9:30 PM` today, `Mar 12, 9:30 PM` this year, else with the year. */
export function shortDateTime(at: number, now = Date.now()): string {
  const date = new Date(at);
  const today = new Date(now);
  if (dayKey(date) === dayKey(today)) return timeOfDay.format(date);
  return (date.getFullYear() === today.getFullYear() ? dayAndTime : dayAndTimeWithYear).format(date);
}

export function dayLabel(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return mediumDate.format(new Date(year, month - 1, date));
}

/** `+0.42`, `−0.07`; a value too small for `digits` gets more of them (`−0.003`) rather than reading `−0.00`. */
export function signed(value: number, digits = 2): string {
  return `${value >= 0 ? '+' : '−'}${fixed(Math.abs(value), digits)}`;
}

/** A change of a chance, in percentage points with its sign: `+3.1 points` for 0.031, `−12.0 points`. */
export function signedPoints(change: number): string {
  return `${signed(change * 100, 1)} points`;
}

/** A size with `digits` decimals, or up to four when that would round it to nothing. */
function fixed(size: number, digits: number): string {
  const decimals = size > 0 && size < 0.5 * 10 ** -digits ? Math.min(4, Math.ceil(-Math.log10(size))) : digits;
  return size.toFixed(decimals);
}

/** A change of time with its sign: `+1 min`, `−18 s`. */
export function signedDuration(seconds: number): string {
  return `${seconds >= 0 ? '+' : '−'}${duration(Math.abs(seconds))}`;
}

/** Ends a message with a full stop, for errors that arrive with or without one. */
export function sentence(text: string): string {
  return /[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}
