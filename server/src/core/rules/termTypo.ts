// term-typo: wording that deviates from the sources' own by a likely slip — a known term with one
// character (or a homophone word) wrong (资旅产业 → 文旅产业, 多边注意 → 多边主义), quotation marks
// that split a quoted term (上海“精神” → “上海精神”), and a sentence that repeats a source
// sentence almost verbatim but with a wrong character.
import { toSimplified } from '../lang/variants';
import { t } from '../l10n';
import { compounds, dictEntry, idioms, isDictWord, isFunctionWord, rareIdioms, tokenize, wordFreq } from '../lang/segmenter';
import { canRead, confusability, soundSimilarity, shapeSimilarity } from '../lang/similarity';
import { charReadings, syllablesByUnit } from '../lang/pinyin';
import { align, anchoredPart, type AlignEdit } from '../text/align';
import { AhoCorasick } from '../text/ahoCorasick';
import { SubstitutionMatcher, type GapHit } from '../text/substitutionMatcher';
import { ownCopy } from '../util/ownCopy';
import { titleSlips } from './sourceTitles';
import { MAX_QUOTED_TERM, QUOTED_TERM_TEXT, quotedTermSlips } from './quotedTermSlips';
import { acronymSlips } from './acronymSlips';
import { nameConjunctionSlips } from './nameConjunctionSlips';
import { personOfficeSlips } from './personOfficeSlips';
import { authorNameSlips } from './authorNameSlips';
import { sourceWordSlips } from './sourceWordSlips';
import { nearSynonymSlips } from './nearSynonymSlips';
import { IntSet } from '../util/intSet';
import { weaklyMined, type CorpusIndex, type TermInfo } from '../index/corpus';
import { findQuotes } from '../index/miner';
import type { ParagraphDoc, Rule, RuleContext, RuleFinding } from './types';
import type { SourceRef, TextRange } from '../types';
import type { Token } from '../lang/segmenter';
import type { Words } from '../draft';

const CJK_CHAR = /[\u3400-\u9fff]/;
const CJK_FIRST = 0x3400;
const CJK_LAST = 0x9fff;
/** CJK_CHAR for a character code, without a regex per character. */
const isCjkCode = (c: number) => c >= CJK_FIRST && c <= CJK_LAST;
const NUMERAL = /[0-9０-９零〇一二三四五六七八九十百千万亿两]/;
const MAX_TERM = 16;
const SENTENCE_END = /[。！？；!?;]/;
const CLAUSE_END = /[，：,:]/;
/** Edge punctuation and brackets frame a sentence; they are not its wording. */
const EDGE_PUNCT = new Set([...'（）()【】「」“”‘’《》，。；：！？、…—'].map((c) => c.charCodeAt(0)));

function isEdgePunct(code: number): boolean {
  return EDGE_PUNCT.has(code) || /\s/.test(String.fromCharCode(code));
}

/** [start, end) of text without edge punctuation and whitespace on either side. */
function withoutEdges(text: string, start = 0, end = text.length): [number, number] {
  while (start < end && isEdgePunct(text.charCodeAt(start))) start++;
  while (end > start && isEdgePunct(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** Characters in U+3400…U+9FFF within text[start, end). */
function countCjk(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    if (isCjkCode(text.charCodeAt(i))) n++;
  }
  return n;
}
const QUOTE_MARK = /[“”‘’]/;
/** Quotation marks around a term, opening → closing. */
const QUOTE_CLOSE_OF: Record<string, string> = { '“': '”', '‘': '’', '「': '」' };
const QUOTE_OPEN = new Set(Object.keys(QUOTE_CLOSE_OF));
/** Confusability of glyphs that differ by a stroke's length or position (末/未, 己/已, 拔/拨). */
const NEAR_IDENTICAL_SHAPE = 0.9;
/** Confusability of a look-alike that is a slip in a common idiom (茶/荼 0.72; 堤/墙 of wordplay 0.65). */
const LOOK_ALIKE_IN_IDIOM = 0.7;
/** Quotations longer than this are checked by quote-mismatch. */
const MIN_QUOTE_CHARS = 8;

/** The outermost quotations longer than MIN_QUOTE_CHARS: quote-mismatch's, not this rule's. */
function longQuotations(text: string) {
  return findQuotes(text).filter((q) => q.depth === 0 && q.close - q.open > MIN_QUOTE_CHARS);
}

/** A slip inside a long quotation, which the quote rule compares with its source sentence (和平、合作、发展 in “…”). */
function quotedByQuoteRule(text: string, c: TextRange): boolean {
  return longQuotations(text).some((q) => q.open < c.start && c.end <= q.close);
}
/** A dictionary word counts as a misspelling of another only when this many times rarer. */
const RARE_RATIO = 20;
/** A dictionary entry counted fewer times than this, and IDIOM_VARIANT_RATIO times rarer than an idiom of the same sound, is a misspelling of it (美仑美奂). */
const RARE_IDIOM_VARIANT_FREQ = 20;
const IDIOM_VARIANT_RATIO = 5;
/** A dictionary word this common (检察, 实绩) is never taken for a misspelling of another. */
const COMMON_WORD_FREQ = 300;
/** The dictionary's count of the commonest words (相关 12 k, 有关 21 k), a writer's own choice. */
const COMMONEST_WORD_FREQ = 10_000;

function isCjkRun(s: string): boolean {
  for (const c of s) if (!CJK_CHAR.test(c)) return false;
  return true;
}

/**
 * A known term is trusted wording when the sources use it repeatedly or name it explicitly. Items
 * mined by guesswork alone are not: enumeration items cut from clauses (促消费, 有落实), names in
 * parentheses, phrases read off a description.
 */
function trusted(info: TermInfo): boolean {
  // An item of the sources' lists they use again and again (资源配置, 法律法规) is their wording, cut
  // right: the guesswork that mined it is borne out by its uses.
  // So is a name of three characters or more they give a person more than once (托卡耶夫): a
  // transliteration is fixed to the character.
  if (weaklyMined(info)) return (info.kinds.has('listed') && info.count >= ESTABLISHED_WORDING && info.text.length >= 4) || (info.kinds.has('person') && info.count >= 2 && info.text.length >= 3);
  const named = info.kinds.has('quoted') || info.kinds.has('title') || info.kinds.has('defined');
  return info.count >= 2 ? info.text.length >= 4 || named : named && info.count >= 1 && info.text.length >= 4;
}

/** The draft form is attested when the sources use it about as often as the term. */
function attested(index: CorpusIndex, form: string, term: TermInfo): boolean {
  const n = index.frequency(form);
  return n > 0 && term.count < 3 * n;
}

/** The draft's word with the character at `offset` (paragraph offset) replaced. */
function withChar(tok: Token, offset: number, ch: string): string {
  const k = offset - tok.start;
  return tok.text.slice(0, k) + ch + tok.text.slice(k + 1);
}

/**
 * Whether the rest of a term (三股 of 三股势力), two characters or more, names it: the sources write it
 * only or mostly inside the term, and the dictionary counts it seldom.
 */
function namesTerm(rest: string, term: string, index: CorpusIndex): boolean {
  // (Mostly: twice in the term of three uses, 民心 of 民心相通 — a term used at least twice.)
  const uses = index.frequency(term);
  return rest.length >= 2 && wordFreq(rest) < NAMING_WORD_FREQ && (uses === index.frequency(rest) || (uses >= 2 && uses >= NAMING_SHARE * index.frequency(rest)));
}
/** Share of the rest's uses in the sources that are in the term, where it is used twice or more. */
const NAMING_SHARE = 0.6;
/** The dictionary's count below which the rest of a term may name it (三股: 84; 城市 does not). */
const NAMING_WORD_FREQ = 500;

/** Whether a common dictionary word of two or more characters inside `tok` covers `offset`. */
function commonWordAround(tok: Token, offset: number): boolean {
  const k = offset - tok.start;
  for (let a = 0; a <= k; a++) {
    for (let b = Math.max(k + 1, a + 2); b <= tok.text.length; b++) {
      if ((a > 0 || b < tok.text.length) && wordFreq(tok.text.slice(a, b)) >= COMMON_WORD_FREQ) return true;
    }
  }
  return false;
}

/** Whether the draft's word is far rarer than the word the fix would make (a misspelling of it). */
function rarerBeside(draftWord: string, fixedWord: string): boolean {
  return wordFreq(draftWord) * RARE_RATIO < wordFreq(fixedWord);
}

function describe(found: string, right: string): string {
  return t(`疑似错字：「${found}」应为来源中的规范表述「${right}」`, `Likely typo: "${found}" should be "${right}" as in the sources`);
}

/**
 * 上海“精神” → “上海精神”, “一带”一路 → “一带一路”: characters before the opening mark or after the
 * closing one belong inside the quotation, as the sources quote the term.
 */
function splitQuotes(text: string, index: CorpusIndex): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const q of findQuotes(text)) {
    const inner = text.slice(q.open + 1, q.close);
    if (!inner) continue;
    // The closing mark put before the end of what the sources quote (“上海合作组织”＋会议 for their
    // “上海合作组织＋”会议), though they quote the shorter text too.
    const cut = closedTooEarly(text, q.open, q.close, index);
    if (cut) {
      const fixed = `${text[q.open]}${inner}${cut}${QUOTE_CLOSE_OF[text[q.open]]}`;
      out.push({
        start: q.open,
        end: q.close + 1 + cut.length,
        message: t(`引号位置有误：来源写作${fixed}`, `Misplaced quotation marks: the sources write ${fixed}`),
        replacements: [fixed],
      });
      continue;
    }
    if (index.term(inner)?.kinds.has('quoted')) continue;
    const narrowed = quotedTermWithin(inner, index) ?? quotedTermAfterWording(text, q.open, inner, index) ?? quotedTermBeforeWording(text, q.open, inner, index);
    if (narrowed) {
      const [head, term, before = '', tail = ''] = narrowed;
      const fixed = `${head}${text[q.open]}${term}${QUOTE_CLOSE_OF[text[q.open]]}${tail}`;
      out.push({
        start: q.open,
        end: q.close + 1,
        message: t(`引号位置有误：来源写作${before}${fixed}`, `Misplaced quotation marks: the sources write ${before}${fixed}`),
        replacements: [fixed],
      });
      continue;
    }
    const fix = quotedTermAround(text, q.open, q.close, index);
    if (!fix) continue;
    const fixed = `${text[q.open]}${fix.term}${QUOTE_CLOSE_OF[text[q.open]]}`;
    out.push({
      start: q.open - fix.before,
      end: q.close + 1 + fix.after,
      message: t(`引号位置有误：来源中的术语是${fixed}`, `Misplaced quotation marks: the sources' term is ${fixed}`),
      replacements: [fixed],
    });
  }
  return out;
}

/** Longest text after a closing mark that the sources quote inside it (see closedTooEarly). */
const MAX_CUT_OFF = 4;

/**
 * The characters after the closing mark at `close` that the sources quote with the quotation's text,
 * closing after them, where they never write it closed before them: the mark belongs after them.
 */
function closedTooEarly(text: string, open: number, close: number, index: CorpusIndex): string | undefined {
  const inner = text.slice(open + 1, close);
  const closeMark = QUOTE_CLOSE_OF[text[open]];
  if (inner.length < 2 || closeMark === undefined) return undefined;
  for (let k = 1; k <= MAX_CUT_OFF; k++) {
    const cut = text.slice(close + 1, close + 1 + k);
    if (cut.length < k || /[\s，。；：！？、“”‘’《》（）]/.test(cut[k - 1])) break;
    if (index.frequency(`“${inner}${cut}”`) > 0 && index.frequency(`“${inner}”${cut}`) === 0) return cut;
  }
  return undefined;
}

/**
 * A quotation that takes in a term of the sources before the term they quote (“文旅产业走出去” for
 * 文旅产业“走出去”): [the term before, the quoted term], when the sources write it so and never quote
 * the whole. (A verb or other words before a quoted slogan may be quoted with it, as the news does:
 * “带动三亿人参与冰雪运动”; so may words after it: “最多跑一次改革”.)
 */
function quotedTermWithin(inner: string, index: CorpusIndex): [string, string] | undefined {
  if (inner.length < 4 || inner.length > MAX_TERM + 8 || !isCjkRun(inner) || index.frequency(`“${inner}”`) > 0) return undefined;
  for (let k = 2; k + 2 <= inner.length; k++) {
    const head = index.term(inner.slice(0, k));
    const quoted = index.term(inner.slice(k));
    if (!head || !trusted(head) || head.count < 2 || head.kinds.has('quoted') || !quoted?.kinds.has('quoted') || !trusted(quoted)) continue;
    if (index.frequency(`${head.text}“${quoted.text}”`) > 0) return [head.text, quoted.text];
  }
  return undefined;
}

/** Characters before a quotation that, with the start of its text, make wording of the sources. */
const MIN_WORDING_BEFORE_QUOTE = 3;

/**
 * A quotation that takes in the end of the sources' wording before the term they quote (文旅“产业
 * 走出去” for 文旅产业“走出去”): [the characters to move out, the quoted term, the characters
 * before the mark that make the wording with them], when the sources
 * write the characters before the mark and those taken in, then the term in quotation marks.
 */
function quotedTermAfterWording(text: string, open: number, inner: string, index: CorpusIndex): [string, string, string] | undefined {
  if (inner.length < 3 || inner.length > MAX_TERM + 8 || !isCjkRun(inner) || index.frequency(`“${inner}”`) > 0) return undefined;
  const mark = text[open];
  if (mark !== '“') return undefined;
  for (let k = 1; k + 2 <= inner.length; k++) {
    const quoted = index.term(inner.slice(k));
    if (!quoted?.kinds.has('quoted') || !trusted(quoted)) continue;
    const moved = inner.slice(0, k);
    const before = Math.max(0, MIN_WORDING_BEFORE_QUOTE - k);
    const pre = text.slice(open - Math.max(before, 1), open);
    if (!isCjkRun(pre)) continue;
    if (index.frequency(`${pre}${moved}“${quoted.text}”`) > 0 && index.frequency(`${pre}“${inner}`) === 0) {
      // (Shown from two characters before the mark: 文旅产业“走出去”.)
      const shown = text.slice(Math.max(0, open - 2), open);
      return [moved, quoted.text, isCjkRun(shown) && shown.length > pre.length ? shown : pre];
    }
  }
  return undefined;
}

/**
 * A quotation that takes in the sources' wording after the term they quote (“适用、经济、绿色、美观建筑
 * 方针” for “适用、经济、绿色、美观”建筑方针): ['', the quoted term, '', the characters to move out],
 * when the sources write the term in quotation marks with those characters after it and never
 * quote the whole.
 */
function quotedTermBeforeWording(text: string, open: number, inner: string, index: CorpusIndex): [string, string, string, string] | undefined {
  if (inner.length < 4 || inner.length > MAX_TERM + 8 || !/^[\u3400-\u9fff、]+$/.test(inner) || index.frequency(`“${inner}”`) > 0 || text[open] !== '“') return undefined;
  for (let k = inner.length - MIN_WORDING_AFTER_QUOTE; k >= 2; k--) {
    const quoted = index.term(inner.slice(0, k));
    // (A short term they quote once is evidence enough here: they write it so, marks and all, 100个
    // “小而美”民生项目 — the draft's “小而美民生项目” moves their closing mark.)
    if (!quoted?.kinds.has('quoted') || !(trusted(quoted) || quoted.text.length >= 3) || inner[k] === '、') continue;
    if (index.frequency(`“${quoted.text}”${inner.slice(k)}`) > 0) return ['', quoted.text, '', inner.slice(k)];
  }
  return undefined;
}
/**
 * Characters after a quoted term that make wording of the sources with it (建筑方针, 倡议 of
 * “一带一路”倡议, 建设 of “好房子”建设). (The news sometimes quotes a short head noun with its
 * slogan, “最多跑一次改革”, where the sources write “最多跑一次”改革: the finding says how they write it.)
 */
const MIN_WORDING_AFTER_QUOTE = 2;

/**
 * Quoted terms of the sources by their toneless sound (一网统管 → yi wang tong guan), and the
 * two-character pieces they have at each position: a quotation sharing none of them in place is
 * no slip of one, and is never read aloud (pinyin costs more than the rest of the check).
 */
interface QuotedSounds {
  bySound: Map<string, string[]>;
  pieces: Set<string>;
  /** Those the sources quote once or that are short (心联通): evidence against one slip only. */
  untrusted: Set<string>;
}


const quotedSoundsByIndex = new WeakMap<CorpusIndex, QuotedSounds>();

function pieceKey(s: string, at: number): string {
  return `${s.length}:${at}:${s.slice(at, at + 2)}`;
}

