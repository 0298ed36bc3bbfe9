// Corpus-wide mining of recurring official formulations (推动构建人类命运共同体, 共商共建共享,
// 真正的多边主义): word n-grams that recur across the sources, kept only when "closed" (no longer
// phrase around them recurs just as often) and clean (no doubled words, no traditional
// characters, no digits). Counting uses a hashed first pass so memory stays bounded on large corpora.
import { dictEntry, tokenize, type Token } from '../lang/segmenter';
import { toSimplified } from '../lang/variants';
import { runOwnWorker } from '../util/ownWorker';

export interface Formulation {
  text: string;
  count: number;
}

const MIN_CHARS = 4;
const MAX_CHARS = 14;
const MAX_TOKENS = 6;
/** Packs two word lengths (each ≤ MAX_CHARS) into one number. */
const SHAPE_BASE = 32;
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

const FNV_OFFSET = 2166136261;
const FNV_PRIME = 16777619;

/** Calls fn(textIndex, start, end) for each clause (text between breaks) of at least MIN_CHARS. */
function eachClause(texts: readonly string[], fn: (textIndex: number, start: number, end: number) => void): void {
  const breaks = new RegExp(CLAUSE_BREAK.source, 'g');
  texts.forEach((text, ti) => {
    let start = 0;
    breaks.lastIndex = 0;
    for (let m = breaks.exec(text); ; m = breaks.exec(text)) {
      const end = m ? m.index : text.length;
      if (end - start >= MIN_CHARS) fn(ti, start, end);
      if (!m) break;
      start = m.index + m[0].length;
    }
  });
}

/** A growable column of numbers (32-bit, or 8-bit for flags). */
class Column<T extends Int32Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (size: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
}

const intColumn = () => new Column(new Int32Array(1024), (n) => new Int32Array(n));

/**
 * Every clause's words with their edge strength, computed once and reused by every pass. Kept in
 * columns of numbers, not as objects: a large library has millions of clauses and tens of millions
 * of words, and holding an object for each through three passes made garbage collection the main
 * cost. Word k spans [wordStart(k), wordEnd[k]) of its clause's source text.
 */
class ClauseTable {
  readonly clauseText = intColumn();
  readonly clauseStart = intColumn();
  /** Index of the clause's first word; the clause's words run to the next clause's first word. */
  readonly firstWord = intColumn();
  readonly wordEnd = intColumn();
  readonly strong = new Column(new Uint8Array(1024), (n) => new Uint8Array(n));

  constructor(readonly texts: readonly string[]) {}

  add(textIndex: number, start: number, words: Token[], isStrong: (word: string) => boolean): void {
    this.clauseText.push(textIndex);
    this.clauseStart.push(start);
    this.firstWord.push(this.wordEnd.length);
    for (const w of words) {
      this.strong.push(isStrong(w.text) ? 1 : 0);
      this.wordEnd.push(start + w.end);
    }
  }

  get size(): number {
    return this.clauseText.length;
  }

  /** The filled part of each column, copied (a column's buffer is larger). */
  columns(): Omit<FirstPass, 'hashed'> {
    return {
      clauseText: this.clauseText.data.slice(0, this.clauseText.length),
      clauseStart: this.clauseStart.data.slice(0, this.clauseStart.length),
      firstWord: this.firstWord.data.slice(0, this.firstWord.length),
      wordEnd: this.wordEnd.data.slice(0, this.wordEnd.length),
      strong: this.strong.data.slice(0, this.strong.length),
    };
  }

  /** Appends another table's clauses, whose text k is text offset + k here. */
  append(other: Omit<FirstPass, 'hashed'>, offset: number): void {
    const words = this.wordEnd.length;
    for (let c = 0; c < other.clauseText.length; c++) {
      this.clauseText.push(other.clauseText[c] + offset);
      this.clauseStart.push(other.clauseStart[c]);
      this.firstWord.push(other.firstWord[c] + words);
    }
    for (let k = 0; k < other.wordEnd.length; k++) {
      this.wordEnd.push(other.wordEnd[k]);
      this.strong.push(other.strong[k]);
    }
  }

