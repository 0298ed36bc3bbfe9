// Chinese word segmentation and the segmenter's dictionary (jieba, through @node-rs/jieba).
// The dictionary (≈349k words with frequency and part of speech) is also our word list:
// "is this a word", "how common is it".
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { TextRange } from '../types';

export interface Token extends TextRange {
  text: string;
}

export interface DictEntry {
  freq: number;
  pos: string;
}

interface JiebaLike {
  cut(sentence: string, hmm?: boolean): string[];
}

let jieba: JiebaLike | undefined;
let dictionary: SortedDictionary | undefined;
let dictBytes: Uint8Array | undefined;

function loadDictBytes(): Uint8Array {
  if (!dictBytes) {
    // dict.txt alone: the package's dict module also reads its 6 MB IDF table, which is not needed.
    try {
      dictBytes = readFileSync(path.join(path.dirname(require.resolve('@node-rs/jieba/dict')), 'dict.txt'));
    } catch {
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      dictBytes = (require('@node-rs/jieba/dict') as { dict: Uint8Array }).dict;
    }
  }
  return dictBytes;
}

function segmenter(): JiebaLike {
  if (!jieba) {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { Jieba } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): JiebaLike } };
    jieba = Jieba.withDict(loadDictBytes());
  }
  return jieba;
}

const SPACE = 0x20;
const NEWLINE = 0x0a;

/**
 * jieba's dictionary ("word freq pos" lines, UTF-8, sorted by the words' bytes) searched in place:
 * a lookup is a binary search over the lines, and nothing is built beforehand. Parsing its 349k
 * lines into a Map took longer than the rest of a typical check.
 */
export class SortedDictionary {
  private readonly scratch = new Uint8Array(512);
  private readonly encoder = new TextEncoder();
  private readonly decoded = new Map<string, DictEntry | null>();
  private readonly bytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    this.bytes = isSortedSample(bytes) ? bytes : sortLines(bytes);
  }

  /** Compares the word of the line at `line` with target[0, n): <0, 0 or >0. */
  private compare(line: number, target: Uint8Array, n: number): number {
    const b = this.bytes;
    for (let k = 0; ; k++) {
      const end = line + k >= b.length || b[line + k] === SPACE || b[line + k] === NEWLINE;
      if (k === n) return end ? 0 : 1;
      if (end) return -1;
      const d = b[line + k] - target[k];
      if (d !== 0) return d;
    }
  }

  /** Start of the first line whose word is ≥ target[0, n) (bytes.length when none). */
  private lowerBound(target: Uint8Array, n: number): number {
    const b = this.bytes;
    let lo = 0;
    let hi = b.length;
    while (lo < hi) {
      let line = (lo + hi) >>> 1;
      while (line > lo && b[line - 1] !== NEWLINE) line--;
      if (this.compare(line, target, n) < 0) {
        let next = line;
        while (next < hi && b[next] !== NEWLINE) next++;
        lo = next + 1;
      } else hi = line;
    }
    return Math.min(lo, b.length);
  }

  private encode(word: string): number {
    const { read, written } = this.encoder.encodeInto(word, this.scratch);
    return read < word.length ? -1 : written;
  }

  get(word: string): DictEntry | undefined {
    let entry = this.decoded.get(word);
    if (entry === undefined) {
      const n = this.encode(word);
      const line = n > 0 ? this.lowerBound(this.scratch, n) : -1;
      entry = line >= 0 && line < this.bytes.length && this.compare(line, this.scratch, n) === 0 ? this.parse(line) : null;
      // Indexing a large library asks for millions of distinct words: keep the memo bounded.
      if (this.decoded.size >= 200_000) this.decoded.clear();
      this.decoded.set(word, entry);
    }
    return entry ?? undefined;
  }

  /** The words that start with `prefix`, in order (at most `limit`). */
  withPrefix(prefix: string, limit: number): string[] {
    const n = this.encode(prefix);
    if (n <= 0) return [];
    const out: string[] = [];
    const b = this.bytes;
    const prefixBytes = this.scratch.subarray(0, n);
    for (let line = this.lowerBound(this.scratch, n); line < b.length && out.length < limit; ) {
      const word = wordAt(b, line);
      if (word.length < n || Buffer.compare(word.subarray(0, n), prefixBytes) !== 0) break;
      out.push(Buffer.from(word.buffer, word.byteOffset, word.length).toString('utf8'));
      const nl = b.indexOf(NEWLINE, line);
      line = nl < 0 ? b.length : nl + 1;
    }
    return out;
  }

  /**
   * Every word of `minChars` to `maxChars` characters (of the three-byte UTF-8 range: all of CJK)
   * counted at least `minFreq` times, with its tag, in dictionary order: one pass over the lines,
   * reading bytes only (a search per tag took 58 ms for the tags of plain words).
   */
  wordsOfLengths(minChars: number, maxChars: number, minFreq: number): Array<{ word: string; freq: number; pos: string }> {
    const b = Buffer.from(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
    const out: Array<{ word: string; freq: number; pos: string }> = [];
    for (let line = 0; line < b.length; ) {
      const nl = b.indexOf(NEWLINE, line);
      const end = nl < 0 ? b.length : nl;
      let width = 0;
      while (width < maxChars * 3 && b[line + width] >= 0xe0 && b[line + width] < 0xf0) width += 3;
      if (width >= minChars * 3 && end - line > width + 1 && b[line + width] === SPACE) {
        let at = line + width + 1;
        let freq = 0;
        for (; at < end && b[at] >= 0x30 && b[at] <= 0x39; at++) freq = freq * 10 + b[at] - 0x30;
        if (freq >= minFreq) out.push({ word: b.toString('utf8', line, line + width), freq, pos: b.toString('latin1', at + 1, end).trim() });
      }
      line = end + 1;
    }
    return out;
  }

  private parse(line: number): DictEntry {
    const b = this.bytes;
    let nl = line;
    while (nl < b.length && b[nl] !== NEWLINE) nl++;
    const rest = Buffer.from(b.buffer, b.byteOffset + line, nl - line).toString('latin1');
    const a = rest.indexOf(' ');
    const c = rest.indexOf(' ', a + 1);
    const freq = Number(rest.slice(a + 1, c < 0 ? undefined : c));
    return { freq: Number.isFinite(freq) ? freq : 0, pos: c < 0 ? '' : rest.slice(c + 1).trim() };
  }
}

