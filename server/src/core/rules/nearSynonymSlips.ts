// A word of a name the sources give, replaced, where the draft retells their wording, by a word of
// like meaning that keeps its other character (中吉乌铁道项目正式启动 for their 铁路, 全球安全提议 in
// their list of 倡议, 畅谈中巴经济长廊发展前景 for 走廊, 恪守联合国宪章主旨和原则 for 宗旨). No sound or
// shape ties the two words, so only a long run of the sources' own wording on both sides, and a
// proper name or a term of theirs around the word, tell a slip from a choice. Used by term-typo.
import { t } from '../l10n';
import type { CorpusIndex } from '../index/corpus';
import { dictEntry, isDictWord, tokenize, wordFreq } from '../lang/segmenter';
import type { ParagraphDoc, RuleFinding } from './types';

export interface NearSynonymSlip extends RuleFinding {
  score: number;
}

/** Characters of the sources' wording matched on each side of the changed word, and in all. */
const MIN_SIDE = 3;
const MIN_AROUND = 8;
/**
 * Or a long run before the word and a short one after it, where the draft goes on in its own words
 * (北京语言大学哈萨克斯坦分院揭牌， for their 分校揭牌仪式): the name is theirs up to its last word.
 */
const LONG_BEFORE = 8;
const SHORT_AFTER = 2;
/** Places of the characters beside a candidate looked at in the sources. */
const MAX_POSITIONS = 24;
/** Parts of speech of names, numbers and grammatical words: never a word swapped for a like one. */
const EXCLUDED_POS = /^(nr\w*|ns|nt|m\w*|q|p|u\w*|c|r\w*|d|y|e|o|f|t\w*)$/;
const isHan = (c: number) => c >= 0x3400 && c <= 0x9fff;
/** A punctuation mark of Chinese text (、，。“” and the like), not a character or a letter. */
const isMarkCode = (c: number) => c >= 0x2010 && !isHan(c);
const NUMERAL = /[0-9０-９零〇一二三四五六七八九十百千万亿两]/;

/**
 * Both words are established words of the dictionary: a slogan's own fragment (治党 of 全面从严治党,
 * counted 3 times) changed is a coinage by analogy (从严治教), not a word of like meaning.
 */
const MIN_WORD_FREQ = 10;

/** An established word of two or three characters with a part of speech a name's word may have. */
function wordOfName(w: string): boolean {
  if (!isDictWord(w) || wordFreq(w) < MIN_WORD_FREQ) return false;
  const pos = dictEntry(w)?.pos ?? '';
  return !EXCLUDED_POS.test(pos);
}

/** Parts of speech of proper nouns: places, bodies, persons, other names, abbreviations (中巴, 联合国, 乌). */
const PROPER_POS = /^(ns|nt|nz|nr|nrt|j)$/;
/** Characters before the sources' word within which a term of theirs that ends with it may begin. */
const MAX_NAME_BEFORE = 10;

/** Kinds of the sources' terms that name something (not phrases mined for recurring: 维护国际…). */
const NAME_KINDS = ['quoted', 'listed', 'title', 'defined', 'alias'] as const;

/** The words of the sources' joined text in the eight characters before `ws`, as segmented there. */
function wordsBefore(index: CorpusIndex, ws: number): ReturnType<typeof tokenize> {
  return tokenize(index.joined.slice(Math.max(0, ws - 8), ws));
}

/**
 * Whether the sources' word at [ws, we) of their joined text is the noun of a name: a term they quote,
 * list or define, of two characters or more before it, ends with it or goes on past it (全球安全倡议,
 * 丝绸之路经济带), or it follows a part of a name (中巴经济|走廊, 中吉乌|铁路, 宪章|宗旨) — not a word a
 * writer rephrases (激发创新|创业, 加强|社区, 老旧|管道, 电动化、|网络化).
 */
