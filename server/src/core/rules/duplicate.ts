// duplicate: a character or word written twice (提升提升, 因地制宜宜, 在在, 高质量高质量).
//
// Every immediate repetition XX of Han text is a candidate; the paragraph's jieba words, the
// dictionary and the sources decide whether it is language or a slip. Legitimate:
//  - one word holds both copies: the dictionary knows the reduplication (人人, 常常, 实实在在,
//    生生不息, 一件件), or jieba's HMM joins them into an unknown word (names: 李娟娟, 乌云其其格);
//  - the second copy is not a word of its own: it begins inside a word or runs on into a longer one
//    (人民|民主, 中国|国际, 在|在线, 发展|发展中国家);
//  - measure words, alone or after 一 (年年, 一遍遍, 一步一步, 一个领域一个领域), and numerals (二〇二〇);
//  - the sources use the doubled form at least twice (once may be one of their own typos);
//  - a repeated word (X of two or more characters) whose first copy ends a longer word (党组织|组织);
//  - AABB of a word AB (认认真真), characters the dictionary reduplicates (村村, 看看);
//  - a single character after a word ending in it, when it is a free word (可以|以, 目的|的) or
//    begins an unknown compound (幼儿园|园舍); a bound morpheme cannot stand alone (因地制宜|宜);
//  - two single-character words that are not function words (账账相符).
// Whatever survives is flagged on the second copy, with its deletion as fix.
import { dictEntry, isDictWord, isReduplicable, tokenize } from '../lang/segmenter';
import type { Words } from '../draft';
import type { CorpusIndex } from '../index/corpus';
import { t } from '../l10n';
import type { Rule, RuleFinding } from './types';

/** Longest repeated word looked for, in UTF-16 code units. */
const MAX_UNIT = 12;
const HAN = /^\p{Script=Han}+$/u;
const NUMERALS = /^[〇零一二三四五六七八九十百千万亿两]+$/;
/** Part-of-speech tags of closed-class words: prepositions, conjunctions, particles, pronouns, adverbs, suffixes. */
const FUNCTION_POS = /^(p|c|u\w*|r\w*|d|y|k)$/;
/** Tags of bound morphemes (vg, ng, zg…), affixes and non-words. */
const BOUND_POS = /^(\w*g|k|h|x)$/;
/** Single-character verbs this frequent without a reduplicated form are copulas and auxiliaries (是, 有, 要). */
const AUXILIARY_FREQ = 100_000;

export const duplicateRule: Rule = {
  id: 'duplicate',
  description: '重复的字词（提升提升、在在）',
  defaultSeverity: 'warning',
  safe: true,
  check(paragraph, ctx) {
    const text = paragraph.text;
    const out: RuleFinding[] = [];
    for (let i = 0; i < text.length - 1; i++) {
      for (let len = 1; len <= MAX_UNIT && i + 2 * len <= text.length; len++) {
        if (!repeatsAt(text, i, len)) continue;
        const unit = text.slice(i, i + len);
        if (!HAN.test(unit)) continue;
        // Most repetitions (人人, 一年年, 二〇二〇) are settled without segmenting the paragraph.
        if (legitimateAsCharacters(text, i, len, ctx.index)) continue;
        if (isLegitimate(text, i, len, paragraph.words(), ctx.index)) continue;
        out.push({
          start: i + len,
          end: i + 2 * len,
          message: t(`「${unit}」重复，可能多写了一次`, `「${unit}」 is repeated; it may have been typed twice`),
          replacements: [''],
        });
        i += len - 1; // go on from the deleted copy (a third copy repeats it)
        break;
      }
    }
    return out;
  },
};

/** Whether text[i, i + len) is followed by itself, compared in place (no string per window). */
function repeatsAt(text: string, i: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (text.charCodeAt(i + k) !== text.charCodeAt(i + len + k)) return false;
  return true;
}

/**
 * The reasons a repetition is language that need no word boundaries: numerals and measure words,
 * doubled forms the sources use, AABB words, characters the dictionary reduplicates.
 */