function quotedSounds(index: CorpusIndex): QuotedSounds {
  let q = quotedSoundsByIndex.get(index);
  if (!q) {
    q = { bySound: new Map(), pieces: new Set(), untrusted: new Set() };
    for (const info of index.allTerms()) {
      const n = info.text.length;
      if (n < 3 || n > MAX_QUOTED_TERM || !info.kinds.has('quoted') || !QUOTED_TERM_TEXT.test(info.text)) continue;
      if (!trusted(info) || !isCjkRun(info.text)) q.untrusted.add(info.text);
      const key = syllablesByUnit(info.text).join(' ');
      const list = q.bySound.get(key);
      if (list) list.push(info.text);
      else q.bySound.set(key, [info.text]);
      for (let at = 0; at + 1 < n; at++) q.pieces.add(pieceKey(info.text, at));
      if (n === 3) q.pieces.add(charKey(info.text, 0)).add(charKey(info.text, 2));
    }
    quotedSoundsByIndex.set(index, q);
  }
  return q;
}

function sharesAPiece(q: QuotedSounds, s: string): boolean {
  for (let at = 0; at + 1 < s.length; at++) if (q.pieces.has(pieceKey(s, at))) return true;
  // (A term of three has no piece of two without its middle character: its first or last alone, 心|连|通.)
  return s.length === 3 && (q.pieces.has(charKey(s, 0)) || q.pieces.has(charKey(s, 2)));
}

function charKey(s: string, at: number): string {
  return `${s.length}:${at}:${s[at]}:1`;
}

/**
 * A quotation the sources do not know that sounds exactly like a term they quote (“一网通关” for
 * “一网统管”): typed by pinyin, however many characters slipped. Quoted on both sides, the sound
 * alone decides; unquoted, two homophones in a short phrase are as likely other words.
 */
function quotedSoundAlikes(text: string, index: CorpusIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const q of findQuotes(text)) {
    const inner = text.slice(q.open + 1, q.close);
    if (inner.length < 3 || inner.length > MAX_QUOTED_TERM || !QUOTED_TERM_TEXT.test(inner)) continue;
    const sounds = quotedSounds(index);
    if (!sharesAPiece(sounds, inner) || index.term(inner) || index.frequency(inner) > 0) continue;
    for (const right of sounds.bySound.get(syllablesByUnit(inner).join(' ')) ?? []) {
      const diffs: number[] = [];
      for (let k = 0; k < inner.length; k++) if (inner[k] !== right[k]) diffs.push(k);
      if (diffs.length === 0 || !diffs.every((k) => soundSimilarity(inner[k], right[k]) === 1)) continue;
      // (A term they quote once, or one of a few characters, stands against one homophone only: “心连通”
      // for their “心联通”, “检测—研判—预警—处置” for “监测—…”.)
      if (sounds.untrusted.has(right) && diffs.length > 1) continue;
      // More than one slip (“一网通关”, itself a phrase elsewhere) needs the sources' own words
      // around the quotation too (城市运行“一网统管”).
      if (diffs.length > 1 && !sameSurroundings(text, q.open, q.close, right, index)) continue;
      const first = diffs[0];
      const last = diffs[diffs.length - 1] + 1;
      out.push({
        start: q.open + 1 + first,
        end: q.open + 1 + last,
        message: describe(inner, right),
        replacements: [right.slice(first, last)],
        score: 2 + diffs.length,
      });
      break;
    }
  }
  return out;
}

/** The sources quote `term` after the two characters before the draft's opening mark, or before the two after its closing one. */
function sameSurroundings(text: string, open: number, close: number, term: string, index: CorpusIndex): boolean {
  const before = text.slice(Math.max(0, open - 2), open);
  const after = text.slice(close + 1, close + 3);
  const quoted = text[open] + term + text[close];
  return (before.length === 2 && isCjkRun(before) && index.frequency(before + quoted) > 0) || (after.length === 2 && isCjkRun(after) && index.frequency(quoted + after) > 0);
}


/** Characters of a quotation that make it a clause, not a term. */
const QUOTED_CLAUSE = 6;

/** A name of four characters or more the sources quote or list again and again (上海合作组织), not a word that introduces a quotation (建议). */
function namesBody(info: TermInfo | undefined): boolean {
  return !!info && info.text.length >= 4 && info.count >= QUOTED_NAME_USES && (info.kinds.has('quoted') || info.kinds.has('listed'));
}

/** The longest term the sources quote that the quotation's text extends to with up to 8 characters on one side. */
function quotedTermAround(text: string, open: number, close: number, index: CorpusIndex): { term: string; before: number; after: number } | undefined {
  const inner = text.slice(open + 1, close);
  let best: { term: string; before: number; after: number } | undefined;
  for (let before = Math.min(8, open); before >= 0; before--) {
    const head = text.slice(open - before, open);
    if (before && !isCjkRun(head)) continue;
    // The words that introduce a quoted clause stand outside it as well as in (建议“本组织商签…公约”
    // where the sources quote “建议本组织…”): only a term's own words are asked inside (上海“精神”),
    // or a name of theirs that heads a longer quoted name (上海合作组织“可持续发展年”).
    if (before && inner.length >= QUOTED_CLAUSE && !namesBody(index.term(head))) continue;
    for (let after = Math.min(8, text.length - close - 1); after >= 0; after--) {
      // One character stressed in the middle of a phrase (以“质”取胜) is style, not a split term.
      if (before + after === 0 || (before && after) || (best && before + after <= best.before + best.after)) continue;
      const tail = text.slice(close + 1, close + 1 + after);
      if (after && !isCjkRun(tail)) continue;
      if (index.term(head + inner + tail)?.kinds.has('quoted')) best = { term: head + inner + tail, before, after };
    }
  }
  return best;
}

interface Candidate extends RuleFinding {
  score: number;
  /** The window is one of the sources' own misspellings (资旅产业): no source sentence vouches for it. */
  sourceSlip?: boolean;
}

/** A draft sentence that repeats a source sentence nearly verbatim, and that sentence. */
interface StrongSpan extends TextRange {
  source: string;
}

/**
 * The conditions on one differing character that need no word boundaries: it must be confusable
 * with the term's (a homophone or look-alike), and at the edge of the window, where the draft's
 * character usually belongs to the next words (国家|都, 保护|上), only a homophone, or a clear
 * look-alike in a long term, is a slip.
 */
/** Idioms this long are evidence against any one character changed (see judge in nearTerms). */
const LONG_IDIOM = 5;
/** Particles of classical Chinese, which mark an idiom as fixed wording rather than a modern phrase. */
const CLASSICAL_PARTICLE = /[于之而其乎也者矣焉]/;

function plausibleSlip(form: string, right: string, k: number, diffCount: number, info: TermInfo): boolean {
  const n = form.length;
  const conf = diffCount === 1 ? confusability(form[k], right[k]) : soundSimilarity(form[k], right[k]);
  if (conf < 0.6) return false;
  if (k !== 0 && k !== n - 1) return true;
  const named = info.kinds.has('quoted') || info.kinds.has('defined') || info.kinds.has('title');
  const homophone = soundSimilarity(form[k], right[k]) === 1;
  // A function word there may begin or end the neighbouring words (在|进一步), unless what is left
  // of a four-character window is no word on its own (长治久|按).
  const rest = k === 0 ? form.slice(1) : form.slice(0, -1);
  const strayRest = n === 4 && !isDictWord(rest);
  // A look-alike at the edge of a four-character term the sources use a few times, where what is
  // left of the window is no word on its own (上海精社 for “上海精神”, 全球治玫): the draft's words
  // decide (see judge: unless the term is a name they establish, the character must stand alone
  // and be seldom a word by itself).
  const edge = n === 4 && strayRest && info.count >= EDGE_LOOK_ALIKE_USES;
  return (homophone && n >= 4 && (named || !isFunctionWord(form[k]) || strayRest)) || (!isFunctionWord(form[k]) && (n >= 5 || edge));
}

/** The dictionary's count that makes a word of two characters common knowledge (生态, 服务, 发展). */
const BROKEN_WORD_FREQ = 2000;
/** Shortest term in which a broken word is looked for (支持巴方 beside 支持地方, 脑机融合 beside 有机融合: words the dictionary lacks). */
const BROKEN_WORD_TERM = 5;
/** Likeness of shape or sound below which a character is no slip for another, even in a broken word. */
const BROKEN_WORD_LIKENESS = 0.3;

/**
 * The common word of two characters of `right` that the character at `k` of `form` breaks, as a
 * character seldom a word alone that makes no word with its partner (生|惨 for 生态); undefined if none.
 */
function brokenWordAt(form: string, right: string, k: number): { start: number } | undefined {
  // (Some likeness all the same: a part in common, 碾 for 展, 呆 for 保 — not 运维 for 运行, 城企 for
  // 城市, words the dictionary lacks.)
  if (!rareAlone(form[k]) || Math.max(confusability(form[k], right[k]), soundSimilarity(form[k], right[k])) < BROKEN_WORD_LIKENESS) return undefined;
  for (const w of tokenize(right)) {
    if (w.end - w.start !== 2 || k < w.start || k >= w.end || wordFreq(w.text) < BROKEN_WORD_FREQ) continue;
    const pair = form.slice(w.start, w.end);
    return isDictWord(pair) || isFunctionWord(pair[k === w.start ? 1 : 0]) ? undefined : { start: w.start };
  }
  return undefined;
}

/** By UTF-16 code unit: 0 not yet asked, 1 rarely alone, 2 not (see rareAlone). */
const rareAloneByUnit = new Uint8Array(0x10000);

/** A character that is no function word and seldom a word alone (冶, 铲; not 原, 大, 的). */
function rareAlone(c: string): boolean {
  const unit = c.charCodeAt(0);
  if (c.length === 1 && rareAloneByUnit[unit] !== 0) return rareAloneByUnit[unit] === 1;
  const rare = !isFunctionWord(c) && wordFreq(c) < STANDALONE_WORD_FREQ;
  if (c.length === 1) rareAloneByUnit[unit] = rare ? 1 : 2;
  return rare;
}

/** Whether a term's look-alike at the edge of its four characters needs no more than a stray character in the draft (see plausibleSlip). */
function establishedName(info: TermInfo): boolean {
  return (info.kinds.has('quoted') || info.kinds.has('defined') || info.kinds.has('title') || info.kinds.has('alias')) && info.count >= ESTABLISHED_TERM;
}

/** Uses of a term that make a look-alike at its edge worth a look (see plausibleSlip). */
const EDGE_LOOK_ALIKE_USES = 3;

/** Uses in the sources that make a term their established wording (see rivals in judge). */
const ESTABLISHED_TERM = 5;
/** The dictionary's count above which a character is a word of its own in running text (占 25 k, 算 9 k; not 社 3.6 k, 亨). */
const STANDALONE_WORD_FREQ = 5000;
/** The dictionary's count of the words that carry sentences (是 797 k, 了, 在, 和, 有; 的 319 k, 也 308 k). */
const SENTENCE_WORD_FREQ = 300_000;
/** Uses that make a listed phrase of the sources established wording, looked for through every piece of it. */
const ESTABLISHED_WORDING = 20;
/** Shortest term in which two characters a character apart may be taken as typed in each other's place. */
const LONG_SWAP_TERM = 6;
/** Shortest item of a list or name checked for slips (全球文明倡议, 卢卡申科), and how many of them at most. */
const WEAK_TERM_MIN = 4;
/** Uses in the sources that make a compound of the dictionary their wording (see tablesFor). */
const SOURCE_COMPOUND_USES = 2;
/** The dictionary's count that makes a name of its (人民政府, 黑龙江省, 国务院办公厅) common knowledge. */
const COMMON_NAME_FREQ = 50;
const MAX_WEAK_TERMS = 5000;

/**
 * The one slip `form` makes in wording the sources use without vouching for it as a term: a
 * homophone in the characters' usual reading, as typing by pinyin picks it, that breaks a
 * dictionary word of the wording (全球文明倡|意 for 倡议) into characters that make no word. The
 * draft's character must stand alone in the draft too (checked with the words, in judge).
 */
function breaksWordOf(form: string, right: string, diffs: number[], functionWords = false): boolean {
  if (diffs.length !== 1) return false;
  const k = diffs[0];
  // Both characters in their usual reading (齐 may be read jì, but no one types 集 as qí); the
  // cached comparison of all readings rules out most windows first. A function word (至 of 行稳至远)
  // is as often the first character of the next words, where those are not checked.
  if (soundSimilarity(form[k], right[k]) !== 1 || charReadings(form[k])[0] !== charReadings(right[k])[0] || (!functionWords && isFunctionWord(form[k]))) return false;
  // (A rare variant spelling the dictionary lists, 挛生 beside 孪生, breaks the word all the same.)
  const around = (a: number) => a >= 0 && a + 2 <= form.length && isDictWord(right.slice(a, a + 2)) && !isUsualWord(form.slice(a, a + 2));
  return around(k - 1) || around(k);
}

/** What nearTerms looks for, built once per index. */
interface NearTermTables {
  /** Trusted all-Chinese terms, matched with one substituted character (two for homophones in longer terms). */
  terms: TermInfo[];
  /** The terms that are the dictionary's idioms, not the sources' wording. */
  fromDictionary: Set<TermInfo>;
  /** Those of them the dictionary counts rarely (历久弥新). */
  rareIdioms: Set<TermInfo>;
  /** Wording the sources use without vouching for it as a term: items of a list (全球文明倡议), names. */
  weak: Set<TermInfo>;
  /** Compounds of the dictionary the sources do not use as their wording: evidence only against a stray character. */
  unvouched: Set<TermInfo>;
  /** By pattern number: 1 for those compounds (the scan asks for every window). */
  unvouchedAt: Uint8Array;
  matcher: SubstitutionMatcher;
  /** The sources' own misspellings (资旅产业) and their usual wording. */
  typos: AhoCorasick;
  typoRight: string[];
  /** Toneless syllables of terms as read in context, computed on demand. */
  sounds: Map<string, string[]>;
}

function termSyllables(tables: NearTermTables, term: string): string[] {
  let s = tables.sounds.get(term);
  if (!s) tables.sounds.set(term, (s = syllablesByUnit(term)));
  return s;
}

const tablesByIndex = new WeakMap<CorpusIndex, NearTermTables>();

function tablesFor(index: CorpusIndex): NearTermTables {
  let tables = tablesByIndex.get(index);
  if (!tables) {
    const terms = [...index.allTerms()].filter((x) => x.text.length >= 3 && x.text.length <= MAX_TERM && isCjkRun(x.text) && trusted(x));
    // The dictionary's idioms are fixed wording as much as the sources' terms.
    const fromDictionary = new Set<TermInfo>();
    const included = new Set(terms.map((x) => x.text));
    const rare = new Set<TermInfo>();
    for (const list of [idioms(), rareIdioms()]) {
      for (const idiom of list) {
        if (included.has(idiom)) continue;
        included.add(idiom);
        const info: TermInfo = { text: idiom, kinds: new Set(), count: index.frequency(idiom), articles: 0, refs: [] };
        terms.push(info);
        fromDictionary.add(info);
        if (list !== idioms()) rare.add(info);
      }
    }
    // The dictionary's compounds that the sources use again and again (保护主义, 基础设施) are
    // their wording as much as their terms (保户主义 is a slip).
    const unvouched = new Set<TermInfo>();
    for (const word of compounds()) {
      if (included.has(word)) continue;
      included.add(word);
      const uses = index.frequency(word);
      // A name the dictionary seldom counts (中电集团, 三氯甲烷) is as likely one of the many it lacks (中免集团).
      const entry = uses < SOURCE_COMPOUND_USES ? dictEntry(word) : undefined;
      if (entry && /^n[a-z]/.test(entry.pos) && entry.freq < COMMON_NAME_FREQ) continue;
      const info = index.term(word) ?? { text: word, kinds: new Set(), count: uses, articles: 0, refs: [] };
      terms.push(info);
      if (uses < SOURCE_COMPOUND_USES) unvouched.add(info);
    }
    // Items mined by guesswork may be cut wrong (实现商品, 加强在联合国), but what they hold is the
    // sources' wording all the same: a word of it broken by a homophone is a slip (see judge). The
    // dictionary's idioms among them are judged as idioms.
    // With large sources they are many (45,000 of them in 5 M characters of official documents,
    // which cost a seventh of the check): the most used are taken.
    const weak = new Set(
      [...index.allTerms()]
        .filter((x) => x.text.length >= WEAK_TERM_MIN && x.text.length <= MAX_TERM && isCjkRun(x.text) && weaklyMined(x) && !included.has(x.text))
        .sort((a, b) => b.count - a.count || b.text.length - a.text.length || (a.text < b.text ? -1 : 1))
        .slice(0, MAX_WEAK_TERMS),
    );
    terms.push(...weak);
    // Two slips in one term are accepted only as two homophones in a term of 5 to 12 characters
    // that the sources use repeatedly.
    const matcher = new SubstitutionMatcher(
      terms.map((x) => x.text),
      (text, i) => (text.length >= 5 && text.length <= 12 && terms[i].count >= 2 && !weak.has(terms[i]) ? 2 : 1),
      // A four-character idiom may have its two characters of one half replaced by a word of the
      // same sound (未雨|筹谋): see imeWord in judge.
      (text, i) => (text.length === 4 && fromDictionary.has(terms[i]) ? 1 : 0),
      // A piece such as 发展 would compare every draft occurrence with thousands of listed phrases
      // (those the sources use again and again, 生态环境, are trusted terms: see trusted).
      (_text, i) => weak.has(terms[i]),
      // The sources' own terms are looked for with a character left out or added too (see gappedTerms).
      // (Quoted terms of four characters too, when the draft quotes the window: “一网统一管”.)
      (text, i) => (text.length >= MIN_GAPPED_TERM || (text.length === 4 && terms[i].kinds.has('quoted'))) && !fromDictionary.has(terms[i]) && !weak.has(terms[i]) && !unvouched.has(terms[i]),
    );
    const typos = [...index.typoPhrases()].filter(([form]) => form.length >= 3 && form.length <= MAX_TERM && isCjkRun(form));
    const unvouchedAt = new Uint8Array(terms.length);
    terms.forEach((x, k) => (unvouchedAt[k] = unvouched.has(x) ? 1 : 0));
    tables = { terms, fromDictionary, rareIdioms: rare, weak, unvouched, unvouchedAt, matcher, typos: new AhoCorasick(typos.map(([form]) => form)), typoRight: typos.map(([, right]) => right), sounds: new Map() };
    tablesByIndex.set(index, tables);
  }
  return tables;
}

