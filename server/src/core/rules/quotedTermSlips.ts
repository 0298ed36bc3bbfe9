// A quotation the sources never write that is a term they quote again and again with one character
// changed, whatever its sound (“上合组织大家族” for their “上合组织大家庭”): quoted on both sides and
// five characters long or more, the rest of the term tells which one is meant. A changed number is
// left alone (“十五五” after their “十四五” is the next plan, not a slip). Used by term-typo.
import { t } from '../l10n';
import type { CorpusIndex } from '../index/corpus';
import { findQuotes } from '../index/miner';
import type { RuleFinding } from './types';

export interface QuotedTermSlip extends RuleFinding {
  score: number;
}

/** Shorter quoted terms differ from others by a character too often on purpose (“两个确立”, “两个维护”). */
const MIN_LENGTH = 5;
/** Longest quoted term compared (in UTF-16 units, dashes included); term-typo's sound-alikes too. */
export const MAX_QUOTED_TERM = 16;
/** How often the sources must quote the term: once may be their own slip. */
const MIN_QUOTED = 2;
/** A quoted term: Chinese characters, or steps of them joined by dashes or a middle dot (监测—研判—预警—处置). */
export const QUOTED_TERM_TEXT = /^\p{Script=Han}+(?:[—－·]\p{Script=Han}+)*$/u;
const NUMBER_CHARACTER = /[〇零一二三四五六七八九十百千万亿两双]/;

/** The sources' quoted terms by their text with one character blanked out. */
const byBlankedCharacter = new WeakMap<CorpusIndex, Map<string, string[]>>();

function blanked(text: string, at: number): string {
  return text.slice(0, at) + '\u0000' + text.slice(at + 1);
}

function quotedTerms(index: CorpusIndex): Map<string, string[]> {
  let table = byBlankedCharacter.get(index);
  if (!table) {
    table = new Map();
    for (const info of index.allTerms()) {
      const term = info.text;
      if (term.length < MIN_LENGTH || term.length > MAX_QUOTED_TERM || !info.kinds.has('quoted') || !QUOTED_TERM_TEXT.test(term)) continue;
      for (let at = 0; at < term.length; at++) {
        const key = blanked(term, at);
        const list = table.get(key);
        if (list) list.push(term);
        else table.set(key, [term]);
      }
    }
    byBlankedCharacter.set(index, table);
  }
  return table;
}

export function quotedTermSlips(text: string, index: CorpusIndex): QuotedTermSlip[] {
  const out: QuotedTermSlip[] = [];
  for (const q of findQuotes(text)) {
    const inner = text.slice(q.open + 1, q.close);
    if (inner.length < MIN_LENGTH || inner.length > MAX_QUOTED_TERM || !QUOTED_TERM_TEXT.test(inner) || index.frequency(inner) > 0) continue;
    const table = quotedTerms(index);
    let found: { at: number; term: string } | undefined;
    let ambiguous = false;
    for (let at = 0; at < inner.length && !ambiguous; at++) {
      for (const term of table.get(blanked(inner, at)) ?? []) {
        if (NUMBER_CHARACTER.test(inner[at]) || NUMBER_CHARACTER.test(term[at]) || !/\p{Script=Han}/u.test(inner[at])) continue;
        if (index.frequency(`“${term}”`) < MIN_QUOTED) continue;
        // Two of their terms one character away: the draft may mean either.
        if (found) ambiguous = true;
        else found = { at, term };
      }
    }
    if (!found || ambiguous) continue;
    const start = q.open + 1 + found.at;
    out.push({
      start,
      end: start + 1,
      message: t(`疑似错字：来源中引用的是「${found.term}」，不是「${inner}」`, `Likely typo: the sources quote "${found.term}", not "${inner}"`),
      replacements: [found.term[found.at]],
      score: 3,
    });
  }
  return out;
}