function legitimateAsCharacters(text: string, i: number, len: number, index: CorpusIndex): boolean {
  const unit = text.slice(i, i + len);
  const end = i + 2 * len;
  const doubled = unit + unit;
  // 一步一步 doubles a measure phrase; in 进一步一步 the first copy ends a word, and the words tell.
  const endsWord = (i >= 1 && isDictWord(text.slice(i - 1, i + len))) || (i >= 2 && isDictWord(text.slice(i - 2, i + len)));
  if (NUMERALS.test(unit) || (len > 1 && unit[0] === '一' && isMeasure(unit[1]) && !endsWord)) return true;
  if (len > 1) return false;
  // A measure word doubles after a numeral (一个个) or on its own (个个), not after a demonstrative
  // that takes it (各个|个, 这个|个): there the words tell.
  if (isMeasure(unit)) return !(i > 0 && isDemonstrative(text[i - 1]) && isDictWord(text[i - 1] + unit));
  if ((i > 0 && index.frequency(text[i - 1] + doubled) >= 2) || (end < text.length && index.frequency(doubled + text[end]) >= 2)) return true;
  // AABB of a word AB, or the BB of it.
  if (text[end] === text[end + 1] && text[end] !== unit && isDictWord(unit + text[end])) return true;
  if (i >= 2 && text[i - 2] === text[i - 1] && text[i - 2] !== unit && isDictWord(text[i - 2] + unit)) return true;
  return isReduplicable(unit);
}

/** The rest of the reasons, which depend on the paragraph's words (after legitimateAsCharacters). */
function isLegitimate(text: string, i: number, len: number, words: Words, index: CorpusIndex): boolean {
  const unit = text.slice(i, i + len);
  const second = i + len;
  const end = i + 2 * len;
  const doubled = unit + unit;
  const first = words.word(i)!;
  if (first.end >= end) return true; // one dictionary word holds both copies
  // A pronoun typed again as the start of its plural (我|我们) repeats itself.
  if (len === 1 && first.start === i && first.end === second && words.word(second)?.text === unit + '们') return false;
  if (!words.aligned(second, end)) return true; // the second copy is part of another word

  if (len > 1) {
    // A word written twice: both copies whole words, the same single word — or a word ending in a
    // measure phrase followed by that phrase again (进一步|一步; but 党组织|组织的 is two words).
    const tail = first.start < i && first.end === second && unit[0] === '一' && isMeasure(unit[1]);
    if (!(words.aligned(i, second) || tail) || words.word(second)!.end !== end || !words.aligned(second, end)) return true;
    return index.frequency(tail ? text.slice(first.start, end) : doubled) >= 2;
  }

  // An unknown word the HMM recognises around the second copy: a name holding both (李娟娟) or a
  // compound it begins (园舍) — unless what it glues on is a function word (宜对).
  const hmm = tokenize(text.slice(first.start, Math.min(text.length, end + 4)), true).map((w) => ({ ...w, start: w.start + first.start, end: w.end + first.start }));
  const holder = hmm.find((w) => w.start <= second && second < w.end);
  if (holder && holder.start <= i) return true;
  if (holder && holder.end > end && !FUNCTION_POS.test(dictEntry(text.slice(end, holder.end))?.pos ?? '')) return true;

  const entry = dictEntry(unit);
  const pos = entry?.pos ?? '';
  if (first.start === i) {
    // Two one-character words: function words and auxiliaries never reduplicate (在在, 的的, 是是);
    // content words may (账账相符).
    return !(FUNCTION_POS.test(pos) || (pos === 'v' && (entry?.freq ?? 0) >= AUXILIARY_FREQ));
  }
  // After a word ending in the same character: a free word is fine (可以|以, 目的|的), but neither
  // a bound morpheme (因地制宜|宜), a plain noun (预警|警) nor a measure word (各个|个) stands alone there.
  return !(BOUND_POS.test(pos) || !entry || pos === 'n' || pos === 'q');
}

/** 各, 这, 那, 某, 哪, 每: the words a measure word follows in place of a numeral. */
function isDemonstrative(c: string): boolean {
  return c === '每' || dictEntry(c)?.pos === 'r';
}

/** A measure word: 一 + it is a numeral word in the dictionary (一年, 一遍), or 一步 itself. */
function isMeasure(unit: string): boolean {
  const word = unit.length === 1 ? '一' + unit : unit.startsWith('一') ? unit : '';
  return !!word && (dictEntry(word)?.pos.startsWith('m') ?? false);
}
