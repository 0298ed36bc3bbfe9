// Corpus-wide mining of recurring official formulations (推动构建人类命运共同体, 共商共建共享,
// 真正的多边主义): word n-grams that recur across the sources, kept only when "closed" (no longer
// phrase around them recurs just as often) and clean (no doubled words, no traditional
// characters, no digits). Counting uses a hashed first pass so memory stays bounded on large corpora.
import { dictEntry, tokenize, type Token } from '../lang/segmenter';
import { toSimplified } from '../lang/variants';

export interface Formulation {
  text: string;
  count: number;
}

const MIN_CHARS = 4;
const MAX_CHARS = 14;
const MAX_TOKENS = 6;
const CLAUSE_BREAK = /[，。；：、！？“”‘’《》（）【】—…,.;:!?()\[\]\s]+/;
/** Parts of speech that cannot open or close a formulation (particles, prepositions, conjunctions, pronouns…). */
const WEAK_EDGE_POS = /^(u|p|c|r|y|e|o|m|q|x|f|d|uj|ul|uz|ug|ud|uv|zg)$/;

/** Whether a word can open or close a formulation: a content word of two or more characters. */
function strongEdge(tok: string): boolean {
  if (tok.length < 2 || /[0-9０-９a-zA-Z]/.test(tok)) return false;
  const pos = dictEntry(tok)?.pos ?? '';
  // Two-character adverbs such as 真正 / 坚定 open formulations (真正的多边主义).
  return pos === 'd' || !WEAK_EDGE_POS.test(pos);
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

function* clauses(texts: Iterable<string>): Generator<string> {
  for (const text of texts) {
    for (const clause of text.split(CLAUSE_BREAK)) if (clause.length >= MIN_CHARS) yield clause;
  }
}

/**
 * A clause's words with their edge strength, computed once and reused by every pass. Kept as
 * offsets into the clause, not as word objects: a large library has tens of millions of words,
 * and holding an object for each through three passes made garbage collection the main cost.
 */
interface Clause {
  text: string;
  /** Word k is text.slice(bounds[k], bounds[k + 1]). */
  bounds: Int32Array;
  strong: Uint8Array;
}

/** The clause's words as bounds over the words' concatenation (what the n-grams are made of). */
function clauseOf(words: Token[], isStrong: (word: string) => boolean): Clause {
  const bounds = new Int32Array(words.length + 1);
  const strong = new Uint8Array(words.length);
  let at = 0;
  words.forEach((w, k) => {
    bounds[k] = at;
    at += w.text.length;
    strong[k] = isStrong(w.text) ? 1 : 0;
  });
  bounds[words.length] = at;
  return { text: words.map((w) => w.text).join(''), bounds, strong };
}

/** Calls fn for each n-gram of 2 to MAX_TOKENS words that opens and closes on strong words. */
function eachNgram(clause: Clause, fn: (text: string, first: number, last: number) => void): void {
  const { text, bounds, strong } = clause;
  const n = strong.length;
  for (let i = 0; i < n; i++) {
    if (!strong[i]) continue;
    for (let j = i; j < n && j - i < MAX_TOKENS; j++) {
      const length = bounds[j + 1] - bounds[i];
      if (length > MAX_CHARS) break;
      if (j > i && length >= MIN_CHARS && strong[j]) fn(text.slice(bounds[i], bounds[j + 1]), i, j);
    }
  }
}

function clean(clause: Clause, first: number, last: number, text: string): boolean {
  const { text: t, bounds } = clause;
  for (let k = first + 1; k <= last; k++) {
    if (bounds[k + 1] - bounds[k] === bounds[k] - bounds[k - 1] && t.startsWith(t.slice(bounds[k - 1], bounds[k]), bounds[k])) return false;
  }
  return !/[0-9０-９]/.test(text) && toSimplified(text) === text;
}

/** The minimum count for a phrase to be a formulation: 2 in a small library, more in a large one. */
export function minFormulationCount(totalChars: number): number {
  return Math.max(2, Math.round(Math.sqrt(totalChars / 20000)));
}

export function mineFormulations(texts: string[], minCount = minFormulationCount(texts.reduce((n, t) => n + t.length, 0))): Formulation[] {
  const tokenized: Clause[] = [];
  const SLOTS = 1 << 22;
  const hashed = new Uint16Array(SLOTS);
  const edgeCache = new Map<string, boolean>();
  const isStrong = (word: string) => {
    let v = edgeCache.get(word);
    if (v === undefined) edgeCache.set(word, (v = strongEdge(word)));
    return v;
  };
  for (const text of clauses(texts)) {
    // HMM joins words the dictionary lacks (文旅, 上合), so new coinages can be formulations.
    const clause = clauseOf(tokenize(text, true), isStrong);
    tokenized.push(clause);
    eachNgram(clause, (g) => {
      const slot = hash(g) & (SLOTS - 1);
      if (hashed[slot] < 65535) hashed[slot]++;
    });
  }
  const counts = new Map<string, number>();
  for (const clause of tokenized) {
    eachNgram(clause, (g, first, last) => {
      if (hashed[hash(g) & (SLOTS - 1)] < minCount) return;
      if (!clean(clause, first, last, g)) return;
      counts.set(g, (counts.get(g) ?? 0) + 1);
    });
  }
  // Keep closed phrases: drop one whose one-word-longer extension occurs (almost) as often.
  const open = new Set<string>();
  for (const clause of tokenized) {
    const { text, bounds } = clause;
    eachNgram(clause, (g, first, last) => {
      const n = counts.get(g);
      if (n === undefined || n < minCount) return;
      for (const [a, b] of [
        [first + 1, last],
        [first, last - 1],
      ]) {
        if (b < a) continue;
        const sub = text.slice(bounds[a], bounds[b + 1]);
        const m = counts.get(sub);
        if (m !== undefined && n >= 0.8 * m) open.add(sub);
      }
    });
  }
  const out: Formulation[] = [];
  for (const [text, count] of counts) if (count >= minCount && !open.has(text)) out.push({ text, count });
  return out.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}