function nameWordAt(index: CorpusIndex, ws: number, we: number): boolean {
  const joined = index.joined;
  if (!/^n/.test(dictEntry(joined.slice(ws, we))?.pos ?? '')) return false;
  for (let ts = ws - 2; ts >= Math.max(0, ws - MAX_NAME_BEFORE); ts--) {
    for (let te = we; te <= Math.min(joined.length, we + 4); te++) {
      const term = index.term(joined.slice(ts, te));
      // (A name, not an item of theirs that is an action: 维护国际粮食安全, beside which 维护国家粮食安全 is no slip.)
      if (term && NAME_KINDS.some((k) => term.kinds.has(k)) && !/^v/.test(dictEntry(tokenize(term.text)[0]?.text ?? '')?.pos ?? '')) return true;
    }
  }
  // (A proper noun right before it, or before a noun before it: 中巴|经济|走廊, 联合国|宪章|宗旨 — not
  // 认真学习|领会, 体系|整体|效益; or the one-character names of China and its partners a bilateral
  // project is named by, each a word alone: 中|白|工业园, 中|吉|乌|铁路 — not 老|旧|管道.)
  const before = wordsBefore(index, ws);
  const [second, last] = before.slice(-2).map((w) => dictEntry(w.text)?.pos ?? '');
  if (PROPER_POS.test(last ?? '') || (last === 'n' && PROPER_POS.test(second ?? ''))) return true;
  const singles = before.slice(-3).map((w) => w.text);
  const partners = singles.slice(singles.lastIndexOf('中'));
  return partners.length >= 2 && partners.every((w) => w.length === 1 && isHan(w.charCodeAt(0)));
}

/**
 * Whether the word of the sources' joined text that ends at `ws` is the name of a place or a person
 * (哈萨克斯坦 of 哈萨克斯坦分校) — the dictionary tags as bodies (nt) common phrases too: 新兴产业.
 */
function afterPlaceOrPerson(index: CorpusIndex, ws: number): boolean {
  const before = wordsBefore(index, ws);
  return /^(ns|nr|nrt)$/.test(dictEntry(before[before.length - 1]?.text ?? '')?.pos ?? '');
}

/**
 * The word of the sources around their character at `s` and the draft's at the same place, when both
 * are such words, differ in that one character (the draft's at `k`), and theirs is a name's.
 */
function swappedWord(text: string, k: number, index: CorpusIndex, s: number): { draft: string; theirs: string; start: number } | undefined {
  const joined = index.joined;
  // (The longer word first, as the name reads: 中白产业园 for 工业园.)
  for (const len of [3, 2]) {
    for (let off = 0; off < len; off++) {
      const a = s - off;
      const ka = k - off;
      if (a < 0 || ka < 0 || ka + len > text.length) continue;
      const theirs = joined.slice(a, a + len);
      const draft = text.slice(ka, ka + len);
      if (theirs.length !== len || draft.length !== len) continue;
      if (wordOfName(theirs) && wordOfName(draft) && nameWordAt(index, a, a + len)) return { draft, theirs, start: ka };
    }
  }
  return undefined;
}

/** Whether the draft's character at `k` is in an established word of two or three characters (tried before any look-up in the sources). */
function establishedWordAround(text: string, k: number): boolean {
  for (const len of [2, 3]) {
    for (let a = Math.max(0, k - len + 1); a <= k && a + len <= text.length; a++) if (wordOfName(text.slice(a, a + len))) return true;
  }
  return false;
}