/** Windows that are a known term with one character off, or a homophone of one. */
function nearTerms(p: ParagraphDoc, index: CorpusIndex, gaps: GapHit[]): Candidate[] {
  const text = p.text;
  const out: Candidate[] = [];
  let words: Words | undefined;
  const tables = tablesFor(index);
  // Windows lie inside runs of Chinese characters: nonCjk[j] counts the others before j.
  const nonCjk = new Int32Array(text.length + 1);
  for (let j = 0; j < text.length; j++) {
    const c = text.charCodeAt(j);
    nonCjk[j + 1] = nonCjk[j] + (isCjkCode(c) ? 0 : 1);
  }
  const inRun = (s: number, e: number) => nonCjk[e] === nonCjk[s];

  const judge = (i: number, n: number, right: string, info: TermInfo, known: boolean): void => {
    const form = text.slice(i, i + n);
    const diffs: number[] = [];
    for (let k = 0; k < n; k++) if (form[k] !== right[k]) diffs.push(k);
    // Most windows near the many listed phrases fail this first, cheap test.
    if (tables.weak.has(info) && !breaksWordOf(form, right, diffs)) return;
    const unvouched = tables.unvouched.has(info);
    // Without the sources' word for it, an idiom's slip is one of sound, as typing by pinyin makes
    // it (长治久按), or a nearly identical glyph (防患于末然); a mere look-alike there is as often
    // wordplay (一堤之隔 beside 一墙之隔). Most windows near an idiom fail this first, cheapest test.
    // An idiom of five characters or more in classical wording (防患于未然, 任重而道远) with one other
    // character, standing as whole words, is a slip whatever the character (防范于未然): no phrase
    // of the language is that close to it. Modern phrases the dictionary tags as idioms
    // (进一步提高 beside 进一步提出) are wording like any other.
    const longIdiom = tables.fromDictionary.has(info) && !tables.rareIdioms.has(info) && n >= LONG_IDIOM && CLASSICAL_PARTICLE.test(right) && diffs.length === 1 && !isFunctionWord(form[diffs[0]]) && !NUMERAL.test(form[diffs[0]]) && !isDictWord(form);
    // A common idiom with one look-alike that makes no word of the dictionary (如火如茶, 脍灸人口) is
    // a slip too: wordplay changes a character for one of another sense, not for its look-alike.
    // (Homophones are judged below as such.)
    const lookAlike = diffs.length === 1 && !tables.rareIdioms.has(info) && soundSimilarity(form[diffs[0]], right[diffs[0]]) < 0.7 && confusability(form[diffs[0]], right[diffs[0]]) >= LOOK_ALIKE_IN_IDIOM && !isDictWord(form);
    // (The sound is the idiom's own reading of its character: 见 of 初见成效 is jiàn, so 初显成效 is
    // no slip of sound, though 见 may be read xiàn elsewhere.)
    const idiomSound = (k: number) => {
      const sound = soundSimilarity(form[k], right[k]);
      return sound === 1 && !canRead(form[k], termSyllables(tables, right)[k]) ? 0 : sound;
    };
    if (tables.fromDictionary.has(info) && !longIdiom && !lookAlike && diffs.some((k) => idiomSound(k) < 0.7 && shapeSimilarity(form[k], right[k]) < NEAR_IDENTICAL_SHAPE)) return;
    // A rare idiom is evidence only against a form that is no word, with one homophone that is the
    // commoner character, as typing by pinyin picks it (历久迷新); a rarer one is a variant the
    // dictionary lacks (勠力同心 beside its 戮力同心).
    if (tables.rareIdioms.has(info)) {
      const k = diffs[0];
      if (diffs.length !== 1 || isDictWord(form) || soundSimilarity(form[k], right[k]) !== 1 || wordFreq(form[k]) < wordFreq(right[k])) return;
    }
    if (!known && (index.term(form) || attested(index, form, info))) return;
    // A number changed into another number is an update (十五五 beside 十四五); a number typed for
    // a word of the same sound (一带议路, 城十综合) is a slip like any other.
    if (diffs.length === 0 || diffs.length > 2 || diffs.some((k) => NUMERAL.test(form[k]) && NUMERAL.test(right[k]))) return;
    // Two homophones in a short phrase are as likely another phrase (加快成势 / 加快城市); in a
    // longer one both must be homophones of the term's characters as the term is read (重组: chong zu),
    // unless the sources misspell the term so themselves.
    // In an idiom of the dictionary, though, a word of the same sound the input method put in place of
    // two characters of it (未雨|筹谋 for 未雨绸缪: chóumóu) is one slip.
    // Two neighbouring characters of a term of the sources typed in each other's place (命运同共体).
    // (Or two a character apart in a longer term, as one two-character part for another: 共商共享共建
    // — where the sources never write the parts in that order: they write 创业创新 beside 创新创业生态.)
    const swapGap = diffs.length === 2 ? diffs[1] - diffs[0] : 0;
    const partsSwapped = swapGap === 2 && n >= LONG_SWAP_TERM && index.frequency(form.slice(diffs[0], diffs[1] + 1)) === 0;
    const swapped = !tables.fromDictionary.has(info) && !tables.weak.has(info) && n >= 4 && diffs.length === 2 && (swapGap === 1 || partsSwapped) && form[diffs[0]] === right[diffs[1]] && form[diffs[1]] === right[diffs[0]];
    // (A rare word, as the input method offers it: a common one, 期间 beside 计件工资, is the draft's.)
    const imeWord = tables.fromDictionary.has(info) && diffs.length === 2 && diffs[1] === diffs[0] + 1 && !isDictWord(form) && isDictWord(form.slice(diffs[0], diffs[1] + 1)) && wordFreq(form.slice(diffs[0], diffs[1] + 1)) < COMMON_WORD_FREQ && diffs.every((k) => soundSimilarity(form[k], right[k]) === 1);
    if (diffs.length === 2 && !imeWord && !swapped && (n < 5 || (!known && diffs.some((k) => !canRead(form[k], termSyllables(tables, right)[k]))))) return;
    // What can be judged from the characters alone comes first: segmenting the paragraph costs more.
    // (An idiom's look-alike at its edge only before a mark, where no next word may take it: 如火如茶，.)
    const idiomLookAlike = lookAlike && tables.fromDictionary.has(info) && (diffs[0] === 0 ? !CJK_CHAR.test(text[i - 1] ?? '') : diffs[0] === n - 1 ? !CJK_CHAR.test(text[i + n] ?? '') : true);
    // A common word of a term of five characters or more the sources use, broken by a character
    // somewhat like its own that is seldom a word alone and makes none with its partner (上海合作组织
    // 废展 for 发展, 城市安全岚险 for 风险): a slip, where both stand alone in the draft (checked with
    // the words below), even where the likeness is too slight for a slip elsewhere.
    const broken = !known && diffs.length === 1 && !tables.fromDictionary.has(info) && !tables.weak.has(info) && !unvouched && info.count >= SOURCE_COMPOUND_USES && n >= BROKEN_WORD_TERM ? brokenWordAt(form, right, diffs[0]) : undefined;
    // (A broken word rules out a known form, an idiom and a swap: then only the characters decide.)
    const plausible = known || longIdiom || swapped || idiomLookAlike || diffs.every((k) => plausibleSlip(form, right, k, diffs.length, info));
    if (!plausible && !broken) return;
    words ??= p.words();
    if (!plausible && broken) {
      const w = words;
      if (!w.aligned(i, i + n) || ![broken.start, broken.start + 1].every((a) => w.word(i + a)?.text.length === 1)) return;
      out.push({ start: i + diffs[0], end: i + diffs[0] + 1, message: describe(form, right), replacements: [right[diffs[0]]], score: 1 + Math.log2(1 + info.count) / 4 });
      return;
    }
    // The form must stand as whole words in the draft: 治安等风险 holds no "安等风险". An idiom
    // broken by its slip may lend its last or first character to a neighbour (举世|嘱|目的): one
    // aligned end is enough when every differing character stands alone as a stray character.
    const w = words;
    const stray = (k: number) => w.word(i + k)?.text.length === 1 && !isFunctionWord(form[k]);
    const idiomEnds = tables.fromDictionary.has(info) && (w.startsAt(i) || w.endsAt(i + n)) && diffs.every(stray);
    if (!w.aligned(i, i + n) && (!idiomEnds || longIdiom)) return;
    // A rare word of the dictionary inside the window, shorter than it, is a piece of the slip, as a
    // stray character is (萨马尔|罕 for 撒马尔罕: 萨马尔 is counted 3 times; a rare word that is the
    // whole window, 历史纪录 beside 历史记录, is judged as a word below).
    const rareFragment = (tok: Token | undefined) => !!tok && tok.text.length > 1 && tok.start >= i && tok.end <= i + n && tok.text.length < n && wordFreq(tok.text) <= RARE_VARIANT_FREQ;
    // (A compound the sources do not vouch for is evidence only against a stray character, or such a piece.)
    if (unvouched && w.word(i + diffs[0])?.text.length !== 1 && !rareFragment(w.word(i + diffs[0]))) return;
    let score = 0;
    for (const k of diffs) {
      const conf = diffs.length === 1 ? confusability(form[k], right[k]) : soundSimilarity(form[k], right[k]);
      const tok = words.word(i + k);
      // A stray character (a one-character token that is not a function word) marks a slip.
      // (So is a measure word with no number or demonstrative before it to count: 风险|盏|测预警.)
      const strayMeasure = !!tok && tok.text.length === 1 && dictEntry(tok.text)?.pos === 'q' && !NUMERAL.test(text[tok.start - 1] ?? '') && !/[这那每各某几哪该本此]/.test(text[tok.start - 1] ?? '');
      const oov = !tok || (tok.text.length === 1 && (!isFunctionWord(tok.text) || strayMeasure));
      const homophone = soundSimilarity(form[k], right[k]) === 1;
      // A rare idiom's slip leaves a stray character; one inside a real word (系统|实时 beside 系统实施) is that word.
      // So does a slip in wording the sources do not vouch for as a term.
      if ((tables.rareIdioms.has(info) || tables.weak.has(info)) && tok && tok.text.length > 1) return;
      if (longIdiom) {
        score += 0.5;
        continue;
      }
      // (The swapped characters must not make a word of the draft's: 共同 of 同共 would.)
      if (swapped) {
        if (tok && tok.text.length > 1 && tok.start <= i + diffs[0] && i + diffs[1] < tok.end) return;
        score += 0.75;
        continue;
      }
      // At the edge of the window, a look-alike that is a common word of its own (占|比, 大|保护)
      // belongs to the neighbouring words, not to a misspelt term — where there are any: before a
      // mark (命运共同休。) it has none to belong to.
      const neighbour = k === 0 ? text[i - 1] : k === n - 1 ? text[i + n] : undefined;
      // (A character that makes no word with that neighbour and is seldom a word alone, 推动|亨|
      // 质量发展 — unlike 占, 大, 每 — has nowhere to belong but the term.)
      const attaches = () => wordFreq(tok!.text) >= STANDALONE_WORD_FREQ || isFunctionWord(tok!.text) || isDictWord(k === 0 ? neighbour + form[0] : form[n - 1] + neighbour);
      if (!known && !homophone && neighbour !== undefined && CJK_CHAR.test(neighbour) && tok && tok.text.length === 1 && wordFreq(tok.text) >= COMMON_WORD_FREQ && attaches()) return;
      // At the edge of a four-character term that is no established name (nor idiom: see
      // lookAlike), only such a stray character is a look-alike's slip (全球治|玫: 玫 is seldom a
      // word alone; not 抓 of 抓实推进 or 使 of 使全社会, words of the sentence wherever they stand).
      // (At the end before a mark, where no next word may take it, a commoner character stands alone
      // as well: 文旅产|亚“走出去”; at the start after a mark it may begin the clause: ，使|全社会.)
      const beforeMark = k === n - 1 && !CJK_CHAR.test(neighbour ?? '');
      const stray = !!tok && tok.text.length === 1 && (wordFreq(tok.text) < STANDALONE_WORD_FREQ || beforeMark) && !isFunctionWord(tok.text) && !(!beforeMark && attaches());
      if (!known && !homophone && n === 4 && (k === 0 || k === n - 1) && !establishedName(info) && !tables.fromDictionary.has(info) && !stray) return;
      // …and one of the words that carry every sentence there (是, 在, 和, 了, 的), a homophone or
      // not, is the sentence's (改革开放|是 for 改革开放史; but 再|劫难逃 and 柳暗花|名 are slips).
      if (!known && neighbour !== undefined && tok && tok.text.length === 1 && wordFreq(tok.text) >= SENTENCE_WORD_FREQ) return;
      // Inside a real word of the draft (指出 vs 提出) a slip is a homophone (多边注意 → 多边主义) or a
      // look-alike that turns a rare word into a common one (共亨 → 共享); for short terms the draft's
      // word must be rare next to the term's either way (制订 is a word, not a slip).
      if (!known && tok && tok.text.length > 1 && isDictWord(tok.text) && !rareFragment(tok)) {
        const fixedWord = withChar(tok, i + k, right[k]);
        // (The dictionary lists some misspellings of idioms as words of their own, a few times each:
        // 美仑美奂, 各行其事, 名不符实 — a form that rare beside the idiom it sounds like is its slip.)
        const idiomVariant = tables.fromDictionary.has(info) && !tables.rareIdioms.has(info) && homophone && tok.start === i && tok.end === i + n && wordFreq(tok.text) < RARE_IDIOM_VARIANT_FREQ && wordFreq(fixedWord) >= IDIOM_VARIANT_RATIO * wordFreq(tok.text);
        const rare = wordFreq(tok.text) < COMMON_WORD_FREQ && (rarerBeside(tok.text, fixedWord) || idiomVariant);
        // An idiom is fixed as a whole: a homophone in it is a slip even where it makes a word
        // (一如|继往 for 一如既往), and the dictionary's own rare misspelling of it (谈笑风声) is one;
        // a common variant idiom of its own (丰富多彩 beside 丰富多采) is not.
        const idiom = tables.fromDictionary.has(info) && homophone && (!isDictWord(form) || rare);
        const misspeltIdiom = idiom && tok.start === i && tok.end === i + n && rare;
        // A term whose other words the sources write only in it, and the dictionary seldom (三股 of
        // 三股势力): those words name it, and a word of the same usual sound typed for the rest, common
        // or not, is a slip (三股实力).
        // (Asked only where it decides: the look-ups cost.)
        const anchored = () => homophone && tok.start >= i && tok.end <= i + n && charReadings(form[k])[0] === charReadings(right[k])[0] && namesTerm(form.slice(0, tok.start - i) + form.slice(tok.end - i), right, index);
        // A common word inside the draft's compound (检察 in 检察工作) is as deliberate as the compound.
        if (!misspeltIdiom && commonWordAround(tok, i + k) && !anchored()) return;
        // The draft quotes the window as a term, as the sources quote theirs (“一代一路”): the term it is.
        const quotedAsTerm = info.kinds.has('quoted') && homophone && QUOTE_OPEN.has(text[i - 1] ?? '') && text[i + n] === QUOTE_CLOSE_OF[text[i - 1]];
        // A term the sources use again and again (韧性城市) outweighs a less common word of the same
        // usual sound that makes no phrase the sources know (任性城市).
        const established = info.count >= ESTABLISHED_TERM && wordFreq(tok.text) < COMMON_WORD_FREQ && index.frequency(form) === 0 && charReadings(form[k])[0] === charReadings(right[k])[0];
        const rivals = isDictWord(fixedWord) && n < 6 && !rare && !idiom && !quotedAsTerm && !established && !anchored();
        if (!(homophone || (conf >= 0.6 && rare)) || rivals) return;
      }
      // A real word in the draft that is not confusable with the term's is a different wording.
      // The sources' own misspelling of the term needs no further evidence.
      if (known || conf >= 0.7 || (conf >= 0.6 && oov)) score += conf + (oov ? 0.5 : 0) + (known ? 1 : 0);
      else return;
    }
    const first = diffs[0];
    const last = diffs[diffs.length - 1] + 1;
    out.push({
      start: i + first,
      end: i + last,
      message: describe(form, right),
      replacements: [right.slice(first, last)],
      score: score + Math.log2(1 + info.count) + n / 4,
      sourceSlip: known,
    });
  };

  // The sources' own misspellings are corrected to their usual wording, and nothing else is tried there.
  const typoWindows = new Set<number>();
  tables.typos.forEachMatch(text, (end, id) => {
    const n = tables.typos.patterns[id].length;
    const i = end - n;
    const right = tables.typoRight[id];
    const info = index.term(right);
    if (!info || !inRun(i, end) || index.term(text.slice(i, end))) return;
    typoWindows.add(i * (MAX_TERM + 1) + n);
    judge(i, n, right, info, true);
  });
  // Half an idiom replaced is a candidate only as a word of the same sound (see imeWord): most
  // such windows are other words beside the idiom's other half, and are dropped before any
  // shape or word is looked at. So is a compound the sources do not use with other than one
  // character that is seldom a word alone (see judge).
  const worthJudging = (start: number, pattern: number, diffs: readonly number[]) => {
    const info = tables.terms[pattern];
    const right = info.text;
    if (tables.unvouchedAt[pattern] === 1) return diffs.length === 1 && rareAlone(text[start + diffs[0]]);
    return right.length !== 4 || diffs.length !== 2 || diffs.every((k) => soundSimilarity(text[start + k], right[k]) === 1);
  };
  const hits = tables.matcher.scan(text, inRun, gaps, worthJudging);
  // In text order, shorter windows first, as the sources' terms were tried before.
  hits.sort((a, b) => a.start - b.start || tables.terms[a.pattern].text.length - tables.terms[b.pattern].text.length || a.pattern - b.pattern);
  for (const h of hits) {
    const info = tables.terms[h.pattern];
    if (typoWindows.has(h.start * (MAX_TERM + 1) + info.text.length)) continue;
    judge(h.start, info.text.length, info.text, info, false);
  }
  return out;
}

