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

/** A clause's words with their edge strength, computed once and reused by every pass. */
interface Clause {
  words: Token[];
  strong: boolean[];
}

function* ngrams(clause: Clause): Generator<{ text: string; first: number; last: number }> {
  const { words: tokens, strong } = clause;
  for (let i = 0; i < tokens.length; i++) {
    if (!strong[i]) continue;
    let text = '';
    for (let j = i; j < tokens.length && j - i < MAX_TOKENS; j++) {
      text += tokens[j].text;
      if (text.length > MAX_CHARS) break;
      if (j > i && text.length >= MIN_CHARS && strong[j]) yield { text, first: i, last: j };
    }
  }
}

function clean(tokens: Token[], first: number, last: number, text: string): boolean {
  for (let k = first + 1; k <= last; k++) if (tokens[k].text === tokens[k - 1].text) return false;
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
  for (const text of clauses(texts)) {
    // HMM joins words the dictionary lacks (文旅, 上合), so new coinages can be formulations.
    const words = tokenize(text, true);
    const strong = words.map((w) => {
      let v = edgeCache.get(w.text);
      if (v === undefined) edgeCache.set(w.text, (v = strongEdge(w.text)));
      return v;
    });
    const clause = { words, strong };
    tokenized.push(clause);
    for (const g of ngrams(clause)) {
      const slot = hash(g.text) & (SLOTS - 1);
      if (hashed[slot] < 65535) hashed[slot]++;
    }
  }
  const counts = new Map<string, number>();
  for (const clause of tokenized) {
    for (const g of ngrams(clause)) {
      if (hashed[hash(g.text) & (SLOTS - 1)] < minCount) continue;
      if (!clean(clause.words, g.first, g.last, g.text)) continue;
      counts.set(g.text, (counts.get(g.text) ?? 0) + 1);
    }
  }
  // Keep closed phrases: drop one whose one-word-longer extension occurs (almost) as often.
  const open = new Set<string>();
  for (const clause of tokenized) {
    const tokens = clause.words;
    for (const g of ngrams(clause)) {
      const n = counts.get(g.text);
      if (n === undefined || n < minCount) continue;
      for (const [a, b] of [
        [g.first + 1, g.last],
        [g.first, g.last - 1],
      ]) {
        if (b < a) continue;
        let sub = '';
        for (let k = a; k <= b; k++) sub += tokens[k].text;
        const m = counts.get(sub);
        if (m !== undefined && n >= 0.8 * m) open.add(sub);
      }
    }
  }
  const out: Formulation[] = [];
  for (const [text, count] of counts) if (count >= minCount && !open.has(text)) out.push({ text, count });
  return out.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}
