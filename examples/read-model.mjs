// A small reader of Tabula's model file (docs/model-format.md) with no dependency: it loads a
// file (float32 or compact) and predicts, for a page opened at a given time outside a browsing
// session, the chance of engagement, the active time and the likely next sites, as Tabula does.
// It trusts the file: Tabula's own reader (model/serialize.ts) is the one that checks it.
//
//   node examples/read-model.mjs MODEL.json PAGE.json [ISO-TIME]
//
// PAGE.json holds the page fields of a visit-log line: host, path, title, description, lang,
// kind, words, links, images, videos, referrerHost, keywords (missing ones are empty or 0).

const STOPWORDS = new Set(('the an and or of to in on for with by at from is are was be it its this that as you your we our my how what '
  + 'not but all can has have will more about into de la le les et des du un une pour en el los las del por con der die das und mit von den für').split(' '));

const POOLED = new Set(['title', 'desc', 'keyword']);

/** The model of a file's text or parsed JSON: its settings, weights and the sites it predicts. */
export function readModel(file) {
  const json = typeof file === 'string' ? JSON.parse(file) : file;
  if (json.format !== 'tabula-model' || ![3, 4, 5].includes(json.version)) throw new Error('not a Tabula model file of version 3, 4 or 5');
  const { buckets, embeddingDim, hidden, vocabSize } = json.architecture;
  const weights = {};
  for (const [name, tensor] of Object.entries(json.weights)) weights[name] = typeof tensor === 'string' ? float32s(tensor) : int8Rows(tensor);
  const { hosts, counts } = json.vocabulary;
  return { hashSeed: json.hashing.seed, buckets, embeddingDim, hidden, vocabSize, weights, hosts, counts };
}

/** What the model predicts for `page` opened at `at` (ms since 1970), the first page of a session. */
export function predict(model, page, at) {
  const list = tokens(page, at).slice(0, 64);
  // The n words of a text field (title, description, keywords) weigh 1/√n each.
  const fieldOf = (token) => token.slice(0, token.indexOf('='));
  const words = new Map();
  for (const token of list) if (POOLED.has(fieldOf(token))) words.set(fieldOf(token), (words.get(fieldOf(token)) ?? 0) + 1);
  const input = list.map((token) => ({ hash: murmur3(token, model.hashSeed), weight: POOLED.has(fieldOf(token)) ? Math.fround(1 / Math.sqrt(words.get(fieldOf(token)))) : 1 }));
  let x = new Float32Array(model.weights['embedding.bias']);
  const table = model.weights['embedding.weight'];
  // The wide path: a weight per feature for the engagement logit and one for log seconds.
  const wide = new Float32Array(2);
  const wideTable = model.weights['wide.weight'];
  for (const { hash, weight } of input) {
    const bucket = (hash & 0x7fffffff) % model.buckets;
    const row = bucket * model.embeddingDim;
    const sign = (hash >>> 31 ? -1 : 1) * weight;
    for (let j = 0; j < model.embeddingDim; j++) x[j] += sign * table[row + j];
    for (let o = 0; o < 2; o++) wide[o] += sign * wideTable[bucket * 2 + o];
  }
  x = x.map((value) => Math.max(0, value));
  model.hidden.forEach((size, i) => {
    x = dense(model.weights[`hidden${i + 1}.weight`], model.weights[`hidden${i + 1}.bias`], x, size).map((value) => Math.max(0, value));
  });
  const logit = dense(model.weights['engaged.weight'], model.weights['engaged.bias'], x, 1)[0] + wide[0];
  const logSeconds = dense(model.weights['activeTime.weight'], model.weights['activeTime.bias'], x, 1)[0] + wide[1];
  const logits = Array.from(dense(model.weights['next.weight'], model.weights['next.bias'], x, model.vocabSize).subarray(0, model.hosts.length));
  // What follows the page's own site (version 4): its row of the table, when the site has a slot (named, or by the hash of its host token).
  const hostHash = murmur3(`host=${page.host}`, model.hashSeed);
  const from = model.hosts.findIndex((host) => host === page.host || host === hostHash);
  const following = model.weights['next.transition'];
  if (following && from >= 0) logits.forEach((_, slot) => (logits[slot] += following[from * model.vocabSize + slot]));
  const max = Math.max(...logits);
  const exps = logits.map((z) => Math.exp(z - max));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return {
    engaged: logit >= 0 ? 1 / (1 + Math.exp(-logit)) : Math.exp(logit) / (1 + Math.exp(logit)),
    activeSeconds: Math.max(0, Math.expm1(Math.min(logSeconds, Math.log1p(7 * 24 * 3600)))),
    next: model.hosts.map((host, slot) => ({ host: typeof host === 'string' ? host : '', probability: exps[slot] / total }))
      .sort((a, b) => b.probability - a.probability),
  };
}