  /** [first word, end word) of clause c. */
  words(c: number): [number, number] {
    return [this.firstWord.data[c], c + 1 < this.size ? this.firstWord.data[c + 1] : this.wordEnd.length];
  }

  wordStart(c: number, k: number): number {
    return k === this.firstWord.data[c] ? this.clauseStart.data[c] : this.wordEnd.data[k - 1];
  }

  /**
   * Calls fn for each n-gram of 2 to MAX_TOKENS words that opens and closes on strong words, with
   * its place and its FNV-1a hash (computed as the n-gram grows): the caller slices out
   * only the n-grams it keeps (three passes over 9 M n-grams made as many strings otherwise).
   */
  eachNgram(c: number, fn: (text: string, from: number, to: number, first: number, last: number, hash: number) => void): void {
    const text = this.texts[this.clauseText.data[c]];
    const [w0, w1] = this.words(c);
    const ends = this.wordEnd.data;
    const strong = this.strong.data;
    for (let i = w0; i < w1; i++) {
      if (!strong[i]) continue;
      const from = this.wordStart(c, i);
      let h = FNV_OFFSET;
      let hashedTo = from;
      for (let j = i; j < w1 && j - i < MAX_TOKENS; j++) {
        const to = ends[j];
        if (to - from > MAX_CHARS) break;
        for (; hashedTo < to; hashedTo++) h = Math.imul(h ^ text.charCodeAt(hashedTo), FNV_PRIME);
        if (j > i && to - from >= MIN_CHARS && strong[j]) fn(text, from, to, i, j, h >>> 0);
      }
    }
  }

  /** Whether two neighbouring words of the n-gram are the same word. */
  doubledWord(c: number, first: number, last: number): boolean {
    const text = this.texts[this.clauseText.data[c]];
    for (let k = first + 1; k <= last; k++) {
      const a = this.wordStart(c, k - 1);
      const b = this.wordStart(c, k);
      const e = this.wordEnd.data[k];
      if (e - b === b - a && text.startsWith(text.slice(a, b), b)) return true;
    }
    return false;
  }

  slice(c: number, first: number, last: number): string {
    return this.texts[this.clauseText.data[c]].slice(this.wordStart(c, first), this.wordEnd.data[last]);
  }
}

function clean(table: ClauseTable, c: number, first: number, last: number, text: string, isSimplified: (text: string) => boolean): boolean {
  return !table.doubledWord(c, first, last) && !/[0-9０-９]/.test(text) && isSimplified(text) && !afterNumber(table, c, first);
}

/** Whether the n-gram's first word follows a number (80|周年的声明): the phrase begins with the number, which is left out. */
function afterNumber(table: ClauseTable, c: number, first: number): boolean {
  const start = table.wordStart(c, first);
  return start > 0 && /[0-9０-９]/.test(table.texts[table.clauseText.data[c]][start - 1]);
}

/** `fn` answering each string once (for one mining run: the cache goes with it). */
function memoized(fn: (s: string) => boolean): (s: string) => boolean {
  const cache = new Map<string, boolean>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) cache.set(s, (v = fn(s)));
    return v;
  };
}

/** The minimum count for a phrase to be a formulation: 2 in a small library, more in a large one. */
export function minFormulationCount(totalChars: number): number {
  return Math.max(2, Math.round(Math.sqrt(totalChars / 20000)));
}

/**
 * The recurring phrases of each group of texts (a source folder), each group held to the minimum
 * count of its own size, and merged: a phrase an article of the bundled pages repeats (真正的多边主义,
 * twice) stays a formulation when a library of thousands of documents is indexed beside them.
 * Without groups the texts are one group.
 */
export function mineFormulations(texts: string[], groups?: readonly number[]): Formulation[] {
  return mergeGroups(textsByGroup(texts, groups).map((list) => mineGroup(list)));
}

/**
 * mineFormulations (the same result) with the first pass over a large group shared with a second
 * thread: on a worker, whose mining is the longest part of a cold index, another core takes half
 * of the segmenting once the main thread's own work is done.
 */