/** Source occurrences looked at per piece of wording (see nearSourceWording). */
/** Shortest term looked for with a character left out or added (the window keeps four or more). */
const MIN_GAPPED_TERM = 5;
/** Uses that make a quoted name of the sources fixed wording (上海合作组织: 66 in the seeds). */
const QUOTED_NAME_USES = 10;

/**
 * A term of the sources with one character left out (全球治倡议 for 全球治理倡议) or one added
 * (全球治理新倡议): where the gap is, the draft's neighbours are two characters the sources never
 * write side by side and no word; an added character makes no word with its neighbours. Function
 * words left out or added (安全可靠韧性城市) are wording, not slips; a character doubled is duplicate's.
 */
function gappedTerms(p: ParagraphDoc, index: CorpusIndex, gaps: readonly GapHit[]): Candidate[] {
  const text = p.text;
  const tables = tablesFor(index);
  const out: Candidate[] = [];
  const stray = (pair: string) => !isDictWord(pair) && index.frequency(pair) === 0;
  let words: Words | undefined;
  /** A character the draft's words leave on its own, no function word (治 of 全球|治|倡议). */
  const alone = (k: number) => {
    const w = words!.word(k);
    return !!w && w.end - w.start === 1 && !isFunctionWord(w.text);
  };
  /**
   * What the draft keeps of a word of the term is a word too, but far rarer than the term's
   * (同体 of 人类命运|同体 for 共同体; not 现代 of 社会主义现代国家, as common as 现代化).
   */
  const rareRemainder = (gap: number, missing: string) =>
    [words!.word(gap - 1), words!.word(gap)].some((w) => {
      if (!w || w.end - w.start < 2 || gap < w.start || gap > w.end) return false;
      const fixed = text.slice(w.start, gap) + missing + text.slice(gap, w.end);
      return isDictWord(w.text) && isDictWord(fixed) && wordFreq(w.text) < COMMON_WORD_FREQ && rarerBeside(w.text, fixed);
    });
  // A quotation that is a term the sources quote with one character more at either end (“高效办成一件事情”):
  // the scan's gaps lie inside a term, these at its edge.
  for (const q of findQuotes(text)) {
    const body = text.slice(q.open + 1, q.close);
    if (body.length < MIN_GAPPED_TERM + 1 || body.length > MAX_TERM + 1 || !isCjkRun(body) || index.frequency(body) > 0 || index.term(body)) continue;
    for (const [term, at] of [[body.slice(0, -1), q.close - 1], [body.slice(1), q.open + 1]] as const) {
      const info = index.term(term);
      if (!info || !info.kinds.has('quoted') || !trusted(info) || isFunctionWord(text[at]) || NUMERAL.test(text[at]) || text[at] === text[at === q.open + 1 ? at + 1 : at - 1]) continue;
      out.push({ start: at, end: at + 1, message: describe(body, term), replacements: [''], score: 1.6 });
      break;
    }
  }
  for (const h of gaps) {
    const right = tables.terms[h.pattern].text;
    const form = text.slice(h.start, h.end);
    if (!isCjkRun(form) || index.frequency(form) > 0 || index.term(form)) continue;
    // The draft quotes the window as a whole, as the sources quote the term (“高效办成一件事情”):
    // the term it is, whatever the character.
    const info = tables.terms[h.pattern];
    const open = text[h.start - 1] ?? '';
    // (Not a function word or a number: “数据跑路” shortens “数据多跑路”, “十个坚持” counts anew;
    // nor a word of one character left out: “群众跑腿” shortens “群众少跑腿”.)
    const changed = h.kind === 'added' ? text[h.start + h.at] : right[h.at];
    // The character left out is a word of its own in the term (群众|少|跑腿, 安全可靠|的|韧性城市).
    const wordLeftOut = h.kind === 'left-out' && tokenize(right).some((w) => w.start === h.at && w.end === h.at + 1);
    // (A numeral added between other characters, “一网统一管”, is no count.)
    const addedAt = h.start + h.at;
    const count = NUMERAL.test(changed) && (h.kind === 'left-out' || NUMERAL.test(text[addedAt - 1] ?? '') || NUMERAL.test(text[addedAt + 1] ?? '') || /^[个项条次批]/.test(text[addedAt + 1] ?? ''));
    if (info.kinds.has('quoted') && QUOTE_OPEN.has(open) && text[h.end] === QUOTE_CLOSE_OF[open] && (!isFunctionWord(changed) || NUMERAL.test(changed)) && !count && !wordLeftOut) {
      if (h.kind === 'added') out.push({ start: h.start + h.at, end: h.start + h.at + 1, message: describe(form, right), replacements: [''], score: 1.6 });
      else out.push(leftOutFinding(text, h.start + h.at, right[h.at], describe(form, right), 1.6));
      continue;
    }
    if (right.length < MIN_GAPPED_TERM) continue;
    words ??= p.words();
    // The window is whole words of the draft (not 安|全治理体系, 党中央准|确).
    if (!words.startsAt(h.start) || !words.endsAt(h.end)) continue;
    if (h.kind === 'left-out') {
      const missing = right[h.at];
      const gap = h.start + h.at;
      const before = text[gap - 1];
      // (A function word left out as a word of its own: 安全可靠|的|韧性城市; 同 of 共同体 is no word there.
      // A character the window has elsewhere is shared, as abbreviations share it: 重难点 for 重点难点.)
      // (A name the sources quote again and again, six characters or more, is no other wording
      // with one of its characters gone, whatever the characters that meet and the words they make:
      // 上海合|组织, 上|合作|组织.)
      // (So is a long term the sources use again, of ten characters or more, whatever the characters that
      // meet: 上海合作组织成员国元首理|会 for 理事会, 理会 being a word of its own.)
      const fixedName = (right.length >= 6 && info.kinds.has('quoted') && info.count >= QUOTED_NAME_USES) || (right.length >= LONG_FIXED_TERM && info.count >= 2);
      // (One of a doubled character of a name of the dictionary, as transliterations double them, is
      // gone whatever the characters that meet: 吉尔吉斯|坦 for 吉尔吉斯斯坦.)
      const doubledInName = (right[h.at - 1] === missing || right[h.at + 1] === missing) && /^n/.test(dictEntry(right)?.pos ?? '');
      if (!doubledInName && ((wordLeftOut && isFunctionWord(missing)) || form.includes(missing) || !(stray(before + text[gap]) || fixedName) || !(fixedName || alone(gap - 1) || alone(gap) || rareRemainder(gap, missing)))) continue;
      out.push(leftOutFinding(text, gap, missing, describe(form, right), 1.5));
    } else {
      const at = h.start + h.at;
      const added = text[at];
      // An added character is a slip of typing only beside one it may be taken for (全球治里理倡议);
      // another word inserted (全球治理新倡议) is the writer's.
      const alike = (c: string) => soundSimilarity(added, c) >= 0.7 || confusability(added, c) >= 0.7;
      if (isFunctionWord(added) || wordFreq(added) >= COMMON_WORD_FREQ * 10 || added === text[at - 1] || added === text[at + 1] || !(alike(text[at - 1]) || alike(text[at + 1]))) continue;
      if (!stray(text[at - 1] + added) || !stray(added + text[at + 1]) || inDictWord(text, at)) continue;
      out.push({ start: at, end: at + 1, message: describe(form, right), replacements: [''], score: 1.5 });
    }
  }
  return out;
}

/** Characters of a term whose every character counts (see fixedName in nearTerms's gaps). */
const LONG_FIXED_TERM = 10;

/**
 * A character left out at `gap`: the two characters it belongs between are marked, and the fix puts
 * it back between them (命运|同体 → 运共同), so that the place reads as a gap on either side.
 */
function leftOutFinding(text: string, gap: number, missing: string, message: string, score: number): Candidate {
  // (Whole characters, 𠮷 too.)
  const before = String.fromCodePoint(text.codePointAt(gap - 1 - (/[\udc00-\udfff]/.test(text[gap - 1]) ? 1 : 0))!);
  const after = gap < text.length ? String.fromCodePoint(text.codePointAt(gap)!) : '';
  const next = after && !/[\s\p{P}]/u.test(after) ? after : '';
  return { start: gap - before.length, end: gap + next.length, message, replacements: [before + missing + next], score };
}

const MAX_WORDING_POSITIONS = 50;
const WORDING_WINDOW = 4;

/**
 * Four characters the sources write with one other character, a homophone that breaks a word of
 * theirs into characters that stand alone in the draft (行稳至远 for 行稳致远, 文明倡意 for 文明倡议):
 * wording of the sources that is no term and no idiom of the dictionary. The draft's stray
 * characters are the places looked at; the two characters before (or after) them are found in the
 * sources, and the source word must be a word there too (落实|习近平 holds no 实习).
 */
function nearSourceWording(p: ParagraphDoc, index: CorpusIndex, known: Uint8Array): Candidate[] {
  const text = p.text;
  const out: Candidate[] = [];
  const joined = index.joined;
  const pairs = sourcePairs(index);
  const pairAt = (a: number) => known[a] === 1;
  // A character that makes with a neighbour two characters the sources never write (稳至, 倡意),
  // where they do write that neighbour beside a character of the same sound (稳致, 倡议), and the
  // two characters on that side are a pair of theirs too: found from the characters alone.
  const suspects = new Set<number>();
  for (let k = 0; k < text.length; k++) {
    const left = k >= 2 && known[k - 2] === 1 && known[k - 1] === 0 && pairs.beforeSoundOf(text.charCodeAt(k - 1), text.charCodeAt(k));
    if (left || (k + 2 < text.length && known[k + 1] === 1 && known[k] === 0 && pairs.soundBefore(text.charCodeAt(k), text.charCodeAt(k + 1)))) suspects.add(k);
  }
  for (const k of suspects) {
    // …standing alone: no word of the dictionary of two or three characters takes it in (the
    // paragraph is not segmented for this: most paragraphs have such pairs, few such characters).
    if (inDictWord(text, k)) continue;
    let found: Candidate | undefined;
    for (let s = Math.max(0, k - WORDING_WINDOW + 1); s <= k && s + WORDING_WINDOW <= text.length && !found; s++) {
      const at = k - s;
      // The words kept must be the sources' own: every pair of them is in their text.
      const byBefore = at >= 2;
      if (!byBefore && WORDING_WINDOW - at - 1 < 2) continue;
      const probeStart = byBefore ? s : k + 1;
      const probeEnd = byBefore ? k : s + WORDING_WINDOW;
      let keptAreTheirs = true;
      for (let a = probeStart; a + 1 < probeEnd && keptAreTheirs; a++) keptAreTheirs = pairAt(a);
      if (!keptAreTheirs) continue;
      const form = text.slice(s, s + WORDING_WINDOW);
      if (!isCjkRun(form) || index.frequency(form) > 0) continue;
      const before = form.slice(0, at);
      const after = form.slice(at + 1);
      for (const pos of index.suffixArray.positions(byBefore ? before : after, MAX_WORDING_POSITIONS)) {
        const ws = byBefore ? pos : pos - at - 1;
        const right = joined.slice(Math.max(0, ws), ws + WORDING_WINDOW);
        if (ws < 0 || right.length < WORDING_WINDOW || right[at] === form[at] || !right.startsWith(before) || !right.endsWith(after)) continue;
        // The source's traditional character is variant-char's; the draft's own is too.
        if (toSimplified(form[at]) === right[at] || !breaksWordOf(form, right, [at], true)) continue;
        // The draft's two characters in place of the source's word are wording the sources never use.
        if ([at - 1, at].some((a) => a >= 0 && a + 2 <= form.length && isDictWord(right.slice(a, a + 2)) && index.frequency(form.slice(a, a + 2)) > 0)) continue;
        if (!sourceWordStands(joined, ws, right, at)) continue;
        // The source's word the slip breaks must leave its other character standing alone in the
        // draft too, not inside a common word of the draft's (校区|与|合作 is no 区域合作; 把风|弦
        // may be 风险).
        const words = p.words();
        const partners = [at - 1, at + 1].filter((a) => a >= 0 && a < WORDING_WINDOW && isDictWord(a < at ? right[a] + right[at] : right[at] + right[a]));
        const inDraftWord = (a: number) => {
          const w = words.word(s + a);
          return !!w && w.text.length > 1 && wordFreq(w.text) >= COMMON_WORD_FREQ;
        };
        if (partners.length && partners.every(inDraftWord)) break;
        const ref = index.refAt(ws, ws + WORDING_WINDOW);
        found = wordingSlip(index, k, k + 1, form, right, right[at], ref);
        break;
      }
    }
    if (found) out.push(found);
  }
  return out;
}

/** A slip found against the sources' wording: `found` in the draft, `right` in theirs at `ref`, fixed to `replacement`. */
function wordingSlip(index: CorpusIndex, start: number, end: number, found: string, right: string, replacement: string, ref: SourceRef | undefined): Candidate {
  return { start, end, message: describe(found, right), replacements: [replacement], related: ref ? index.relatedPlace(ref, t('来源原文', 'Source text')) : undefined, score: 1.5 };
}

/** How often the dictionary must count a word of two an added character makes for it to be the draft's wording. */
const ADDED_CHARACTER_WORD_FREQ = 20;
/** How alike a character in a person's name of the sources and the draft's must look or sound (see nearSourceRuns): a part in common (甲, 申). */
const NAME_LOOK_ALIKE = 0.3;
/** Longest person's name looked for around a character of the sources. */
const MAX_PERSON_NAME = 8;

/** Whether a person's name of the sources ends with their character at `s`. */
function personNameEndsAt(index: CorpusIndex, s: number): boolean {
  for (let n = 2; n <= MAX_PERSON_NAME && s + 1 - n >= 0; n++) if (index.term(index.joined.slice(s + 1 - n, s + 1))?.kinds.has('person')) return true;
  return false;
}

