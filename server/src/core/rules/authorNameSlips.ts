// An author the sources name in a byline (李佳威), typed with one homophone after the surname (李嘉威):
// the name a pinyin input method offers first. Bylines are no terms of the index, so the term checks
// never see them. Used by term-typo.
import { t } from '../l10n';
import type { CorpusIndex } from '../index/corpus';
import { sourceAuthors } from '../index/authors';
import { isDictWord, tokenize } from '../lang/segmenter';
import { soundSimilarity } from '../lang/similarity';
import type { ParagraphDoc, RuleFinding } from './types';

export interface AuthorNameSlip extends RuleFinding {
  score: number;
}

interface NameTable {
  /** First characters of the names, by code unit. */
  firsts: Set<number>;
  /** The names by length and by their text with one character after the first masked (李?威). */
  byMask: Map<string, string[]>;
  lengths: number[];
}

const tables = new WeakMap<CorpusIndex, NameTable>();

function table(index: CorpusIndex): NameTable {
  let tab = tables.get(index);
  if (!tab) {
    tab = { firsts: new Set(), byMask: new Map(), lengths: [] };
    for (const name of sourceAuthors(index).keys()) {
      // (Names of three or four characters: two are too often words of any text.)
      if (name.length < 3 || name.length > 4) continue;
      tab.firsts.add(name.charCodeAt(0));
      if (!tab.lengths.includes(name.length)) tab.lengths.push(name.length);
      for (let j = 1; j < name.length; j++) {
        const mask = masked(name, j);
        const list = tab.byMask.get(mask);
        if (list) list.push(name);
        else tab.byMask.set(mask, [name]);
      }
    }
    tables.set(index, tab);
  }
  return tab;
}

function masked(s: string, j: number): string {
  return s.slice(0, j) + '?' + s.slice(j + 1);
}

const HAN = /^\p{Script=Han}+$/u;

export function authorNameSlips(p: ParagraphDoc, index: CorpusIndex): AuthorNameSlip[] {
  const tab = table(index);
  if (!tab.firsts.size) return [];
  const text = p.text;
  const out: AuthorNameSlip[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!tab.firsts.has(text.charCodeAt(i))) continue;
    for (const n of tab.lengths) {
      const window = text.slice(i, i + n);
      if (window.length !== n || !HAN.test(window) || index.frequency(window) > 0 || isDictWord(window)) continue;
      for (let j = 1; j < n; j++) {
        const name = tab.byMask.get(masked(window, j))?.find((x) => soundSimilarity(x[j], window[j]) === 1);
        if (!name) continue;
        // The window read as one word (a name) with the characters around it: not the start of a
        // word that goes on past it (李佳威|胁 is no name).
        const from = Math.max(0, i - 2);
        const words = tokenize(text.slice(from, Math.min(text.length, i + n + 2)), true);
        if (!words.some((w) => w.start + from === i) || !words.some((w) => w.end + from === i + n)) continue;
        out.push({
          start: i + j,
          end: i + j + 1,
          message: t(`疑似错字：「${window}」应为来源中的作者名「${name}」（同音）`, `Likely typo: "${window}" should be the sources' author "${name}" (same sound)`),
          replacements: [name[j]],
          score: 2,
        });
        break;
      }
    }
  }
  return out;
}
