// Builds a hostile model file from a base file and a list of mutations (model-file-cases.ts).
// `buildModelFile` is one self-contained function, so that it can be sent to an extension page
// and build every file there: only the small mutation lists cross from Node, never the files.
// It copies only the objects on the paths it changes, and makes keys with defineProperty, so
// that "__proto__" becomes an own key exactly as JSON.parse makes it from a file.

export type PathPart = string | number;

/** A value to put in a file, described so that big ones are made where they are used. */
export type ValueSpec =
  | { json: unknown }
  /** What 1e999, -1e999 and -0 in a file's text turn into when it is parsed. */
  | { number: 'Infinity' | '-Infinity' | '-0' }
  | { huge: number; char: string }
  | { deep: number; kind: 'array' | 'object' }
  | { wide: number }
  | { long: number };

export type Base64Edit = 'cut' | 'grow' | 'bad-char' | 'padding' | 'float';

export type Mutation =
  | { op: 'set'; path: PathPart[]; value: ValueSpec }
  | { op: 'delete'; path: PathPart[] }
  | { op: 'rename'; path: PathPart[]; to: string }
  | { op: 'add'; path: PathPart[]; key: string; value: ValueSpec }
  | { op: 'reshape'; path: PathPart[]; as: 'array' | 'object' | 'values' | 'text' }
  | { op: 'keep'; path: PathPart[]; count: number }
  | { op: 'base64'; path: PathPart[]; edit: Base64Edit; at: number; float: number | 'NaN' | 'Infinity' | '-Infinity' };

/**
 * The base with the mutations applied; a mutation whose path no longer exists is skipped. As text
 * (what a file picker reads), deep junk is written straight into the text: JSON.stringify would
 * run out of stack on it.
 */
export function buildModelFile(base: unknown, mutations: Mutation[], asText = false): unknown {
  const deepJunk: { deep: number; kind: 'array' | 'object' }[] = [];
  const define = (target: any, key: PathPart, value: unknown) =>
    Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  const copy = (node: any): any => {
    if (Array.isArray(node)) return node.slice();
    const out = {};
    for (const key of Object.keys(node)) define(out, key, node[key]);
    return out;
  };
  const isContainer = (node: unknown) => typeof node === 'object' && node !== null;
  const make = (spec: ValueSpec): unknown => {
    if ('json' in spec) return spec.json;
    if ('number' in spec) return { Infinity: Infinity, '-Infinity': -Infinity, '-0': -0 }[spec.number];
    if ('huge' in spec) return spec.char.repeat(spec.huge);
    if ('wide' in spec) {
      const wide = {};
      for (let i = 0; i < spec.wide; i++) define(wide, `k${i}`, i);
      return wide;
    }
    if ('long' in spec) return new Array(spec.long).fill(0);
    if (asText) {
      deepJunk.push(spec);
      return `\u0000deep-junk-${deepJunk.length - 1}`;
    }
    let junk: unknown = 0;
    for (let i = 0; i < spec.deep; i++) junk = spec.kind === 'array' ? [junk] : { a: junk };
    return junk;
  };
  const editBase64 = (text: string, m: Extract<Mutation, { op: 'base64' }>): string => {
    const at = text.length === 0 ? 0 : m.at % text.length;
    if (m.edit === 'cut') return text.slice(0, at);
    if (m.edit === 'grow') return text + 'AAAA'.repeat(1 + (m.at % 3));
    if (m.edit === 'bad-char') return text.slice(0, at) + ['!', '-', '_', ' ', 'é', '\u0000', '=', '\n'][m.at % 8] + text.slice(at + 1);
    if (m.edit === 'padding') return text.replace(/=*$/, ['', '=', '==', '==='][m.at % 4]);
    let bytes: Uint8Array;
    try {
      bytes = Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
    } catch {
      return text; // an earlier mutation already broke it
    }
    const count = Math.floor(bytes.length / 4);
    if (count === 0) return text;
    const value = typeof m.float === 'number' ? m.float : Number(m.float);
    new DataView(bytes.buffer).setFloat32((m.at % count) * 4, value, true);
    let binary = '';
    for (let i = 0; i < bytes.length; i += 8192) binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return btoa(binary);
  };
  const change = (value: unknown, m: Mutation): unknown => {
    if (m.op === 'set') return make(m.value);
    if (m.op === 'add') {
      if (!isContainer(value)) return value;
      const out = copy(value);
      define(out, m.key, make(m.value));
      return out;
    }
    if (m.op === 'reshape') {
      if (m.as === 'array') return [value];
      if (m.as === 'object') return { value };
      if (m.as === 'text') return JSON.stringify(value)?.slice(0, 200) ?? '';
      return isContainer(value) ? Object.values(value as object) : value;
    }
    if (m.op === 'keep') {
      if (typeof value === 'string' || Array.isArray(value)) return value.slice(0, m.count);
      if (!isContainer(value)) return value;
      const out = {};
      for (const key of Object.keys(value as object).slice(0, m.count)) define(out, key, (value as any)[key]);
      return out;
    }
    if (m.op === 'base64') return typeof value === 'string' ? editBase64(value, m) : value;
    return value;
  };
  const apply = (node: unknown, path: PathPart[], m: Mutation): unknown => {
    const [key, ...rest] = path;
    if (!isContainer(node) || !Object.hasOwn(node as object, key)) return node;
    const out = copy(node);
    if (rest.length > 0) define(out, key, apply(out[key], rest, m));
    else if (m.op === 'delete' || m.op === 'rename') {
      const value = out[key];
      if (Array.isArray(out) && m.op === 'delete') out.splice(Number(key), 1);
      else delete out[key];
      if (m.op === 'rename') define(out, m.to, value);
    } else define(out, key, change(out[key], m));
    return out;
  };
  let holder: unknown = { file: base };
  for (const mutation of mutations) holder = apply(holder, ['file', ...mutation.path], mutation);
  const file = (holder as { file: unknown }).file;
  if (!asText) return file;
  return JSON.stringify(file).replace(/"\\u0000deep-junk-(\d+)"/g, (_, index: string) => {
    const { deep, kind } = deepJunk[Number(index)];
    return kind === 'array' ? `${'['.repeat(deep)}0${']'.repeat(deep)}` : `${'{"a":'.repeat(deep)}0${'}'.repeat(deep)}`;
  });
}