/** Whether joined[s] is inside a name the sources give as a person's (卢卡申科 of 白俄罗斯总统卢卡申科). */
function personNameAt(index: CorpusIndex, s: number): boolean {
  const joined = index.joined;
  for (let n = 2; n <= MAX_PERSON_NAME; n++) {
    for (let a = Math.max(0, s - n + 1); a <= s && a + n <= joined.length; a++) {
      if (index.term(joined.slice(a, a + n))?.kinds.has('person')) return true;
    }
  }
  return false;
}

/** Characters standing alone in a row that read as a foreign name the dictionary lacks (济|约|耶|夫). */
const TRANSLITERATION_RUN = 4;

/**
 * Whether `word`, one character and no function word, stands among TRANSLITERATION_RUN or more
 * characters alone, one of them at most a function word (约 of 米尔济约耶夫 reads as "about").
 */
function inTransliteration(words: Token[], word: Token): boolean {
  const at = words.indexOf(word);
  const single = (w: Token | undefined) => !!w && w.text.length === 1 && isCjkCode(w.text.charCodeAt(0));
  if (!single(word) || isFunctionWord(word.text)) return false;
  let from = at;
  while (single(words[from - 1])) from--;
  let to = at;
  while (single(words[to + 1])) to++;
  const run = words.slice(from, to + 1);
  return run.length >= TRANSLITERATION_RUN && run.filter((w) => isFunctionWord(w.text)).length <= 1;
}

/** Source characters matched before and after two words swapped (see nearSourceRuns), and the words' lengths. */
const SWAP_RUN_BEFORE = 5;
const SWAP_RUN_AFTER = 2;
const MIN_SWAP_WORD = 2;
const MAX_SWAP_WORD = 5;
/** Source characters matched on each side of a character left out (see nearSourceRuns). */
const RUN_GAP_SIDE = 5;
/** Source characters matched in all around a slip (see nearSourceRuns), and on its longer side. */
const RUN_CONTEXT = 6;
const RUN_LONGER_SIDE = 3;
/** Source characters matched before a slip that ends their run, the draft going on in its own words. */
const RUN_EDGE_SLIP = 8;
/**
 * Source characters matched on each side of a slip that make a near homophone one too (建设崇德向上的
 * 文明城市 for 向善: shàng for shàn, as fuzzy pinyin offers it), even inside a word of the draft.
 */
const RUN_FUZZY_SIDE = 6;
/** Uses in the sources of six characters of their wording beside a slip that make it their particular wording. */
const RARE_RUN_USES = 3;
/** Likeness of sound of a near homophone (an/ang, en/eng, in/ing, z/zh…: 上 for 善). */
const FUZZY_SOUND = 0.7;
/** Source characters around a stray character of the sources' sound (上合组织形|稳致远 for 行稳致远). */
const RUN_STRAY_CONTEXT = 5;
/** Parts of speech of grammatical words, which change with the sentence (的/地, 在/再). */
const GRAMMATICAL_POS = /^(p|u\w*|c|r\w*|y|e|o)$/;

/**
 * A run of the sources' wording, six characters or more around one of the same sound as theirs
 * (推动世界多级化更加平等有序 for 多极化, 以文塑旅、以旅张文 for 以旅彰文, 资源秉赋和 for 禀赋):
 * wording the draft takes over where no similar source sentence stands for the whole
 * (nearSentences), so that a real word in the slip's place (多级, 秉赋) does not make it deliberate.
 * The places looked at are the draft's characters beside which it writes a pair the sources never do.
 */
/** Whether the sources' character at `s` begins a dictionary word of two to four characters there (塑|造). */
function beginsSourceWord(joined: string, s: number): boolean {
  for (let n = 2; n <= 4; n++) if (isDictWord(joined.slice(s, s + n))) return true;
  return false;
}
/** Whether the sources' character at `s` ends a dictionary word of two to four characters there (消火|栓). */
function endsSourceWord(joined: string, s: number): boolean {
  for (let n = 2; n <= 4; n++) if (s + 1 - n >= 0 && isDictWord(joined.slice(s + 1 - n, s + 1))) return true;
  return false;
}

/** The dictionary's count that makes a word established (not 同塔, an entry counted 3 times). */
const ESTABLISHED_WORD_FREQ = 10;

/** Whether a[from, from + length) is b[at, at + length) (both within their strings). */
function sameUnits(a: string, from: number, b: string, at: number, length: number): boolean {
  if (from + length > a.length || at + length > b.length || at < 0) return false;
  for (let i = 0; i < length; i++) if (a.charCodeAt(from + i) !== b.charCodeAt(at + i)) return false;
  return true;
}

/** Whether the sources' character at `s` begins or ends an established word of two to four characters there (宪|章, 睦|邻). */
function establishedWordAt(joined: string, s: number): boolean {
  for (let n = 2; n <= 4; n++) {
    if (wordFreq(joined.slice(s, s + n)) >= ESTABLISHED_WORD_FREQ) return true;
    if (s + 1 - n >= 0 && wordFreq(joined.slice(s + 1 - n, s + 1)) >= ESTABLISHED_WORD_FREQ) return true;
  }
  return false;
}