export async function mineFormulationsSplit(texts: string[], groups?: readonly number[]): Promise<Formulation[]> {
  const mined: Formulation[][] = [];
  for (const list of textsByGroup(texts, groups)) mined.push(await mineGroupSplit(list));
  return mergeGroups(mined);
}

function textsByGroup(texts: string[], groups?: readonly number[]): string[][] {
  const byGroup = new Map<number, string[]>();
  texts.forEach((text, i) => {
    const g = groups?.[i] ?? 0;
    const list = byGroup.get(g);
    if (list) list.push(text);
    else byGroup.set(g, [text]);
  });
  return [...byGroup.values()];
}

function mergeGroups(mined: Formulation[][]): Formulation[] {
  if (mined.length <= 1) return mined[0] ?? [];
  const counts = new Map<string, number>();
  for (const list of mined) for (const f of list) counts.set(f.text, (counts.get(f.text) ?? 0) + f.count);
  return [...counts].map(([text, count]) => ({ text, count })).sort(byCountThenText);
}

const byCountThenText = (a: Formulation, b: Formulation) => b.count - a.count || a.text.localeCompare(b.text);

/** Slots of the first pass's hashed counts of n-grams. */
const SLOTS = 1 << 22;

/** The first pass over some texts: their clauses' words (see ClauseTable) and their n-grams' hashed counts. */
export interface FirstPass {
  clauseText: Int32Array;
  clauseStart: Int32Array;
  firstWord: Int32Array;
  wordEnd: Int32Array;
  strong: Uint8Array;
  hashed: Uint16Array;
}

/** Segments the texts' clauses into `table` (text k of `texts` is text offset + k of the table) and counts their n-grams' hashes. */
function countPass(texts: readonly string[], offset: number, table: ClauseTable, hashed: Uint16Array): void {
  // One-character words (most of them) are never strong: no memo look-up for them.
  const strongWord = memoized(strongEdge);
  const isStrong = (word: string) => word.length >= 2 && strongWord(word);
  const countHashed = (text: string, from: number, to: number, first: number, last: number, h: number) => {
    const slot = h & (SLOTS - 1);
    if (hashed[slot] < 65535) hashed[slot]++;
  };
  eachClause(texts, (ti, start, end) => {
    // HMM joins words the dictionary lacks (文旅, 上合), so new coinages can be formulations.
    table.add(offset + ti, start, tokenize(texts[ti].slice(start, end), true), isStrong);
    table.eachNgram(table.size - 1, countHashed);
  });
}

/** The first pass over texts on their own (run by a helper thread: see mineGroupSplit). */
export function firstPass(texts: string[]): FirstPass {
  const table = new ClauseTable(texts);
  const hashed = new Uint16Array(SLOTS);
  countPass(texts, 0, table, hashed);
  return { ...table.columns(), hashed };
}

const groupMinCount = (texts: readonly string[]) => minFormulationCount(texts.reduce((n, t) => n + t.length, 0));

function mineGroup(texts: string[]): Formulation[] {
  const table = new ClauseTable(texts);
  const hashed = new Uint16Array(SLOTS);
  countPass(texts, 0, table, hashed);
  return closedPhrases(table, hashed, groupMinCount(texts));
}

/** Below this many characters a group's first pass is not shared (a thread and its dictionary cost more). */
const SPLIT_MIN_CHARS = 1_000_000;

/**
 * mineGroup with the first pass over the later half of the texts (by characters) on a helper
 * thread: the same table and counts as one pass in order, so the same result. Without a thread,
 * all on this one.
 */
async function mineGroupSplit(texts: string[]): Promise<Formulation[]> {
  const total = texts.reduce((n, t) => n + t.length, 0);
  if (total < SPLIT_MIN_CHARS || texts.length < 2) return mineGroup(texts);
  let half = 0;
  for (let chars = 0; half < texts.length - 1 && chars < total / 2; half++) chars += texts[half].length;
  const tail = texts.slice(half);
  const helper = runOwnWorker('formulationsWorker.js', { texts: tail, firstPassOnly: true }, [], isFirstPass).catch(() => undefined);
  const table = new ClauseTable(texts);
  const hashed = new Uint16Array(SLOTS);
  countPass(texts.slice(0, half), 0, table, hashed);
  const other = await helper;
  if (other) {
    table.append(other, half);
    const theirs = other.hashed;
    for (let i = 0; i < SLOTS; i++) if (theirs[i] !== 0) hashed[i] = Math.min(65535, hashed[i] + theirs[i]);
  } else countPass(tail, half, table, hashed);
  return closedPhrases(table, hashed, groupMinCount(texts));
}