/** The word of the line starting at `at` (bytes up to the first space or line end). */
function wordAt(bytes: Uint8Array, at: number): Uint8Array {
  let end = at;
  while (end < bytes.length && bytes[end] !== SPACE && bytes[end] !== NEWLINE) end++;
  return bytes.subarray(at, end);
}

/**
 * Whether the lines look sorted by word: 4,096 adjacent pairs at spread-out places. The bundled
 * dictionary is (a unit test checks every line); another one is sorted once by sortLines.
 */
function isSortedSample(bytes: Uint8Array): boolean {
  const step = Math.max(1, Math.floor(bytes.length / 4096));
  for (let at = 0; at < bytes.length; at += step) {
    let line = at;
    while (line < bytes.length && bytes[line] !== NEWLINE) line++;
    const next = line + 1;
    let after = next;
    while (after < bytes.length && bytes[after] !== NEWLINE) after++;
    if (after + 1 >= bytes.length) break;
    if (Buffer.compare(wordAt(bytes, next), wordAt(bytes, after + 1)) > 0) return false;
  }
  return true;
}

/** The dictionary's lines sorted by word (later lines for the same word win, as jieba reads them). */
function sortLines(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const byWord = new Map<string, string>();
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp > 0) byWord.set(line.slice(0, sp), line);
  }
  const lines = [...byWord.values()].map((l) => Buffer.from(l, 'utf8'));
  lines.sort((x, y) => Buffer.compare(wordAt(x, 0), wordAt(y, 0)));
  return Buffer.from(lines.map((l) => l.toString('utf8')).join('\n'), 'utf8');
}

function dict(): SortedDictionary {
  dictionary ??= new SortedDictionary(loadDictBytes());
  return dictionary;
}

/** Splits text into words with their offsets. Without HMM, unknown runs fall apart into characters. */
export function tokenize(text: string, hmm = false): Token[] {
  const out: Token[] = [];
  if (!text) return out;
  let at = 0;
  for (const word of segmenter().cut(text, hmm)) {
    // jieba returns the words in order and covers the whole input.
    const start = text.startsWith(word, at) ? at : text.indexOf(word, at);
    if (start < 0) continue;
    out.push({ text: word, start, end: start + word.length });
    at = start + word.length;
  }
  return out;
}

let idiomList: string[] | undefined;

/**
 * Four-character idioms and set phrases (成语, 习用语: 长治久安, 与时俱进) and longer idioms (防患于未然) that the dictionary
 * counts at least IDIOM_MIN_FREQ times: fixed wording, in which one wrong character is a slip.
 */
export function idioms(): readonly string[] {
  // Longer 习用语 (l) are mostly nouns (自然科学家), where a changed character makes another noun.
  idiomList ??= [
    ...fourCharacterSetPhrases().filter((x) => x.freq >= IDIOM_MIN_FREQ).map((x) => x.word),
    ...[5, 6, 7].flatMap((n) => idiomLengthWords().filter((x) => x.word.length === n && x.pos === 'i' && x.freq >= IDIOM_MIN_FREQ).map((x) => x.word)),
  ];
  return idiomList;
}
/** Rarer "idioms" in the dictionary are often variants or noise (戮力同心 beside 勠力同心). */
const IDIOM_MIN_FREQ = 20;
/** Below this, a four-character entry is too often noise to be any evidence. */
const RARE_IDIOM_MIN_FREQ = 5;

let rareIdiomList: string[] | undefined;