function nearSourceRuns(p: ParagraphDoc, index: CorpusIndex, sourcePairAt: Uint8Array): Candidate[] {
  const text = p.text;
  const out: Candidate[] = [];
  const joined = index.joined;
  const pairs = sourcePairs(index);
  const n = text.length;
  // knownPair[a]: the sources write text[a] text[a + 1], or one of them is a mark, which may be
  // matched too (以文塑旅、以旅彰文); knownBefore[k]: how many such pairs run up to text[k] (ending
  // there), knownAfter[k]: from text[k] on. A match of six characters around a slip needs four pairs
  // of them on its two sides (one pass; most places fail this).
  const isMark = (c: number) => c > 0x3000 && !isCjkCode(c);
  const knownPair = new Uint8Array(n);
  for (let a = 0; a + 1 < n; a++) knownPair[a] = sourcePairAt[a] || isMark(text.charCodeAt(a)) || isMark(text.charCodeAt(a + 1)) ? 1 : 0;
  const knownBefore = new Uint16Array(n);
  for (let k = 1; k < n; k++) knownBefore[k] = knownPair[k - 1] ? Math.min(0xffff, knownBefore[k - 1] + 1) : 0;
  const knownAfter = new Uint16Array(n);
  for (let k = n - 2; k >= 0; k--) knownAfter[k] = knownPair[k] ? Math.min(0xffff, knownAfter[k + 1] + 1) : 0;
  const known = (a: number) => a >= 0 && knownPair[a] === 1;
  let words: Words | undefined;
  let quoted: ReturnType<typeof findQuotes> | undefined;
  for (let k = 1; k + 1 < n; k++) {
    if (knownBefore[k - 1] + knownAfter[k + 1] < RUN_STRAY_CONTEXT - 2 || (known(k - 1) && known(k))) continue;
    const c = text[k];
    const code = text.charCodeAt(k);
    // …and a character of the slip's sound between the same neighbours (a mark beside it tells
    // nothing: 银发经纪、冰雪经济).
    const markBefore = isMark(text.charCodeAt(k - 1));
    const markAfter = isMark(text.charCodeAt(k + 1));
    if (!isCjkCode(code) || (markBefore && markAfter)) continue;
    // (Beside a mark the match must cross it by two known pairs or run six before the slip: see sideOk.)
    if (markAfter && knownAfter[k + 1] < 3 && knownBefore[k - 1] < RUN_CONTEXT - 1) continue;
    if (markBefore && knownBefore[k - 1] < 3 && knownAfter[k + 1] < RUN_CONTEXT - 1) continue;
    // (A slip that ends a long run of theirs, where the draft goes on in words of its own, has no
    // source pair after it: 城市基础设施生命线安全工|称|监管平台.)
    const endsRun = !markAfter && knownBefore[k - 1] >= RUN_EDGE_SLIP - 1;
    // (Long runs on both sides may hold a near homophone, which no sound pair finds; so may a long run
    // on one side, beside which the slip makes no word: 树造|城市特色风貌 for 塑造, 展显|中国气质 for 彰显.)
    const longBefore = knownBefore[k - 1] >= RUN_FUZZY_SIDE - 1;
    const longAfter = knownAfter[k + 1] >= RUN_FUZZY_SIDE - 1;
    const oneSided = (longAfter && !markAfter && !isDictWord(c + text[k + 1])) || (longBefore && !markBefore && !isDictWord(text[k - 1] + c));
    const soundPair = (markBefore || pairs.beforeSoundOf(text.charCodeAt(k - 1), code)) && (markAfter || endsRun || pairs.soundBefore(code, text.charCodeAt(k + 1)));
    if (!soundPair && !(longBefore && longAfter) && !oneSided) continue;
    // Long quotations are the quote rule's.
    quoted ??= longQuotations(text);
    // (Nor one of the words that carry every sentence, 是 of ，是习近平总书记… beside 落实习近平….)
    if (NUMERAL.test(c) || GRAMMATICAL_POS.test(dictEntry(c)?.pos ?? '') || wordFreq(c) >= SENTENCE_WORD_FREQ || quoted.some((q) => q.open <= k && k <= q.close)) continue;
    // Found by the two characters before the slip, or else the two after it — by the rarer of the two
    // where both are the sources' (组织 before 形|稳致远 stands in a hundred places, 稳致 in one).
    // (Where the first finds nothing, the other is tried.)
    // (Without a sound pair, only a near homophone with six of theirs on a side is looked for: by those six.)
    const anchor = soundPair ? 2 : RUN_FUZZY_SIDE;
    const before = known(k - 2);
    const after = soundPair && !!sourcePairAt[k + 1];
    const beforeFirst = before && (!after || index.suffixArray.count(text.slice(k - 2, k)) <= index.suffixArray.count(text.slice(k + 1, k + 3)));
    const anchors = !soundPair ? [longBefore] : before && after ? [beforeFirst, !beforeFirst] : [before];
    let found: Candidate | undefined;
    for (const byBefore of anchors) {
      if (found) break;
      for (const pos of index.suffixArray.positions(byBefore ? text.slice(k - anchor, k) : text.slice(k + 1, k + 1 + anchor), MAX_WORDING_POSITIONS)) {
        const s = byBefore ? pos + anchor : pos - 1;
        const theirs = joined[s] ?? '';
        if (s < 1 || theirs === c || !isCjkCode(joined.charCodeAt(s))) continue;
        // Matched characters on either side, across the same marks (、 of 以文塑旅、以旅彰文).
        let left = 0;
        while (k - left - 1 >= 0 && s - left - 1 >= 0 && text[k - left - 1] === joined[s - left - 1] && !/\s/.test(text[k - left - 1])) left++;
        let right = 0;
        while (k + right + 1 < text.length && text[k + right + 1] === joined[s + right + 1] && !/\s/.test(text[k + right + 1])) right++;
        // (Across a mark beside the slip, the match goes on for two characters or more: 银发经纪、冰雪;
        // or stops at the mark, the slip ending the clause, after six of theirs: 安全赤字、治理赤子，.)
        const sideOk = (mark: boolean, same: number, other: number) => (mark ? same >= 3 || (same === 0 && other >= RUN_CONTEXT) : same > 0);
        // (At the end of a long run, the slip breaks a word of theirs, 工|程, and makes none with the draft's
        // characters on either side.)
        const runEnd = right === 0 && endsRun && left >= RUN_EDGE_SLIP && isDictWord(joined[s - 1] + theirs) && !isDictWord(text[k - 1] + c) && !isDictWord(c + text[k + 1]);
        // (A near homophone the HMM reads as part of a new word of three characters or more is that word:
        // 数智化 beside 数字化.)
        const coined = () => {
          const from = Math.max(0, k - 3);
          return tokenize(text.slice(from, k + 4), true).some((w) => w.start + from <= k && k < w.end + from && w.end - w.start >= 3);
        };
        // (Six of theirs on one side, wording they use a few times only, not a common phrase (全国人大
        // 常委会), the slip breaking the word of theirs it begins or ends there and making none on either
        // side: 树造|城市特色风貌 for 塑造 — not 森|林法, 2188|个. The cheap tests first.)
        const strayHere = () => !isDictWord(text[k - 1] + c) && !isDictWord(c + text[k + 1]) && !isFunctionWord(c) && !/[0-9０-９]/.test(text[k - 1]) && !/^[mq]/.test(dictEntry(c)?.pos ?? '') && !coined();
        const rareRun = (from: number, to: number) => index.suffixArray.count(text.slice(from, to)) <= RARE_RUN_USES;
        const breaksWord =
          ((right >= RUN_FUZZY_SIDE && beginsSourceWord(joined, s) && rareRun(k + 1, k + 1 + RUN_FUZZY_SIDE)) || (left >= RUN_FUZZY_SIDE && endsSourceWord(joined, s) && rareRun(k - RUN_FUZZY_SIDE, k))) && strayHere();
        // (…or the slip ends a person's name of theirs after six of their characters, the draft going on
        // in its own words: 塔吉克斯坦总统拉赫孟也表示 for 拉赫蒙.)
        const nameEnd = () => right === 0 && left >= RUN_CONTEXT && personNameEndsAt(index, s);
        if (!breaksWord && (!sideOk(markBefore, left, right) || !(sideOk(markAfter, right, left) || runEnd || nameEnd()))) continue;
        // (A character standing alone in the draft, seldom a word by itself or beside another such
        // character, where the sources have one of its sound, needs a character less: 上合组织形|稳|致远.)
        if (left + right < RUN_STRAY_CONTEXT || Math.max(left, right) < RUN_LONGER_SIDE) continue;
        if (left + right < RUN_CONTEXT) {
          words ??= p.words();
          const single = (a: number) => words!.word(a)?.text.length === 1 && !isFunctionWord(text[a]);
          if (!single(k) || !(rareAlone(c) || single(k - 1) || single(k + 1))) continue;
        }
        // (The source's traditional character is variant-char's, the draft's own too; a number is an update.)
        if (toSimplified(c) === theirs || toSimplified(theirs) === c || NUMERAL.test(theirs)) continue;
        // A homophone, as typing by pinyin makes it (look-alikes share radicals with words of other
        // senses: 指出 for 提出, 县域 for 县城) — not in a word the sources use themselves.
        // Inside six of theirs on each side, a near homophone is one too, whatever word it makes.
        const fuzzy = (left >= RUN_FUZZY_SIDE && right >= RUN_FUZZY_SIDE) || breaksWord;
        const sound = soundSimilarity(c, theirs);
        // (A person's name of theirs is fixed to its characters: one of another look in it is a slip too,
        // 卢卡甲科 for 卢卡申科, where the draft writes no name the sources know.)
        const inName = sound < 1 && confusability(c, theirs) >= NAME_LOOK_ALIKE && personNameAt(index, s) && !index.term(text.slice(k - left, k + right + 1));
        // (So is a character of nearly the same look at the edge of eight of theirs or inside them, where it
        // makes no word with its neighbours and theirs one with its own: 冬季清洁取缓 for 取暖.)
        const lookAlike =
          sound < 1 && left + right >= RUN_EDGE_SLIP && shapeSimilarity(c, theirs) >= NEAR_IDENTICAL_SHAPE && !isDictWord(text[k - 1] + c) && !isDictWord(c + (text[k + 1] ?? '')) && (isDictWord(joined[s - 1] + theirs) || isDictWord(theirs + (joined[s + 1] ?? '')));
        // (And any character inside six of theirs on each side that breaks a word of theirs and makes none
        // with its neighbours, whatever its sound or look: 以联合国宪竟宗旨和原则为基础 for 宪章, 成员国长期陆邻友好
        // for 睦邻 — a writer who changes their wording there on purpose writes a word.)
        // (Not beside a grammatical word, in a pattern the writer fills: 接得更快、派得更准 beside their 分得更准;
        // and their word an established one: not 同塔, counted 3 times, of 愿同塔议会 beside 愿同巴议会.)
        const brokenInRun =
          left >= RUN_FUZZY_SIDE &&
          right >= RUN_FUZZY_SIDE &&
          !isDictWord(text[k - 1] + c) &&
          !isDictWord(c + text[k + 1]) &&
          establishedWordAt(joined, s) &&
          ![text[k - 1], text[k + 1]].some((x) => GRAMMATICAL_POS.test(dictEntry(x)?.pos ?? ''));
        if (!inName && !lookAlike && !brokenInRun && (sound < (fuzzy ? FUZZY_SOUND : 1) || (!fuzzy && [k - 1, k].some((a) => isDictWord(text.slice(a, a + 2)) && index.frequency(text.slice(a, a + 2)) > 0)))) continue;
        if (sound < 1 && !inName && coined()) continue;
        const ref = index.refAt(s - left, s + right + 1);
        // Shown: two characters on each side, as far as the match and the Chinese go, widened to
        // whole words of the draft (世界多级化更加, not 界多级化更).
        let from = k;
        while (from > k - 2 && from > k - left && isCjkCode(text.charCodeAt(from - 1))) from--;
        let to = k + 1;
        while (to < k + 3 && to < k + right + 1 && isCjkCode(text.charCodeAt(to))) to++;
        words ??= p.words();
        from = Math.max(k - left, words.word(from)?.start ?? from);
        to = Math.min(k + right + 1, words.word(to - 1)?.end ?? to);
        // (…without a grammatical word after it: 资源秉赋, not 资源秉赋和.)
        for (let w = words.word(to - 1); w && w.start > k + 1 && GRAMMATICAL_POS.test(dictEntry(w.text)?.pos ?? ''); w = words.word(to - 1)) to = w.start;
        found = wordingSlip(index, k, k + 1, text.slice(from, to), joined.slice(s - (k - from), s + (to - k)), theirs, ref);
        break;
      }
    }
    if (found) out.push(found);
  }
  // A word of two characters typed as another word of the same sound, as a pinyin input method offers
  // it, inside a run of the sources' wording (房屋全声明周期安全管理 → 全生命周期): two of theirs on
  // each side and six in all.
  for (let k = 2; k + 3 < n; k++) {
    if (sourcePairAt[k - 1] || sourcePairAt[k + 1] || knownBefore[k - 1] < 2 || knownAfter[k + 2] < 2 || knownBefore[k - 1] + knownAfter[k + 2] < RUN_CONTEXT - 1) continue;
    const a = text.charCodeAt(k);
    const b = text.charCodeAt(k + 1);
    if (!isCjkCode(a) || !isCjkCode(b) || !pairs.beforeSoundOf(text.charCodeAt(k - 1), a) || !pairs.soundBefore(b, text.charCodeAt(k + 2))) continue;
    quoted ??= longQuotations(text);
    if (quoted.some((q) => q.open <= k && k <= q.close)) continue;
    for (const pos of index.suffixArray.positions(text.slice(k - 2, k), MAX_WORDING_POSITIONS)) {
      const s = pos + 2;
      const theirs = joined.slice(s, s + 2);
      if (theirs[0] === text[k] || theirs[1] === text[k + 1] || !isCjkRun(theirs) || !joined.startsWith(text.slice(k + 2, k + 4), s + 2)) continue;
      if (soundSimilarity(text[k], theirs[0]) < 1 || soundSimilarity(text[k + 1], theirs[1]) < 1) continue;
      let left = 0;
      while (k - left - 1 >= 0 && s - left - 1 >= 0 && text[k - left - 1] === joined[s - left - 1] && isCjkCode(text.charCodeAt(k - left - 1))) left++;
      let right = 0;
      while (k + 2 + right < n && text[k + 2 + right] === joined[s + 2 + right] && isCjkCode(text.charCodeAt(k + 2 + right))) right++;
      if (left + right < RUN_CONTEXT) continue;
      const ref = index.refAt(s - left, s + 2 + right);
      // Shown: two characters on each side widened to whole words of the draft (全声明周期, not 屋全声明周期).
      const words = p.words();
      const from = Math.max(k - left, words.word(k - Math.min(left, 2))?.start ?? k);
      const to = Math.min(k + 2 + right, words.word(k + 1 + Math.min(right, 2))?.end ?? k + 2);
      out.push(wordingSlip(index, k, k + 2, text.slice(from, to), joined.slice(s - (k - from), s + (to - k)), theirs, ref));
      break;
    }
  }
  // (Quotation marks, below U+3000, are marks matched too there.)
  const knownOrQuote = (a: number) => known(a) || (a >= 0 && a + 1 < n && (QUOTE_MARK.test(text[a]) || QUOTE_MARK.test(text[a + 1])));
  // Two neighbouring characters in each other's place inside six of the sources' wording (深化国际
  // 文人交流合作 → 人文交流): a word either way (文人), which only the run tells from wording. One of
  // the six may be a mark, matched too (产城融合、住职平衡 → 职住平衡, 加强“急平两用” → 平急两用).
  for (let k = 2; k + 3 < n; k++) {
    const a = text.charCodeAt(k);
    const b = text.charCodeAt(k + 1);
    // (A word the sources write themselves is theirs in either order: 绵延 beside 延绵 — not a pair they
    // write only across words: 应急|平台 says nothing of 急平两用.)
    if (a === b || (sourcePairAt[k] && isDictWord(text.slice(k, k + 2))) || !knownOrQuote(k - 2) || !knownOrQuote(k + 2) || !isCjkCode(a) || !isCjkCode(b) || !pairs.has(b, a)) continue;
    const written = text.slice(k - 2, k + 4);
    if (countCjk(written, 0, written.length) < written.length - 1 || /\s/.test(written)) continue;
    // (Not grammatical words, which move with the sentence: 面临新的形势 beside 面临的新形势.)
    if (GRAMMATICAL_POS.test(dictEntry(text[k])?.pos ?? '') || GRAMMATICAL_POS.test(dictEntry(text[k + 1])?.pos ?? '')) continue;
    // (Nor two characters each making a word with its outer neighbour, wording of the draft's own:
    // 连接|南北 beside their 连南接北.)
    if (isUsualWord(text.slice(k - 1, k + 1)) && isUsualWord(text.slice(k + 1, k + 3))) continue;
    // (Nor the two sides of a bilateral relation, each named first by its own: 哈中关系 beside 中哈关系.)
    if ((text[k] === '中' || text[k + 1] === '中') && /^(nr|ns|nrt|j)$/.test(dictEntry(text[k] === '中' ? text[k + 1] : text[k])?.pos ?? '')) continue;
    const swapped = written.slice(0, 2) + written[3] + written[2] + written.slice(4);
    quoted ??= longQuotations(text);
    if (quoted.some((q) => q.open <= k && k <= q.close) || index.frequency(swapped) === 0 || index.frequency(written) > 0) continue;
    const at = index.suffixArray.positions(swapped, 1)[0];
    const ref = at === undefined ? undefined : index.refAt(at, at + swapped.length);
    out.push(wordingSlip(index, k, k + 2, written, swapped, text[k + 1] + text[k], ref));
  }
  // Two words of theirs in each other's place after five characters of their wording and before two
  // (上海合作组织教育数字联盟 → 数字教育联盟, 全球城市可持续发展奖（ → 可持续发展城市奖): a name's words
  // keep their order. Both orders written by the sources (经贸、人文 in either) are theirs.
  // (The swap leaves a pair they never write at one of its three joins — before the words, between them
  // or after them: only places a few characters before such a pair are looked up.)
  let nextUnknown = n;
  const unknownAhead = new Int32Array(n + 1).fill(n); // (the last two places: none ahead)
  for (let a = n - 2; a >= 0; a--) {
    if (!sourcePairAt[a] && isCjkCode(text.charCodeAt(a)) && isCjkCode(text.charCodeAt(a + 1))) nextUnknown = a;
    unknownAhead[a] = nextUnknown;
  }
  for (let k = SWAP_RUN_BEFORE; k + 2 * MIN_SWAP_WORD + SWAP_RUN_AFTER <= n; k++) {
    if (knownBefore[k - 1] < SWAP_RUN_BEFORE - 1 || unknownAhead[k - 1] > k - 1 + 2 * MAX_SWAP_WORD || !isCjkCode(text.charCodeAt(k))) continue;
    // (Cheap before the look-up: the sources write the character before the words followed by the first
    // character of their first word, X, which the draft has b characters on, and the last character of
    // the draft's first word, Y, followed by what comes after both — as a pair of characters, or a mark.)
    const before = text.charCodeAt(k - 1);
    let pairsFit = false;
    for (let b = MIN_SWAP_WORD; b <= MAX_SWAP_WORD && !pairsFit; b++) {
      if (isCjkCode(before) && !pairs.has(before, text.charCodeAt(k + b))) continue;
      for (let a = MIN_SWAP_WORD; a <= MAX_SWAP_WORD && !pairsFit; a++) {
        const after = text.charCodeAt(k + a + b);
        pairsFit = !isCjkCode(after) || pairs.has(text.charCodeAt(k + b - 1), after);
      }
    }
    if (!pairsFit) continue;
    let swappedAt: { s: number; a: number; b: number } | undefined;
    for (const pos of index.suffixArray.positions(text.slice(k - SWAP_RUN_BEFORE, k), MAX_WORDING_POSITIONS)) {
      const s = pos + SWAP_RUN_BEFORE;
      for (let a = MIN_SWAP_WORD; a <= MAX_SWAP_WORD && !swappedAt; a++) {
        for (let b = MIN_SWAP_WORD; b <= MAX_SWAP_WORD; b++) {
          // text[k…) = Y X (the sources' X Y), then the sources' next characters.
          // (Compared in place: slices of the draft for every pair of lengths at every place were a
          // tenth of what an edit cost.)
          if (!sameUnits(text, k, joined, s + a, b) || !sameUnits(text, k + b, joined, s, a)) continue;
          if (k + a + b + SWAP_RUN_AFTER > n || !sameUnits(text, k + a + b, joined, s + a + b, SWAP_RUN_AFTER)) continue;
          swappedAt = { s, a, b };
          break;
        }
      }
      if (swappedAt) break;
    }
    if (!swappedAt) continue;
    const { s, a, b } = swappedAt;
    const written = text.slice(k, k + a + b);
    const theirs = joined.slice(s, s + a + b);
    const x = theirs.slice(0, a);
    const y = theirs.slice(a);
    // (Words of theirs, not grammatical ones, and an order the sources never write.)
    // (A word may be made of words and characters of sense: 可|持续|发展, not 的|发展.)
    const wordy = (w: string) => isDictWord(w) || tokenize(w).every((token) => token.text.length >= 2 || !GRAMMATICAL_POS.test(dictEntry(token.text)?.pos ?? 'x'));
    if (!isCjkRun(theirs) || x === y || !wordy(x) || !wordy(y) || [x, y].some((w) => GRAMMATICAL_POS.test(dictEntry(w)?.pos ?? ''))) continue;
    quoted ??= longQuotations(text);
    // (The words in the draft's order may be theirs elsewhere, 城市可持续发展, but not before what follows.)
    if (quoted.some((q) => q.open <= k && k <= q.close) || index.frequency(text.slice(k, k + a + b + SWAP_RUN_AFTER)) > 0) continue;
    out.push(wordingSlip(index, k, k + a + b, written, theirs, theirs, index.refAt(s - SWAP_RUN_BEFORE, s + a + b + SWAP_RUN_AFTER)));
    k += a + b - 1;
  }
  // A character of theirs left out between two runs of five characters or more of the sources'
  // wording (城市基础设施生命|安全工程建设 for …生命线安全工程建设): the pair that meets there is one
  // they never write.
  for (let k = RUN_GAP_SIDE; k + RUN_GAP_SIDE <= n; k++) {
    if (known(k - 1) || knownBefore[k - 1] < RUN_GAP_SIDE - 1 || knownAfter[k] < RUN_GAP_SIDE - 1) continue;
    if (!isCjkCode(text.charCodeAt(k - 1)) || !isCjkCode(text.charCodeAt(k))) continue;
    quoted ??= longQuotations(text);
    if (quoted.some((q) => q.open <= k && k <= q.close)) continue;
    const after = text.slice(k, k + RUN_GAP_SIDE);
    for (const pos of index.suffixArray.positions(text.slice(k - RUN_GAP_SIDE, k), MAX_WORDING_POSITIONS)) {
      const s = pos + RUN_GAP_SIDE;
      const missing = joined[s] ?? '';
      if (!isCjkCode(joined.charCodeAt(s)) || !joined.startsWith(after, s + 1) || NUMERAL.test(missing)) continue;
      // The character is part of a word of three or more in their text (线 of 生命线), no word of its
      // own nor half of a pair the draft says with one (建设中|还, 潜力也|愈发, 已经 for 已: wording).
      const around = tokenize(joined.slice(Math.max(0, s - 4), s + 5));
      const at = s - Math.max(0, s - 4);
      const holder = around.find((w) => w.start <= at && at < w.end);
      // …or of a word of two whose other character the draft leaves standing alone, no function word
      // (非物|文化遗产 for 非物质文化遗产).
      const other = holder && holder.end - holder.start === 2 ? (holder.start === at ? k : k - 1) : -1;
      // (Standing alone: no word of two with either neighbour, 非物, 物文 — read off the dictionary, not
      // by segmenting the paragraph.)
      const stranded = other >= 0 && !isFunctionWord(text[other]) && !isDictWord(text.slice(other - 1, other + 1)) && !isDictWord(text.slice(other, other + 2));
      // …or of a name the dictionary lacks, which it reads as characters standing alone (米尔|济|约|耶|夫
      // for 米尔济约耶夫, written 米尔约耶夫).
      if (!holder || (holder.end - holder.start < 3 && !stranded && !inTransliteration(around, holder))) continue;
      const ref = index.refAt(pos, s + 1 + RUN_GAP_SIDE);
      const shownFrom = Math.max(0, k - 2);
      out.push(wordingSlip(index, k - 1, k, text.slice(shownFrom, k + 2), joined.slice(s - (k - shownFrom), s + 3), text[k - 1] + missing, ref));
      break;
    }
  }
  // A character added between two runs of five characters or more of the sources' wording that they
  // write joined (应对安全威胁与挑战综合性中心 for …综合中心): a pair it makes is one they never write,
  // and it is no function word or number (安全的合作, 2个).
  const commonWord = (pair: string) => wordFreq(pair) >= ADDED_CHARACTER_WORD_FREQ;
  for (let k = RUN_GAP_SIDE; k + 1 + RUN_GAP_SIDE <= n; k++) {
    if ((known(k - 1) && known(k)) || knownBefore[k - 1] < RUN_GAP_SIDE - 1 || knownAfter[k + 1] < RUN_GAP_SIDE - 1) continue;
    const c = text[k];
    // (A character doubled is duplicate's: 贸易体体制.)
    if (!isCjkCode(text.charCodeAt(k - 1)) || !isCjkCode(text.charCodeAt(k)) || !isCjkCode(text.charCodeAt(k + 1)) || isFunctionWord(c) || NUMERAL.test(c) || c === text[k - 1] || c === text[k + 1]) continue;
    // (…nor a word of two with a neighbour, the draft's wording: 从量的积累迈向质的飞跃 beside 积累向质; the
    // dictionary's rarest words, 合性 of 综合性中心, are no evidence.)
    if (!pairs.has(text.charCodeAt(k - 1), text.charCodeAt(k + 1)) || commonWord(text[k - 1] + c) || commonWord(c + text[k + 1])) continue;
    quoted ??= longQuotations(text);
    if (quoted.some((q) => q.open <= k && k <= q.close)) continue;
    const joinedRuns = text.slice(k - RUN_GAP_SIDE, k) + text.slice(k + 1, k + 1 + RUN_GAP_SIDE);
    const at = index.suffixArray.positions(joinedRuns, 1)[0];
    if (at === undefined || index.frequency(text.slice(k - 2, k + 3)) > 0) continue;
    const ref = index.refAt(at, at + joinedRuns.length);
    const shownFrom = Math.max(0, k - 2);
    out.push(wordingSlip(index, k, k + 1, text.slice(shownFrom, k + 3), text.slice(shownFrom, k) + text.slice(k + 1, k + 3), '', ref));
  }
  return out;
}

/**
 * Adjacent characters of the sources' text: the pairs themselves, and each character beside the
 * usual reading of its neighbour (稳 before a zhi: 致), so that a draft's pair the sources never
 * write (稳至) is tested against theirs of the same sound without segmenting the draft.
 */
