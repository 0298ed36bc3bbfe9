// A common word of two characters that the sources use, typed with one character of the same sound
// that makes no usual word there (要认真布署 → 部署, 提供了遵寻 → 遵循, 相互促近 → 促进): the slip a pinyin
// input method leaves in everyday vocabulary. The dictionary alone cannot tell such a pair from the
// many words it lacks (补齐, 民宿, 一键); the sources vouch for the word, and the character kept must
// be one that seldom stands alone, so that the pair reads as that word broken. Used by term-typo.
import { t } from '../l10n';
import type { CorpusIndex } from '../index/corpus';
import { dictEntry, isFunctionWord, pairWords, tokenize, wordFreq } from '../lang/segmenter';
import { soundSimilarity } from '../lang/similarity';
import { charReadings } from '../lang/pinyin';
import type { ParagraphDoc, RuleFinding } from './types';

/** Uses in the dictionary's counts of a word common enough to be looked for (部署 3,333; 遵循 1,223). */
const COMMON_PAIR_FREQ = 1000;
/** Uses in the sources that make a word theirs. */
const SOURCE_USES = 3;
/** A pair the dictionary counts at most this often is no usual word (布署: 2, a misspelling it lists). */
const RARE_PAIR_FREQ = 5;
/** How much commoner than such a listed misspelling the word must be (部署 1,666×; not 防治 beside 防制, 507×, a term of pest control). */
const LISTED_SLIP_RATIO = 1000;
/** The kept character is seldom a word alone (遵 820, 促 758; not 正 of 正以, 要 of 中要). */
const KEPT_ALONE_FREQ = 3000;
/** Share of the kept character's uses in the sources that are in the word (see table). */
const KEPT_IN_WORD_SHARE = 0.5;
/** Characters on each side read with the pair by the HMM, which joins names and new words (陈冯富珍). */
const HMM_CONTEXT = 3;

export interface SourceWordSlip extends RuleFinding {
  score: number;
}

interface PairTable {
  /**
   * By the code unit of the character kept second (first), 1 + the index in `words` of the sources'
   * common words that end (begin) with it; 0 for none. Typed arrays: a look-up per pair of the draft
   * must not make a string.
   */
  endingWith: Uint32Array;
  beginningWith: Uint32Array;
  /** The words, by the usual reading of the character a slip would replace in them. */
  words: Array<Map<string, string[]>>;
  size: number;
}

const tables = new WeakMap<CorpusIndex, PairTable>();

function table(index: CorpusIndex): PairTable {
  let tab = tables.get(index);
  if (!tab) {
    const built: PairTable = { endingWith: new Uint32Array(0x10000), beginningWith: new Uint32Array(0x10000), words: [], size: 0 };
    const add = (slots: Uint32Array, kept: string, word: string, replaced: string) => {
      const code = kept.charCodeAt(0);
      if (!slots[code]) slots[code] = built.words.push(new Map());
      const bySound = built.words[slots[code] - 1];
      const sound = usualSound(replaced);
      const list = bySound.get(sound);
      if (list) list.push(word);
      else bySound.set(sound, [word]);
      built.size++;
    };
    for (const { word } of pairWords(COMMON_PAIR_FREQ)) {
      const uses = index.frequency(word);
      if (uses < SOURCE_USES) continue;
      // Looked for by the character kept, where the sources write that character mostly in this word
      // (遵 in 遵循, 促 in 促进): a pair of it with another character is the word broken, not one of the
      // many words the character makes (展 of 发展, 进展, 展示: 尽展 is no slip for 进展).
      if (uses >= KEPT_IN_WORD_SHARE * index.frequency(word[1])) add(built.endingWith, word[1], word, word[0]);
      if (uses >= KEPT_IN_WORD_SHARE * index.frequency(word[0])) add(built.beginningWith, word[0], word, word[1]);
    }
    tab = built;
    tables.set(index, tab);
  }
  return tab;
}

const HAN_PAIR = /^[\u4e00-\u9fff]{2}$/;

/** A character's usual reading, toneless (单: dan, though it may be read chán). */
function usualSound(ch: string): string {
  return charReadings(ch)[0] ?? '';
}

/** `sourcePairAt[k]`: the sources write text[k] text[k + 1] (a pair of theirs is no slip of the draft's). */
export function sourceWordSlips(p: ParagraphDoc, index: CorpusIndex, sourcePairAt: Uint8Array): SourceWordSlip[] {
  const text = p.text;
  const tab = table(index);
  if (tab.size === 0) return [];
  const out: SourceWordSlip[] = [];
  let words: ReturnType<ParagraphDoc['words']> | undefined;
  for (let k = 0; k + 1 < text.length; k++) {
    // (The cheap look-ups first: most pairs of a draft fill no masked word of the sources.)
    if (sourcePairAt[k]) continue;
    const ending = tab.endingWith[text.charCodeAt(k + 1)];
    const beginning = tab.beginningWith[text.charCodeAt(k)];
    if (!ending && !beginning) continue;
    // (Words that end with the second character fill the first, and the other way round.)
    const byFirst = ending ? tab.words[ending - 1] : undefined;
    const bySecond = beginning ? tab.words[beginning - 1] : undefined;
    const pair = text.slice(k, k + 2);
    if (!HAN_PAIR.test(pair)) continue;
    // (Of the same usual sound, as an input method offers it: 单 may be read chán, but 单品 is no 产品.)
    const fills = [0, 1].map((j) => (j === 0 ? byFirst : bySecond)?.get(usualSound(pair[j]))?.filter((w) => w[j] !== pair[j] && soundSimilarity(pair[j], w[j]) === 1) ?? []);
    if (!fills[0].length && !fills[1].length) continue;
    const listed = wordFreq(pair);
    if (listed > RARE_PAIR_FREQ) continue;
    words ??= p.words();
    const first = words.word(k);
    const second = words.word(k + 1);
    // The pair is read as a misspelling the dictionary lists (布署), or as two characters standing alone.
    const listedSlip = listed > 0 && first === second && first?.start === k && first.end === k + 2;
    if (!listedSlip && (first?.text.length !== 1 || second?.text.length !== 1)) continue;
    for (const j of [0, 1]) {
      const word = fills[j].sort((a, b) => wordFreq(b) - wordFreq(a))[0];
      if (!word) continue;
      const kept = pair[1 - j];
      if (listedSlip ? wordFreq(word) < LISTED_SLIP_RATIO * listed : isFunctionWord(kept) || isFunctionWord(pair[j]) || wordFreq(kept) >= KEPT_ALONE_FREQ) continue;
      // (A name or new word the HMM reads over the pair is the draft's: 陈冯富珍.)
      const from = Math.max(0, k - HMM_CONTEXT);
      if (!listedSlip && tokenize(text.slice(from, k + 2 + HMM_CONTEXT), true).some((w) => w.start + from <= k && k + 2 <= w.end + from && w.end - w.start >= 3)) continue;
      // (A number or measure beside it counts something: 二是, 一键.)
      if (/^[mq]/.test(dictEntry(kept)?.pos ?? '')) continue;
      const ref = index.occurrences(word, 1)[0];
      out.push({
        start: k + j,
        end: k + j + 1,
        message: t(`疑似错字：「${pair}」应为来源中的用词「${word}」（同音）`, `Likely typo: "${pair}" should be "${word}" as in the sources (same sound)`),
        replacements: [word[j]],
        related: ref ? index.relatedPlace(ref, t('来源原文', 'Source text')) : undefined,
        score: 1,
      });
      break;
    }
  }
  return out;
}