function dense(weight, bias, x, outputs) {
  const out = new Float32Array(outputs);
  for (let o = 0; o < outputs; o++) {
    let sum = 0;
    for (let j = 0; j < x.length; j++) sum += weight[o * x.length + j] * x[j];
    out[o] = bias[o] + sum;
  }
  return out;
}

/** The page's tokens, `namespace=value`, as model/features.ts makes them with no session before. */
function tokens(page, at) {
  const p = { host: '', path: '/', title: '', description: '', lang: '', kind: 'other', words: 0, links: 0, images: 0, videos: 0, referrerHost: '', ...page };
  const list = [`host=${p.host}`];
  const segments = p.path.toLowerCase().split('/').filter((segment) => segment !== '').slice(0, 2)
    .map((segment) => (segment.length > 40 || /\d.*\d.*\d/.test(segment) ? '*' : segment));
  if (segments.length > 0) list.push(`path1=${segments[0]}`);
  if (segments.length > 1) list.push(`path2=${segments[0]}/${segments[1]}`);
  for (const word of words(p.title)) list.push(`title=${word}`);
  for (const word of words(p.description)) list.push(`desc=${word}`);
  if (p.lang !== '') list.push(`lang=${p.lang}`);
  for (const word of [...new Set(p.keywords ?? [])].slice(0, 12)) list.push(`keyword=${word}`);
  if (p.source !== 'history') {
    list.push(`kind=${p.kind}`);
    for (const name of ['words', 'links', 'images', 'videos']) list.push(`${name}=${sizeBucket(p[name])}`);
  }
  if (p.referrerHost !== '') list.push(`ref=${p.referrerHost}`);
  list.push('prev1=');
  const date = new Date(at);
  const hour = date.getHours();
  const day = date.getDay();
  const daypart = hour < 6 ? 'night' : hour < 12 ? 'morning' : hour < 18 ? 'afternoon' : 'evening';
  list.push(`hour=${hour}`, `daypart=${daypart}`, `day=${day}`, `weekend=${day === 0 || day === 6 ? 1 : 0}`);
  if (p.source !== 'history') {
    // The page's kind, site and length, each crossed with the part of a weekday or weekend day.
    const when = `${day === 0 || day === 6 ? 'weekend' : 'weekday'} ${daypart}`;
    list.push(`kind@when=${p.kind}|${when}`, `host@when=${p.host}|${when}`, `words@when=${sizeBucket(p.words)}|${when}`);
  }
  return list;
}

/** A count's log-scale bucket: its bit length, the count held to 0..2^20. */
function sizeBucket(count) {
  const n = Math.min(Math.max(Math.floor(count), 0), 1 << 20);
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

function words(text) {
  const found = [];
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || word.length > 30 || STOPWORDS.has(word) || found.includes(word)) continue;
    found.push(word);
    if (found.length === 8) break;
  }
  return found;
}

/** MurmurHash3 x86_32 of the text's UTF-8 bytes. */
function murmur3(text, seed) {
  const bytes = new TextEncoder().encode(text);
  let h = seed >>> 0;
  const blocks = bytes.length & ~3;
  const mix = (k) => Math.imul(((k = Math.imul(k, 0xcc9e2d51)) << 15) | (k >>> 17), 0x1b873593);
  for (let i = 0; i < blocks; i += 4) {
    h ^= mix(bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24));
    h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
  }
  const tail = bytes.length & 3;
  if (tail > 0) h ^= mix(bytes[blocks] ^ (tail > 1 ? bytes[blocks + 1] << 8 : 0) ^ (tail > 2 ? bytes[blocks + 2] << 16 : 0));
  h ^= bytes.length;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function bytesOf(base64) {
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

function float32s(base64) {
  const bytes = bytesOf(base64);
  const view = new DataView(bytes.buffer);
  return Float32Array.from({ length: bytes.length / 4 }, (_, i) => view.getFloat32(i * 4, true));
}

/** A compact tensor: a float32 scale per row, a signed byte per value of each row whose scale is not 0. */
function int8Rows({ row, scales, values }) {
  const rowScales = float32s(scales);
  const bytes = bytesOf(values);
  const out = new Float32Array(rowScales.length * row);
  let next = 0;
  rowScales.forEach((scale, r) => {
    if (scale === 0) return;
    for (let i = 0; i < row; i++) out[r * row + i] = ((bytes[next++] << 24) >> 24) * scale;
  });
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { readFileSync } = await import('node:fs');
  const [modelPath, pagePath, time] = process.argv.slice(2);
  if (!modelPath || !pagePath) {
    process.stderr.write('usage: node examples/read-model.mjs MODEL.json PAGE.json [ISO-TIME]\n');
    process.exit(2);
  }
  const model = readModel(readFileSync(modelPath, 'utf8'));
  const prediction = predict(model, JSON.parse(readFileSync(pagePath, 'utf8')), time ? Date.parse(time) : Date.now());
  process.stdout.write(`${JSON.stringify({ ...prediction, next: prediction.next.slice(0, 5) })}\n`);
}