const isFirstPass = (m: unknown): m is FirstPass => {
  const p = m as FirstPass;
  return (
    !!p &&
    p.clauseText instanceof Int32Array &&
    p.clauseStart instanceof Int32Array &&
    p.firstWord instanceof Int32Array &&
    p.wordEnd instanceof Int32Array &&
    p.strong instanceof Uint8Array &&
    p.hashed instanceof Uint16Array &&
    p.hashed.length === SLOTS &&
    p.clauseStart.length === p.clauseText.length &&
    p.firstWord.length === p.clauseText.length &&
    p.strong.length === p.wordEnd.length
  );
};

/** Passes two and three: the n-grams whose hashed count reaches minCount, counted exactly, and of those the closed ones. */
function closedPhrases(table: ClauseTable, hashed: Uint16Array, minCount: number): Formulation[] {
  // Asked once per phrase, not per occurrence: OpenCC's conversion was a twentieth of a cold index.
  const isSimplified = memoized((text: string) => toSimplified(text) === text);
  const counts = new Map<string, number>();
  // How each phrase's occurrences split into words, by the lengths of the first and the last word
  // (one code each): the closedness test below needs each shape once, not each occurrence.
  const shapes = new Map<string, number[]>();
  for (let c = 0; c < table.size; c++) {
    table.eachNgram(c, (text, from, to, first, last, h) => {
      if (hashed[h & (SLOTS - 1)] < minCount) return;
      const g = text.slice(from, to);
      const shape = (table.wordEnd.data[first] - from) * SHAPE_BASE + (to - table.wordStart(c, last));
      const known = shapes.get(g);
      if (!known) shapes.set(g, [shape]);
      else if (!known.includes(shape)) known.push(shape);
      if (!clean(table, c, first, last, g, isSimplified)) return;
      counts.set(g, (counts.get(g) ?? 0) + 1);
    });
  }
  // Keep closed phrases: drop one whose one-word-shorter part (without its first or its last word)
  // occurs hardly more often than the phrase.
  const open = new Set<string>();
  for (const [g, gShapes] of shapes) {
    const n = counts.get(g);
    if (n === undefined || n < minCount) continue;
    for (const shape of gShapes) {
      for (const sub of [g.slice(Math.floor(shape / SHAPE_BASE)), g.slice(0, g.length - (shape % SHAPE_BASE))]) {
        const m = counts.get(sub);
        if (m !== undefined && n >= 0.8 * m) open.add(sub);
      }
    }
  }
  const out: Formulation[] = [];
  for (const [text, count] of counts) if (count >= minCount && !open.has(text)) out.push({ text, count });
  return out.sort(byCountThenText);
}

/** Below this many characters a thread costs more than it saves (starting one, loading the dictionary). */
const WORKER_MIN_CHARS = 500_000;

const isFormulationList = (m: unknown): m is Formulation[] =>
  Array.isArray(m) && m.every((f) => f && typeof (f as Formulation).text === 'string' && typeof (f as Formulation).count === 'number');

/** mineFormulations on a worker thread (the same result); on this thread when the texts are small or no thread can run. */
export async function mineFormulationsOnWorker(texts: string[], options: { groups?: readonly number[]; minChars?: number; signal?: AbortSignal } = {}): Promise<Formulation[] | undefined> {
  if (texts.reduce((n, t) => n + t.length, 0) >= (options.minChars ?? WORKER_MIN_CHARS)) {
    try {
      return await runOwnWorker('formulationsWorker.js', { texts, groups: options.groups }, [], isFormulationList, options.signal);
    } catch {
      // No thread (a restricted host) or it failed: mine here instead, unless nobody wants them.
    }
  }
  return options.signal?.aborted ? undefined : mineFormulations(texts, options.groups);
}