/** `sourcePairAt[k]`: the sources write text[k] text[k + 1]. */
export function nearSynonymSlips(p: ParagraphDoc, index: CorpusIndex, sourcePairAt: Uint8Array): NearSynonymSlip[] {
  const text = p.text;
  const n = text.length;
  const joined = index.joined;
  const out: NearSynonymSlip[] = [];
  let words: ReturnType<ParagraphDoc['words']> | undefined;
  // knownBefore[k]: pairs of theirs (or with a mark, which the sources' pairs leave out) running up to
  // text[k]; knownAfter[k]: from text[k] on. The runs themselves are matched character by character.
  const isMark = (a: number) => a < n && isMarkCode(text.charCodeAt(a));
  const knownPair = (a: number) => sourcePairAt[a] === 1 || isMark(a) || isMark(a + 1);
  const knownBefore = new Uint16Array(n);
  for (let k = 1; k < n; k++) knownBefore[k] = knownPair(k - 1) ? Math.min(0xffff, knownBefore[k - 1] + 1) : 0;
  const knownAfter = new Uint16Array(n);
  for (let k = n - 2; k >= 0; k--) knownAfter[k] = knownPair(k) ? Math.min(0xffff, knownAfter[k + 1] + 1) : 0;
  for (let k = MIN_SIDE; k + MIN_SIDE < n; k++) {
    // (A character with a pair of theirs on both sides is their wording; runs of theirs must stand on both sides.)
    // (Pairs of theirs bound the characters of theirs that can match: MIN_AROUND needs that many pairs.)
    const longBefore = knownBefore[k - 1] >= LONG_BEFORE - 1 && knownAfter[k + 1] >= SHORT_AFTER - 1;
    if ((sourcePairAt[k - 1] && sourcePairAt[k]) || (!longBefore && (knownBefore[k - 1] < MIN_SIDE - 1 || knownAfter[k + 1] < MIN_SIDE - 1 || knownBefore[k - 1] + knownAfter[k + 1] + 2 < MIN_AROUND))) continue;
    const c = text[k];
    if (!isHan(text.charCodeAt(k)) || NUMERAL.test(c) || !establishedWordAround(text, k)) continue;
    // Found by the three characters before it or the three after, whichever the sources write less often.
    const before = text.slice(k - MIN_SIDE, k);
    const after = text.slice(k + 1, k + 1 + MIN_SIDE);
    const beforeUses = index.suffixArray.count(before);
    if (beforeUses === 0) continue;
    const byBefore = beforeUses <= MAX_POSITIONS || knownAfter[k + 1] < MIN_SIDE - 1 || beforeUses <= index.suffixArray.count(after);
    for (const pos of index.suffixArray.positions(byBefore ? before : after, MAX_POSITIONS)) {
      const s = byBefore ? pos + MIN_SIDE : pos - 1;
      const theirs = joined[s] ?? '';
      if (s < 1 || theirs === c || !isHan(joined.charCodeAt(s)) || NUMERAL.test(theirs)) continue;
      let left = 0;
      while (k - left - 1 >= 0 && s - left - 1 >= 0 && text[k - left - 1] === joined[s - left - 1] && !/\s/.test(text[k - left - 1])) left++;
      let right = 0;
      while (k + right + 1 < n && text[k + right + 1] === joined[s + right + 1] && !/\s/.test(text[k + right + 1])) right++;
      // (Or the name ends at a mark in both, after the rest of its word: 上海合作组织数字教育同盟， for
      // their …联盟” — the draft's next words are its own.)
      let mark = 0;
      while (mark < right && !isMark(k + 1 + mark)) mark++;
      const closedAfter = isMark(k + 1 + mark) && isMarkCode(joined.charCodeAt(s + 1 + mark));
      const bothSides = left >= MIN_SIDE && left + right >= MIN_AROUND && (right >= MIN_SIDE || closedAfter);
      if (!bothSides && (left < LONG_BEFORE || right < SHORT_AFTER)) continue;
      const swap = swappedWord(text, k, index, s);
      if (!swap) continue;
      // (With two of theirs after it only, their word must follow a place's or a person's name:
      // 哈萨克斯坦|分校 — not end a term of theirs that a writer rephrases, 战略性新兴产业集群 →
      // 新兴产业集聚发展.)
      if (!bothSides && !afterPlaceOrPerson(index, s - (k - swap.start))) continue;
      // The draft's word with a character on each side is wording the sources never write.
      if (index.suffixArray.count(text.slice(Math.max(0, swap.start - 1), swap.start + swap.draft.length + 1)) > 0) continue;
      const ref = index.refAt(s - left, s + right + 1);
      // (Shown from a word of the sources' wording before it: 中吉乌铁道, 全球安全提议.)
      let from = Math.max(swap.start - 4, k - left);
      words ??= p.words();
      const first = words.word(from);
      if (first && first.start < from) from = first.start >= k - left ? first.start : Math.min(first.end, swap.start);
      const found = text.slice(from, swap.start + swap.draft.length);
      const intended = joined.slice(s - (k - from), s - (k - swap.start) + swap.theirs.length);
      out.push({
        start: k,
        end: k + 1,
        message: t(`疑似用词错误：「${found}」应为来源中的「${intended}」`, `Likely wrong word: "${found}" should be "${intended}" as in the sources`),
        replacements: [theirs],
        related: ref ? index.relatedPlace(ref, t('来源原文', 'Source text')) : undefined,
        score: 1,
      });
      break;
    }
  }
  return out;
}