/**
 * Four-character idioms the dictionary counts rarely (历久弥新: 5): evidence only against a form
 * that is no word at all, never against a variant the dictionary knows.
 */
export function rareIdioms(): readonly string[] {
  rareIdiomList ??= fourCharacterSetPhrases()
    .filter((x) => x.freq < IDIOM_MIN_FREQ)
    .map((x) => x.word);
  return rareIdiomList;
}

let compoundList: string[] | undefined;

/**
 * The dictionary's other words of four to seven Chinese characters counted at least
 * RARE_IDIOM_MIN_FREQ times (保护主义, 基础设施): no idioms, but fixed wording wherever a text uses
 * them as its own (see term-typo).
 */
export function compounds(): readonly string[] {
  if (!compoundList) {
    const fixed = new Set([...idioms(), ...rareIdioms()]);
    compoundList = idiomLengthWords()
      .map((x) => x.word)
      .filter((w) => !fixed.has(w) && /^[\u3400-\u9fff]+$/.test(w));
  }
  return compoundList;
}

const pairWordLists = new Map<number, Array<{ word: string; freq: number; pos: string }>>();

/** The dictionary's words of two Chinese characters counted at least `minFreq` times (部署, 遵循). */
export function pairWords(minFreq: number): ReadonlyArray<{ word: string; freq: number; pos: string }> {
  let list = pairWordLists.get(minFreq);
  if (!list) pairWordLists.set(minFreq, (list = dict().wordsOfLengths(2, 2, minFreq).filter((x) => /^[\u4e00-\u9fff]{2}$/.test(x.word))));
  return list;
}

let setPhrases: Array<{ word: string; freq: number }> | undefined;
let idiomLengthList: Array<{ word: string; freq: number; pos: string }> | undefined;

/** The dictionary's words of four to seven characters counted at least RARE_IDIOM_MIN_FREQ times: one scan of it for all idiom lists. */
function idiomLengthWords(): Array<{ word: string; freq: number; pos: string }> {
  idiomLengthList ??= dict().wordsOfLengths(4, 7, RARE_IDIOM_MIN_FREQ);
  return idiomLengthList;
}

/**
 * Four-character idioms and set phrases: those the dictionary tags so (i, l), and the common ones it
 * tags as plain words (美轮美奂/nr, 众志成城/n, 一劳永逸/nr, 墨守成规/nr) that are no compound of
 * shorter words — neither two words of two characters (人民群众) nor a word of three and one character.
 */
function fourCharacterSetPhrases(): Array<{ word: string; freq: number }> {
  setPhrases ??= idiomLengthWords()
    .filter(({ word, freq, pos }) =>
      word.length !== 4
        ? false
        : pos === 'i' || pos === 'l'
        ? true
        : freq >= IDIOM_MIN_FREQ && UNTAGGED_IDIOM_POS.has(pos) && !(halfWord(word.slice(0, 2)) && halfWord(word.slice(2))) && !halfWord(word.slice(0, 3)) && !halfWord(word.slice(1)),
    )
    .map(({ word, freq }) => ({ word, freq }));
  return setPhrases;
}
/**
 * A part of a four-character entry that is a word of its own (人民 of 人民群众): one the dictionary
 * counts a few times only (墨守, 墨守成 of 墨守成规; 凡夫 of 凡夫俗子) is the idiom's piece, not a word.
 */
function halfWord(half: string): boolean {
  return wordFreq(half) >= HALF_WORD_FREQ;
}
const HALF_WORD_FREQ = 10;
/** Tags jieba gives idioms besides i and l; names of places and organisations are left out. */
const UNTAGGED_IDIOM_POS = new Set(['n', 'nr', 'v', 'a', 'vn', 'ad', 'd', 'z']);

export function dictEntry(word: string): DictEntry | undefined {
  return dict().get(word);
}

export function isDictWord(word: string): boolean {
  return dict().get(word) !== undefined;
}

/** Dictionary frequency (0 when unknown). */
export function wordFreq(word: string): number {
  return dict().get(word)?.freq ?? 0;
}

const reduplicable = new Map<string, boolean>();

/** Characters the dictionary reduplicates: it has a word starting with cc (人人, 村村通, 看看; AABB
 *  words like 的的确确 do not count) or the word 一cc (一项项). */
export function isReduplicable(c: string): boolean {
  let yes = reduplicable.get(c);
  if (yes === undefined) {
    const words = dict().withPrefix(c + c, 1000);
    yes = words.some((w) => !(w.length === 4 && w[2] === w[3])) || isDictWord('一' + c + c);
    reduplicable.set(c, yes);
  }
  return yes;
}

/** Particles, prepositions, conjunctions, pronouns, adverbs, numerals, measure words, locatives. */
export function isFunctionWord(word: string): boolean {
  return /^(p|u|uj|ul|uz|ug|ud|uv|c|r|d|m|q|f|y|e|o)$/.test(dict().get(word)?.pos ?? '');
}