class SourcePairs {
  private readonly pairs: IntSet;
  private readonly beforeSound: IntSet;
  private readonly afterSound: IntSet;
  private readonly soundIds = new Map<string, number>();
  private readonly soundOf = new Int16Array(CJK_LAST - CJK_FIRST + 1).fill(-1);
  constructor(text: string) {
    this.pairs = new IntSet();
    this.beforeSound = new IntSet();
    this.afterSound = new IntSet();
    for (let i = 0; i + 1 < text.length; i++) {
      const a = text.charCodeAt(i);
      const b = text.charCodeAt(i + 1);
      if (isCjkCode(a) && isCjkCode(b)) this.pairs.add(((a - CJK_FIRST) << 15) | (b - CJK_FIRST));
    }
    // The sounds from each distinct pair once (5 M characters of sources write some 1 M pairs).
    this.pairs.forEach((key) => {
      const a = key >>> 15;
      const b = key & 0x7fff;
      this.beforeSound.add((a << 12) | this.sound(b + CJK_FIRST));
      this.afterSound.add((this.sound(a + CJK_FIRST) << 15) | b);
    });
  }
  /** A small number for the character's usual toneless reading. */
  private sound(c: number): number {
    let id = this.soundOf[c - CJK_FIRST];
    if (id < 0) {
      const reading = charReadings(String.fromCharCode(c))[0] ?? '';
      id = this.soundIds.get(reading) ?? this.soundIds.size;
      if (id >= 4096) id = 4095; // never reached: Mandarin has some 400 toneless syllables
      this.soundIds.set(reading, id);
      this.soundOf[c - CJK_FIRST] = id;
    }
    return id;
  }
  has(a: number, b: number): boolean {
    return isCjkCode(a) && isCjkCode(b) && this.pairs.has(((a - CJK_FIRST) << 15) | (b - CJK_FIRST));
  }
  /** The sources write `a` before some character that sounds like `b` (in its usual reading). */
  beforeSoundOf(a: number, b: number): boolean {
    return isCjkCode(a) && isCjkCode(b) && this.beforeSound.has(((a - CJK_FIRST) << 12) | this.sound(b));
  }
  /** The sources write some character that sounds like `a` before `b`. */
  soundBefore(a: number, b: number): boolean {
    return isCjkCode(a) && isCjkCode(b) && this.afterSound.has((this.sound(a) << 15) | (b - CJK_FIRST));
  }
}

/** 1 where the sources write text[a] text[a + 1], 0 elsewhere. */
function sourcePairsAt(text: string, index: CorpusIndex): Uint8Array {
  const pairs = sourcePairs(index);
  const known = new Uint8Array(text.length);
  for (let a = 0; a + 1 < text.length; a++) known[a] = pairs.has(text.charCodeAt(a), text.charCodeAt(a + 1)) ? 1 : 0;
  return known;
}

const pairsByIndex = new WeakMap<CorpusIndex, SourcePairs>();
function sourcePairs(index: CorpusIndex): SourcePairs {
  let pairs = pairsByIndex.get(index);
  if (!pairs) pairsByIndex.set(index, (pairs = new SourcePairs(index.joined)));
  return pairs;
}

/** Whether a word of the dictionary of two or three characters covers text[k]. */
function inDictWord(text: string, k: number): boolean {
  for (let n = 2; n <= 3; n++) {
    for (let a = Math.max(0, k - n + 1); a <= k && a + n <= text.length; a++) {
      const w = text.slice(a, a + n);
      if (n > 2 ? isDictWord(w) : isUsualWord(w)) return true;
    }
  }
  return false;
}
/** Uses in the dictionary's counts of a two-character word that is a rare variant spelling (挛生: 3, 宏扬: 4). */
const RARE_VARIANT_FREQ = 5;

/**
 * A word of the dictionary that is no rare variant spelling: one barely used (挛生 beside 孪生) is
 * taken for a slip where the sources write the wording with its usual sound-alike.
 */
function isUsualWord(w: string): boolean {
  return isDictWord(w) && wordFreq(w) > RARE_VARIANT_FREQ;
}

/**
 * Whether the source's four characters are whole words of its text where they stand, among them
 * the word the draft breaks, alone or in a longer word of the four (组织|行|稳|致远, 文化底蕴; not
 * 落实|习近平 for 实习, nor 接受|国务院 cut after 国务).
 */
function sourceWordStands(joined: string, ws: number, right: string, at: number): boolean {
  const from = Math.max(0, ws - 3);
  const words = tokenize(joined.slice(from, ws + WORDING_WINDOW + 3));
  const start = ws - from;
  if (!words.some((w) => w.start === start) || !words.some((w) => w.end === start + WORDING_WINDOW)) return false;
  // (The word may be part of a longer word of the window: 文化|底蕴 read as 文化底蕴.)
  const holds = (a: number) => words.some((w) => w.start <= start + a && start + a + 2 <= w.end && start <= w.start && w.end <= start + WORDING_WINDOW);
  return [at - 1, at].some((a) => a >= 0 && a + 2 <= right.length && isDictWord(right.slice(a, a + 2)) && holds(a));
}

/** Characters a clause must share with its source sentence to vouch, like a sentence, for a change inside a real word. */
const STRONG_CLAUSE = 12;
/** Confusability of a slip such a clause vouches for (验/检 0.7; 方/国 0.5, 动/进 0.44 are other words). */
const CLAUSE_CONFUSABLE = 0.6;

/** A sentence that repeats a source sentence almost verbatim, with slips in single characters. */
function nearSentences(p: ParagraphDoc, index: CorpusIndex, strongSpans: StrongSpan[]): Candidate[] {
  const text = p.text;
  const out: Candidate[] = [];
  // Long quotations are the quote rule's; short quoted words are checked here.
  const quoted = longQuotations(text);
  const inQuote = (k: number) => quoted.some((q) => q.open <= k && k <= q.close);
  let words: Words | undefined;

  /**
   * Compares one span of the draft with its nearest source sentence; the part of it that comparison
   * settles (verbatim or a near-verbatim repeat), or false (then its clauses may repeat other sources).
   */
  const compare = (s: number, e: number, clause = false): false | [number, number] => {
    const [s0, e0] = withoutEdges(text, s, e);
    if (countCjk(text, s0, e0) < 8) return false;
    const sentence = text.slice(s0, e0);
    // Without a similar source sentence there is nothing to compare; the verbatim test (a suffix
    // array search) comes second because most sentences have none. A verbatim repeat without a
    // similar sentence (it spans two source sentences) is compared clause by clause instead, and
    // every clause of it is verbatim too: the same findings, none.
    const best = index.sentences.similar(sentence, 0.4, 1)[0];
    if (!best) return false;
    if (index.frequency(sentence) > 0) return [s, e];
    const edits = rememberedEdits(sentence, best.sentence.text.slice(...withoutEdges(best.sentence.text)));
    if (!edits) return false;
    // The part of the sentence the source sentence covers: words of the draft's own before or after
    // it (我市一体化推进城市体验和城市更新，|改造利用老旧厂房…) are left to their clauses.
    const lead = edits.list.find((ed) => ed.start === 0 && ed.end - ed.start > ed.replacement.length);
    const trail = edits.list.find((ed) => ed.end === sentence.length && ed.end - ed.start > ed.replacement.length);
    const covered: [number, number] = [s0 + (lead ? lead.end - lead.replacement.length : 0), s0 + (trail ? trail.start + trail.replacement.length : sentence.length)];
    // Near-verbatim reuse (a few characters off a long source sentence) is strong evidence on its own.
    // A clause is too short to vouch for a change inside a real word.
    // (…unless it repeats twelve characters or more of the source with one slip inside:
    // 我市|一体化推进城市体验和城市更新 for …体检….)
    const innerEdits = edits.list.filter((ed) => ed.start > 0 && ed.end < sentence.length).length;
    const strong = (!clause || (innerEdits === 1 && edits.same >= STRONG_CLAUSE)) && edits.same >= sentence.length - 4 && edits.list.length <= 3 && sentence.length >= 10;
    if (strong) strongSpans.push({ start: s0, end: s0 + sentence.length, source: best.sentence.text });
    const settled = strong || clause;
    const accepted: Array<{ start: number; end: number; right: string }> = [];
    for (const ed of edits.list) {
      const wrong = sentence.slice(ed.start, ed.end);
      const right = ed.replacement;
      if (wrong.length === 0 || wrong.length !== right.length || wrong.length > (strong ? 4 : 2) || inQuote(s0 + ed.start)) continue;
      if (!isCjkRun(wrong) || !isCjkRun(right)) continue;
      // A number changed into another number is an update, not a slip.
      if (NUMERAL.test(wrong) && NUMERAL.test(right)) continue;
      // The source's traditional or variant character (its own typo: 二戰) is the draft's simplified one.
      if (toSimplified(right) === wrong) continue;
      words ??= p.words();
      let ok = true;
      for (let c = 0; c < wrong.length; c++) {
        // (A clause vouches only for a character typed for one of its sound or a close look-alike:
        // 体验 for 体检, not 推进 for 推动, 中方 for 中国.)
        if (confusability(wrong[c], right[c]) < (strong ? (clause ? CLAUSE_CONFUSABLE : 0.3) : 0.5)) ok = false;
        const tok = words.word(s0 + ed.start + c);
        // (Nor does a sentence vouch for a common word typed for another that is no look-alike or
        // homophone of it: 推进 for 推动 is the draft's wording.)
        // (The likeness asked outside such sentences: 全额 for 金额 and 松开 for 公开 are slips, 0.5.)
        if (strong && tok && tok.text.length > 1 && isDictWord(tok.text) && isDictWord(withChar(tok, s0 + ed.start + c, right[c])) && confusability(wrong[c], right[c]) < 0.5) ok = false;
        // (…and one of the commonest words, no homophone of the source's, is the draft's whatever
        // it looks like: 相关 for 有关.)
        if (strong && tok && tok.text.length > 1 && wordFreq(tok.text) >= COMMONEST_WORD_FREQ && isDictWord(withChar(tok, s0 + ed.start + c, right[c])) && soundSimilarity(wrong[c], right[c]) < 1) ok = false;
        // (Nor a word of the draft's own standpoint, a pronoun's: 我市 for 我国, 该市, 本省.)
        if (tok && tok.text.length > 1 && /^r/.test(dictEntry(tok.text[0])?.pos ?? '')) ok = false;
        // (A clause vouches for no homophone that makes a word the sources use themselves: 制订 for 制定.)
        if (clause && tok && tok.text.length > 1 && isDictWord(tok.text) && index.frequency(tok.text) > 0 && soundSimilarity(wrong[c], right[c]) >= 1) ok = false;
        // A real word in the draft (物联网, 制订) is a deliberate wording unless it is a rare misspelling of the source's word.
        if (!strong && tok && tok.text.length > 1 && isDictWord(tok.text)) {
          const fixedWord = withChar(tok, s0 + ed.start + c, right[c]);
          // …or a homophone turning the source's phrase into a real word of another sense (新质|生产力
          // typed as 新知|生产力): the source's word is no word on its own, only its phrase is.
          const next = words.word(tok.end);
          const sourcePhrase = next && fixedWord + next.text;
          const phraseSlip = !!sourcePhrase && !isDictWord(fixedWord) && index.frequency(sourcePhrase) > 0 && index.frequency(tok.text + next.text) === 0;
          if (soundSimilarity(wrong[c], right[c]) < 1 || !(rarerBeside(tok.text, fixedWord) || phraseSlip)) ok = false;
        }
      }
      if (!ok) continue;
      // Two single slips a character apart are one word's (连排连调 → 联排联调): one finding.
      const last = accepted[accepted.length - 1];
      if (last && last.end - last.start === 1 && wrong.length === 1 && ed.start - last.end === 1) {
        last.right += sentence.slice(last.end, ed.start) + right;
        last.end = ed.end;
      } else accepted.push({ start: ed.start, end: ed.end, right });
    }
    for (const a of accepted) {
      out.push({
        start: s0 + a.start,
        end: s0 + a.end,
        message: t(`疑似错字：来源原句作「${a.right}」`, `Likely typo: the source sentence has "${a.right}"`),
        replacements: [a.right],
        related: index.relatedPlace(best.sentence, t('来源原句', 'Source sentence')),
        score: 1 + edits.same / sentence.length,
      });
    }
    return settled && covered;
  };

  let start = 0;
  for (let k = 0; k <= text.length; k++) {
    if (k < text.length && !SENTENCE_END.test(text[k])) continue;
    const s = start;
    const e = k < text.length ? k + 1 : k;
    start = e;
    const covered = compare(s, e);
    if (covered && covered[0] <= s + 1 && covered[1] >= e - 1) continue;
    // A sentence that mixes source clauses with new words: compare clause by clause (those the
    // similar source sentence does not cover, where there is one).
    let c0 = s;
    for (let c = s; c <= e; c++) {
      if (c < e && !CLAUSE_END.test(text[c])) continue;
      const c1 = Math.min(e, c + 1);
      if ((c0 > s || c < e) && (!covered || c1 <= covered[0] || c0 >= covered[1])) compare(c0, c1, true);
      c0 = c + 1;
    }
  }
  return out;
}

/** Comparisons kept (see rememberedEdits), and the longest sentence whose comparison is kept. */
const REMEMBERED_EDITS = 2048;
const MAX_REMEMBERED_SENTENCE = 1000;
const editsBySentences = new Map<string, ReturnType<typeof sentenceEdits>>();

/**
 * sentenceEdits, remembered for recent sentences: a paragraph is checked again at every keystroke in
 * it, and its sentences but the one typed in are compared with the same source sentences as before
 * (a character diff each). Oldest out first; keys are strings of their own (see util/ownCopy).
 * Callers read the answer and never change it.
 */
function rememberedEdits(sentence: string, source: string): ReturnType<typeof sentenceEdits> {
  if (sentence.length > MAX_REMEMBERED_SENTENCE || source.length > MAX_REMEMBERED_SENTENCE) return sentenceEdits(sentence, source);
  const key = sentence + '\u0001' + source;
  if (editsBySentences.has(key)) return editsBySentences.get(key);
  const edits = sentenceEdits(sentence, source);
  if (editsBySentences.size >= REMEMBERED_EDITS) editsBySentences.delete(editsBySentences.keys().next().value as string);
  editsBySentences.set(ownCopy(key), edits);
  return edits;
}

/**
 * How a draft sentence differs from the source sentence it nearly repeats: character by character
 * when the aligned source words are as long as the sentence (substitutions only), else by diff.
 */
function sentenceEdits(sentence: string, wholeSource: string): { list: AlignEdit[]; same: number } | undefined {
  const source = anchoredPart(sentence, wholeSource);
  // At least `need` characters must be shared: a shortest edit script longer than this bound
  // shares fewer (insertions + deletions = both lengths − 2 × shared), so the diff may stop there.
  const need = Math.ceil(0.75 * sentence.length);
  const a = align(sentence, source, true, sentence.length + source.length - 2 * need);
  if (!a) return undefined;
  let list = a.edits;
  let same = a.same;
  const window = source.slice(a.sourceStart, a.sourceEnd);
  if (window.length === sentence.length) {
    list = [];
    same = 0;
    for (let i = 0; i < sentence.length; i++) {
      if (sentence[i] === window[i]) {
        same++;
        continue;
      }
      const last = list[list.length - 1];
      if (last && last.end === i) {
        last.end++;
        last.replacement += window[i];
      } else list.push({ start: i, end: i + 1, replacement: window[i] });
    }
  }
  // Words before or after the repeated part (这一|国际关系新理念…) are the draft's own: no edit to count.
  const inner = list.filter((e) => e.start > 0 && e.end < sentence.length).length;
  if (same < 0.75 * sentence.length || list.length === 0 || inner > Math.max(3, sentence.length / 8)) return undefined;
  return { list, same };
}


/** Keeps the best of overlapping candidates. */
function bestNonOverlapping(cands: Candidate[]): RuleFinding[] {
  const chosen: Candidate[] = [];
  for (const c of [...cands].sort((a, b) => b.score - a.score || a.start - b.start)) {
    if (chosen.some((x) => x.start < c.end && c.start < x.end)) continue;
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start).map(({ score: _score, sourceSlip: _slip, ...f }) => f);
}

export const termTypoRule: Rule = {
  id: 'term-typo',
  description: '与来源规范表述相差一字的疑似错字、割裂术语的引号、近乎照抄来源却有错字的句子',
  defaultSeverity: 'warning',
  safe: false,
  check(p: ParagraphDoc, ctx: RuleContext): RuleFinding[] {
    const index = ctx.index;
    const usage = usageSlips(p.text);
    // (The sources' own evidence, with its source place, comes before the list's: 全球文明倡|意.)
    const parallel = parallelItemSlips(p.text, index);
    if (index.isEmpty) return [...usage, ...bestNonOverlapping(parallel)].sort((a, b) => a.start - b.start);
    const split = splitQuotes(p.text, index);
    // Where the draft repeats a source sentence nearly verbatim, that sentence is the authority:
    // term look-alikes inside it that the source itself writes are not slips (but 防危杜渐 where
    // the source has 防微杜渐 is) — unless the source's own sentence carries one of its slips
    // (提高我国资旅产业…, copied with the slip).
    const strongSpans: StrongSpan[] = [];
    const fromSentences = nearSentences(p, index, strongSpans);
    const asWritten = (c: Candidate) => p.text.slice(Math.max(0, c.start - 1), c.end + 1);
    const gaps: GapHit[] = [];
    const fromTerms = nearTerms(p, index, gaps).filter((c) => c.sourceSlip || !strongSpans.some((r) => r.start <= c.start && c.end <= r.end && r.source.includes(asWritten(c))));
    // known[a]: the sources write p.text[a] p.text[a + 1] (one pass for the two checks that read it).
    const known = sourcePairsAt(p.text, index);
    const rest = bestNonOverlapping([...fromTerms, ...fromSentences, ...quotedSoundAlikes(p.text, index), ...quotedTermSlips(p.text, index), ...nearSourceWording(p, index, known), ...nearSourceRuns(p, index, known), ...gappedTerms(p, index, gaps), ...headSwaps(p, index), ...listSlips(p.text, index).filter((c) => !quotedByQuoteRule(p.text, c)), ...titleSlips(p.text, index), ...sourceWordSlips(p, index, known).filter((c) => !quotedByQuoteRule(p.text, c)), ...nearSynonymSlips(p, index, known).filter((c) => !quotedByQuoteRule(p.text, c)), ...authorNameSlips(p, index), ...acronymSlips(p.text, index), ...nameConjunctionSlips(p.text, index), ...personOfficeSlips(p.text, index), ...parallel]).filter(
      (f) => !split.some((s) => s.start < f.end && f.start < s.end) && !timeChanged(p, f),
    );
    return [...split, ...rest, ...usage].sort((a, b) => a.start - b.start);
  },
};

