// Chinese word segmentation and the segmenter's dictionary (jieba, through @node-rs/jieba).
// The dictionary (≈349k words with frequency and part of speech) is also our word list:
// "is this a word", "how common is it".
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
let dictionary: Map<string, DictEntry> | undefined;
let dictBytes: Uint8Array | undefined;

function loadDictBytes(): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  dictBytes ??= (require('@node-rs/jieba/dict') as { dict: Uint8Array }).dict;
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

function dict(): Map<string, DictEntry> {
  if (!dictionary) {
    dictionary = new Map();
    const text = Buffer.from(loadDictBytes()).toString('utf8');
    let at = 0;
    while (at < text.length) {
      let nl = text.indexOf('\n', at);
      if (nl < 0) nl = text.length;
      const line = text.slice(at, nl);
      at = nl + 1;
      const a = line.indexOf(' ');
      if (a <= 0) continue;
      const b = line.indexOf(' ', a + 1);
      const word = line.slice(0, a);
      const freq = Number(line.slice(a + 1, b < 0 ? undefined : b));
      const pos = b < 0 ? '' : line.slice(b + 1).trim();
      dictionary.set(word, { freq: Number.isFinite(freq) ? freq : 0, pos });
    }
  }
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

export function dictEntry(word: string): DictEntry | undefined {
  return dict().get(word);
}

export function isDictWord(word: string): boolean {
  return dict().has(word);
}

/** Dictionary frequency (0 when unknown). */
export function wordFreq(word: string): number {
  return dict().get(word)?.freq ?? 0;
}

/** All dictionary words (for callers that build their own lookups). */
export function dictWords(): IterableIterator<[string, DictEntry]> {
  return dict().entries();
}

/** Particles, prepositions, conjunctions, pronouns, adverbs, numerals, measure words, locatives. */
export function isFunctionWord(word: string): boolean {
  return /^(p|u|uj|ul|uz|ug|ud|uv|c|r|d|m|q|f|y|e|o)$/.test(dict().get(word)?.pos ?? '');
}