/**
 * A time word of the draft's made another by the fix (26日下午 beside their 上午, 今年 beside 去年): an
 * update of the facts, like a number, not a slip.
 */
function timeChanged(p: ParagraphDoc, f: RuleFinding): boolean {
  if (f.end - f.start > 2 || !f.replacements.length) return false;
  const word = p.words().word(f.start);
  if (!word || word.end < f.end || dictEntry(word.text)?.pos !== 't') return false;
  const fixed = p.text.slice(word.start, f.start) + f.replacements[0] + p.text.slice(f.end, word.end);
  return dictEntry(fixed)?.pos === 't';
}

/** The sources' terms with their last word swapped with the word before it, built once per index. */
interface HeadSwapTable {
  forms: AhoCorasick;
  right: string[];
}
const headSwapsByIndex = new WeakMap<CorpusIndex, HeadSwapTable>();
/** Fewest words of a term whose last two swapped are looked for (two are a name and a title: 总书记习近平). */
const HEAD_SWAP_WORDS = 3;

function headSwapTable(index: CorpusIndex): HeadSwapTable {
  let table = headSwapsByIndex.get(index);
  if (!table) {
    const forms: string[] = [];
    const right: string[] = [];
    for (const info of index.allTerms()) {
      const n = info.text.length;
      // (A name the sources quote again and again, as fixed as its characters: not a phrase they write
      // in more than one order, 保护传承利用 beside 保护利用传承, 共同发展繁荣.)
      if (n < 5 || n > MAX_TERM || !info.kinds.has('quoted') || info.count < QUOTED_NAME_USES || !isCjkRun(info.text) || !trusted(info)) continue;
      const words = tokenize(info.text);
      if (words.length < HEAD_SWAP_WORDS) continue;
      const [before, head] = words.slice(-2);
      // (Two verbs in a row are as often a list in any order: 保护传承利用 beside 保护利用传承.)
      if (before.text.length < 2 || head.text.length < 2 || [before, head].every((w) => dictEntry(w.text)?.pos === 'v')) continue;
      const form = info.text.slice(0, before.start) + head.text + before.text;
      if (index.frequency(form) > 0 || isDictWord(form)) continue;
      forms.push(form);
      right.push(info.text);
    }
    table = { forms: new AhoCorasick(forms), right };
    headSwapsByIndex.set(index, table);
  }
  return table;
}

/**
 * A term of the sources of three words or more with its last word typed before the one it follows
 * (上海组织合作 for 上海合作组织), as whole words of the draft, where the sources never write that.
 */
function headSwaps(p: ParagraphDoc, index: CorpusIndex): Candidate[] {
  const table = headSwapTable(index);
  if (!table.right.length) return [];
  const out: Candidate[] = [];
  let words: Words | undefined;
  table.forms.forEachMatch(p.text, (end, id) => {
    const start = end - table.forms.patterns[id].length;
    words ??= p.words();
    if (!words.aligned(start, end)) return;
    const form = p.text.slice(start, end);
    out.push({ start, end, message: describe(form, table.right[id]), replacements: [table.right[id]], score: 1.5 });
  });
  return out;
}

/** Fewest items of a draft's list compared with the sources' lists (互信、互利、平等、协商…); three of long ones (全球发展倡议、…). */
const MIN_LIST_ITEMS = 4;
const MIN_LONG_LIST_ITEMS = 3;
const LONG_LIST_ITEM = 6;
/** Characters of the list's other items that must be the sources' in place. */
const MIN_LIST_CONTEXT = 8;
/** Longest item of such a list (the last may run on into the words after it, up to MAX_LIST_RUN). */
const MAX_LIST_ITEM = 8;
const MAX_LIST_RUN = 24;
/** Characters the first items of two lists share at their end that make them the same item. */
const RUN_ON_ALIKE = 2;

/**
 * A list that the sources write, of four items or more (three of six characters), with two neighbouring items in each other's
 * place (平等、互鉴、包容、对话 for …对话、包容; 互利、互信 for 互信、互利) or an inner item's words
 * changed, a word of it kept (尊重多元文明 for 尊重多样文明, 维护粮食安全 for 维护国际粮食安全): the
 * sources' fixed formula, misremembered. The first and last items may run on into the words around
 * the list, the draft's or the source's (倡导和践行|平等, 包容|的文明观).
 */
function listSlips(text: string, index: CorpusIndex): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/\p{Script=Han}{1,12}(?:、\p{Script=Han}{1,12}){2,}/gu)) {
    const items = m[0].split('、');
    const n = items.length;
    const starts: number[] = [];
    for (let k = 0, at = m.index; k < n; at += items[k].length + 1, k++) starts.push(at);
    // (The last item as far as its Chinese run goes: 更富活力的高质量发展新阶段.)
    let runEnd = starts[n - 1] + items[n - 1].length;
    while (runEnd < text.length && runEnd - starts[n - 1] < MAX_LIST_RUN && isCjkCode(text.charCodeAt(runEnd))) runEnd++;
    items[n - 1] = text.slice(starts[n - 1], runEnd);
    const inner = items.slice(1, -1);
    if (n < (inner.every((x) => x.length >= LONG_LIST_ITEM) ? MIN_LONG_LIST_ITEMS : MIN_LIST_ITEMS) || inner.some((x) => x.length > MAX_LIST_ITEM) || index.frequency(m[0]) > 0) continue;
    let found: Candidate | undefined;
    // Found in the sources by an inner item; compared item by item where the source's list has as many.
    for (let anchor = 1; anchor < n - 1 && !found; anchor++) {
      for (const at of index.suffixArray.positions(`、${items[anchor]}`, MAX_WORDING_POSITIONS)) {
        // The source's list around it, in its clause.
        // (Bounded: a source without marks would make it a scan of the whole.)
        let from = at;
        while (from > 0 && at - from < MAX_LIST_SPAN && !LIST_CLAUSE_END.test(index.joined[from - 1])) from--;
        let to = at + items[anchor].length + 1;
        while (to < index.joined.length && to - at < MAX_LIST_SPAN && !LIST_CLAUSE_END.test(index.joined[to])) to++;
        const theirs = index.joined.slice(from, to).split('、');
        if (theirs.length !== n) continue;
        found = compareLists(items, theirs, starts, index);
        if (found) break;
      }
    }
    if (found) out.push(found);
  }
  return out;
}

/** The one slip that makes the draft's list of `items` (at `starts`) the source's `theirs` (as many items), if any. */
function compareLists(items: string[], theirs: string[], starts: number[], index: CorpusIndex): Candidate | undefined {
  // (The last items whole first — 全球安全倡议 for 全球文明倡议 share their 倡议 — then without the words they run on into.)
  const found = compareListsAs(items, theirs, starts, false) ?? compareListsAs(items, theirs, starts, true);
  // Two items the sources also write in the draft's order elsewhere come in either order (依法治理、综合治理).
  const swapped = found?.replacements[0].includes('、') ? found.replacements[0].split('、').reverse().join('、') : undefined;
  return swapped && index.frequency(swapped) > 0 ? undefined : found;
}

function compareListsAs(items: string[], theirs: string[], starts: number[], stripRunOn: boolean): Candidate | undefined {
  const n = items.length;
  const ours = items.slice();
  const their = theirs.slice();
  // The last items differ before the words they run on into alike (对话|的文明观, 包容|的文明观).
  const startsAlike = (a: string, b: string) => a.startsWith(b) || b.startsWith(a);
  if (stripRunOn && !startsAlike(ours[n - 1], their[n - 1])) {
    // (Each keeps a character of its own.)
    const tail = Math.min(sharedEnd(ours[n - 1], their[n - 1]), ours[n - 1].length - 1, their[n - 1].length - 1);
    if (tail > 0) {
      ours[n - 1] = ours[n - 1].slice(0, -tail);
      their[n - 1] = their[n - 1].slice(0, -tail);
    }
  }
  // (The first items alike in their last words, whatever came before the list: 要|构建类型多样, 推动|构建类型多样.)
  const same = (k: number) => (k === 0 ? sharedEnd(ours[0], their[0]) >= Math.min(RUN_ON_ALIKE, ours[0].length, their[0].length) : k === n - 1 ? startsAlike(ours[k], their[k]) : ours[k] === their[k]);
  const differ: number[] = [];
  for (let k = 0; k < n; k++) if (!same(k)) differ.push(k);
  const context = items.reduce((sum, x, k) => sum + (differ.includes(k) ? 0 : x.length), 0);
  if (context < MIN_LIST_CONTEXT) return undefined;
  if (differ.length === 2 && differ[1] === differ[0] + 1) {
    const [a, b] = differ;
    // The first item's own words are its last characters, as long as the source's item they stand for.
    const first = a === 0 ? (their[0].endsWith(ours[1]) && ours[0].endsWith(their[1]) ? their[1] : undefined) : ours[a];
    if (first === undefined || first !== their[b] || ours[b] !== (a === 0 ? their[0].slice(-ours[1].length) : their[a])) return undefined;
    const start = starts[a] + (a === 0 ? items[0].length - first.length : 0);
    return { start, end: starts[b] + ours[b].length, message: describe(`${first}、${ours[b]}`, `${ours[b]}、${first}`), replacements: [`${ours[b]}、${first}`], score: 1.5 };
  }
  if (differ.length !== 1 || differ[0] === 0 || differ[0] === n - 1) return undefined;
  const k = differ[0];
  const mine = ours[k];
  const right = their[k];
  if (!isCjkRun(right) || right.length > MAX_LIST_ITEM) return undefined;
  // A word of the item kept (尊重|多样|文明).
  const words = tokenize(right);
  if (words.length < 2 || !(mine.startsWith(words[0].text) || mine.endsWith(words[words.length - 1].text))) return undefined;
  let a = 0;
  while (a < mine.length && mine[a] === right[a]) a++;
  let b = 0;
  while (b < mine.length - a && b < right.length - a && mine[mine.length - 1 - b] === right[right.length - 1 - b]) b++;
  // (Words left out are put back between the characters around the gap: 维护|粮食 → 维护国际粮食.)
  if (a + b === mine.length && a > 0 && b > 0) return { start: starts[k] + a - 1, end: starts[k] + a + 1, message: describe(mine, right), replacements: [right.slice(a - 1, right.length - b + 1)], score: 1.5 };
  return { start: starts[k] + a, end: starts[k] + mine.length - b, message: describe(mine, right), replacements: [right.slice(a, right.length - b)], score: 1.5 };
}
/** How many characters two texts share at their end. */
function sharedEnd(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[a.length - 1 - k] === b[b.length - 1 - k]) k++;
  return k;
}

/** Characters looked at on either side of a source's list item for the rest of its clause. */
const MAX_LIST_SPAN = 300;
/** What ends the clause a source's list stands in. */
const LIST_CLAUSE_END = /[，。；：！？…“”‘’《》（）\s]/;

/** What ends a clause, or a quotation or title inside it, for parallelItemSlips. */
const CLAUSE_BOUNDARY = /[，。；：！？“”《》（）]/;
/** Items of a list that end in the same word of two characters before one that ends in another of its sound. */
const MIN_ALIKE_ITEMS = 2;
/** Below the sources' evidence for the same place (scores of 1.5 and more). */
const PARALLEL_ITEM_SCORE = 1;

/**
 * Items of a 、 list end alike (空间韧性、生态韧性、治理韧性): an item that ends in another word of the
 * same sound, as typing by pinyin offers it, is a slip of that ending (治理任性 → 治理韧性). With one
 * item alone to end so, the sources must write the item with that ending and never as typed (人民之上、
 * 生命至上 → 人民至上).
 */
function parallelItemSlips(text: string, index?: CorpusIndex): Candidate[] {
  const out: Candidate[] = [];
  // Only the clauses that hold a 、, each once.
  for (let pause = text.indexOf('、'), clauseEnd = -1; pause >= 0; pause = text.indexOf('、', Math.max(pause + 1, clauseEnd))) {
    let clauseStart = pause;
    while (clauseStart > 0 && !CLAUSE_BOUNDARY.test(text[clauseStart - 1])) clauseStart--;
    clauseEnd = pause;
    while (clauseEnd < text.length && !CLAUSE_BOUNDARY.test(text[clauseEnd])) clauseEnd++;
    const items: Array<{ start: number; text: string }> = [];
    let at = clauseStart;
    for (const piece of text.slice(clauseStart, clauseEnd).split('、')) {
      items.push({ start: at, text: piece });
      at += piece.length + 1;
    }
    // (The last item may run on into the clause: 治理任性|相互关联 — as long as the one before it.)
    const last = items[items.length - 1];
    const before = items[items.length - 2];
    const cut = last.text.length > before.text.length;
    if (cut) last.text = last.text.slice(0, before.text.length);
    // Each item's last two characters ('' for an item of fewer than three).
    const endings = items.map((x) => (x.text.length >= 3 && isCjkRun(x.text.slice(-2)) ? x.text.slice(-2) : ''));
    const counts = new Map<string, number>();
    for (const own of endings) if (own) counts.set(own, (counts.get(own) ?? 0) + 1);
    for (const [shared, count] of counts) {
      // (A word the items share, not two characters of names: 图书馆、美术馆, 湛江市、…港市.)
      if (!isDictWord(shared)) continue;
      for (const [j, x] of items.entries()) {
        const own = endings[j];
        if (!own || own === shared || ![0, 1].every((k) => charReadings(own[k])[0] === charReadings(shared[k])[0])) continue;
        // (A whole item: the last one cut to the length of the one before may end anywhere, 北京师|范大学.)
        if (count < MIN_ALIKE_ITEMS && !(index && !(cut && x === last) && index.frequency(x.text.slice(0, -2) + shared) > 0 && index.frequency(x.text) === 0)) continue;
        const start = x.start + x.text.length - 2;
        out.push({ start, end: start + 2, message: describe(x.text, x.text.slice(0, -2) + shared), replacements: [shared], score: PARALLEL_ITEM_SCORE });
      }
    }
  }
  return out;
}

/** A fixed usage the words themselves get wrong, whatever the sources: the pattern's match, its message and its fix. */
interface UsageSlip {
  pattern: RegExp;
  message: () => string;
  replacement: string;
}

const USAGE_SLIPS: readonly UsageSlip[] = [
  // 截止 (to come to an end) takes no object; before a point in time the word is 截至 (up to):
  // 截止2024年底 → 截至2024年底, while 截止时间, 截止到, 于月底截止 stand.
  {
    pattern: /截止(?=[0-9０-９〇零一二三四五六七八九十]+[年月日号时点]|目前|当前|今年|去年|上年|本年|年底|年末|今天|昨天|日前|本月|上月|本周|上周|现在|发稿)/g,
    message: () => t('「截止」不带宾语，表示“到某时为止”应写作「截至」', '「截止」 (to end) takes no object; before a time write 「截至」 (up to)'),
    replacement: '截至',
  },
  // A plenary session belongs to a Central Committee, numbered by its term (届), not to the congress
  // that elected it (大): 党的二十大三中全会 → 二十届三中全会, 十九大四中全会 → 十九届四中全会.
  {
    pattern: /(?<=[一二三四五六七八九十])大(?=[一二三四五六七八九十]中全会)/g,
    message: () => t('全会按中央委员会的届次称「X届X中全会」，不称「X大X中全会」', "A plenary session is numbered by the Central Committee's term: 「X届X中全会」, not 「X大X中全会」"),
    replacement: '届',
  },
];

function usageSlips(text: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const slip of USAGE_SLIPS) {
    for (const m of text.matchAll(slip.pattern)) out.push({ start: m.index, end: m.index + m[0].length, message: slip.message(), replacements: [slip.replacement] });
  }
  return out;
}
