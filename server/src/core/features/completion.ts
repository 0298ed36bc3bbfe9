// Completion of official wording from the sources. Chinese has no spaces, so the run of Chinese
// characters before the cursor is matched by every suffix against the start of known phrases
// (terms, formulations, titles, quotable statements); a slightly wrong suffix is matched
// fuzzily (fuse.js) or by its sound (上和组 → 上合组织); a run of ASCII letters is read as pinyin initials (rlmy) or full pinyin
// (zhenzhengdeduobian). Lookups are prefix searches in sorted arrays, precomputed once per index.
import Fuse from 'fuse.js';
import { weaklyMined, type CorpusIndex, type TermInfo } from '../index/corpus';
import { toSimplified } from '../lang/variants';
import { charReadings, initials as initialsOf, syllables } from '../lang/pinyin';
import { dictEntry, isDictWord, isFunctionWord, tokenize } from '../lang/segmenter';
import { confusability, shapeSimilarity, soundSimilarity } from '../lang/similarity';
import { t } from '../l10n';
import type { MinedStatement, SourceRef } from '../types';
import { escapeMarkdown, shownSentence, sourceLabel } from './hover';
import { splitsSurrogatePair } from '../text/surrogates';

export type CompletionKind = 'term' | 'formulation' | 'statement' | 'title' | 'alias';

export interface CompletionCandidate {
  label: string;
  insertText: string;
  /** The draft range [replaceStart, replaceEnd) that insertText replaces (the matched typed text). */
  replaceStart: number;
  replaceEnd: number;
  detail: string;
  /** Markdown: a source sentence using the phrase, with its article (written on first read). */
  readonly documentation: string;
  /** Zero-padded rank: lexical order is rank order. */
  sortText: string;
  kind: CompletionKind;
}

export interface CompletionOptions {
  /** Pinyin input (initials or full syllables) is completed; default true. */
  pinyin?: boolean;
  /** Most candidates returned; default 30. */
  limit?: number;
}

interface Entry {
  /** The phrase matched against the typed text. */
  text: string;
  kind: CompletionKind;
  /** Popularity and kind, precomputed. */
  weight: number;
  info?: TermInfo;
  statement?: MinedStatement;
  /** Wording of the sources' text (found by initials or as a continuation), not a term of the index. */
  wording?: boolean;
}

interface SortedKeys {
  keys: string[];
  ids: Int32Array;
}

interface PinyinKeys {
  initials: SortedKeys;
  full: SortedKeys;
  /** Syllable count per entry (0 when the entry has no pinyin key). */
  syllableCount: Uint16Array;
  /** Syllable lengths per entry. */
  syllableLengths: Array<number[] | undefined>;
}

interface CompletionData {
  entries: Entry[];
  /** Per UTF-16 unit of the sources' joined text, the initial of a Chinese character's usual reading ('.' otherwise). */
  sourceInitials?: { text: string; initials: string };
  /** The toneless syllables of the sources' characters (fullPinyinWording). */
  sourceSyllables?: Set<string>;
  /** Entries made for source wording (found by initials or as a continuation), by text; they follow the index's entries from wordingBase on. */
  wordingIds?: Map<string, number>;
  wordingBase?: number;
  byText: SortedKeys;
  /** Bigram (among an entry's first characters) → entry ids, for fuzzy candidates. */
  bigrams?: Map<string, number[]>;
  pinyin?: PinyinKeys;
  /** The trusted terms a continuation's cut may fall inside, sorted (see termEndAcross). */
  acrossTerms?: string[];
}

const DEFAULT_LIMIT = 30;
/** Longest typed suffix tried. */
const MAX_SUFFIX = 40;
/** Entries scanned per prefix range (popular ones are not guaranteed beyond this). */
const MAX_SCAN = 20000;
/** Characters of an entry's start indexed for fuzzy lookup. */
const FUZZY_HEAD = 10;
/** Bigrams in more entries than this are skipped when gathering fuzzy candidates. */
const FUZZY_STOP = 3000;
const MAX_PINYIN_TEXT = 24;
const CJK_CHAR = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3007]/;
const KIND_BONUS: Record<CompletionKind, number> = { term: 3, alias: 2, formulation: 1.5, title: 1, statement: 0.5 };

const caches = new WeakMap<CorpusIndex, CompletionData>();

function sortKeys(keys: string[], ids: number[]): SortedKeys {
  const order = ids.map((id, i) => ({ id, key: keys[i] }));
  order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { keys: order.map((o) => o.key), ids: Int32Array.from(order.map((o) => o.id)) };
}

function lowerBound(keys: string[], s: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The [from, to) range of keys starting with `prefix`. */
function prefixRange(sorted: SortedKeys, prefix: string): [number, number] {
  const from = lowerBound(sorted.keys, prefix);
  // Keys sharing the prefix are contiguous; binary search for the end.
  let lo = from;
  let hi = sorted.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted.keys[mid].startsWith(prefix)) lo = mid + 1;
    else hi = mid;
  }
  return [from, lo];
}

function termKind(info: TermInfo): CompletionKind {
  if (info.kinds.has('title')) return 'title';
  if (info.fullForm) return 'alias';
  if (info.kinds.has('quoted') || info.kinds.has('defined')) return 'term';
  return 'formulation';
}

function popularity(count: number, articles: number): number {
  return 1.5 * Math.log2(1 + count) + 2 * Math.log2(1 + articles);
}

function data(index: CorpusIndex): CompletionData {
  let d = caches.get(index);
  if (d) return d;
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const info of index.allTerms()) {
    if (info.text.length < 2 || (info.count === 0 && !info.definition && !info.fullForm)) continue;
    const kind = termKind(info);
    seen.add(info.text);
    entries.push({ text: info.text, kind, weight: popularity(info.count, info.articles) + KIND_BONUS[kind] + (info.definition ? 1 : 0), info });
  }
  const statementCounts = new Map<string, number>();
  for (const s of index.statements) statementCounts.set(s.text, (statementCounts.get(s.text) ?? 0) + 1);
  for (const s of index.statements) {
    if (seen.has(s.text)) continue;
    seen.add(s.text);
    entries.push({ text: s.text, kind: 'statement', weight: popularity(statementCounts.get(s.text) ?? 1, 1) + KIND_BONUS.statement + (s.speaker ? 1 : 0), statement: s });
  }
  d = { entries, byText: sortKeys(entries.map((e) => e.text), entries.map((_, i) => i)) };
  caches.set(index, d);
  return d;
}

/**
 * The index's own entries, without those made for source wording: the lookups built over them must
 * not hold wording entries, which are dropped between requests (their ids would point past the end).
 */
function indexEntries(d: CompletionData): Entry[] {
  return d.wordingBase === undefined ? d.entries : d.entries.slice(0, d.wordingBase);
}

function bigramIndex(d: CompletionData): Map<string, number[]> {
  if (d.bigrams) return d.bigrams;
  const map = new Map<string, number[]>();
  indexEntries(d).forEach((e, id) => {
    if (e.kind === 'statement') return;
    const head = e.text.slice(0, FUZZY_HEAD);
    const local = new Set<string>();
    for (let i = 0; i + 1 < head.length; i++) {
      const g = head.slice(i, i + 2);
      if (local.has(g)) continue;
      local.add(g);
      const list = map.get(g);
      if (list) list.push(id);
      else map.set(g, [id]);
    }
  });
  d.bigrams = map;
  return map;
}

function pinyinKeys(d: CompletionData): PinyinKeys {
  if (d.pinyin) return d.pinyin;
  const initials: string[] = [];
  const full: string[] = [];
  const ids: number[] = [];
  const entries = indexEntries(d);
  const syllableCount = new Uint16Array(entries.length);
  const syllableLengths: Array<number[] | undefined> = new Array(entries.length);
  entries.forEach((e, id) => {
    if (e.kind === 'statement' || e.text.length > MAX_PINYIN_TEXT || !CJK_CHAR.test(e.text)) return;
    const syl = syllables(e.text).filter(Boolean);
    if (!syl.length) return;
    syllableCount[id] = syl.length;
    syllableLengths[id] = syl.map((x) => x.length);
    initials.push(syl.map((s) => s[0]).join(''));
    full.push(syl.join(''));
    ids.push(id);
  });
  d.pinyin = { initials: sortKeys(initials, ids), full: sortKeys(full, ids), syllableCount, syllableLengths };
  return d.pinyin;
}

/** Precomputes the lookups for an index (pinyin keys included), so the first request is fast too. */
export function prepareCompletion(index: CorpusIndex): void {
  const d = data(index);
  bigramIndex(d);
  pinyinKeys(d);
  sourceInitials(index, d);
  acrossTerms(index, d);
}

interface Match {
  id: number;
  /** Typed characters replaced: [offset - typed, offset). */
  typed: number;
  score: number;
  /** Read with words skipped between the typed characters (see skippingContinuations). */
  skips?: boolean;
}

function isCjk(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
    const h = text.charCodeAt(i - 1);
    return h >= 0xd840 && h <= 0xd8bf; // Extension B…H ideographs (U+20000–U+2FFFF)
  }
  if (c >= 0xd840 && c <= 0xd8bf) return true;
  return CJK_CHAR.test(text[i]);
}

/** Start of the run of Chinese characters ending at `offset`. */
function cjkRunStart(text: string, offset: number): number {
  let s = offset;
  while (s > 0 && isCjk(text, s - 1) && offset - s < 200) s--;
  // Never split a surrogate pair.
  if (s < offset && text.charCodeAt(s) >= 0xdc00 && text.charCodeAt(s) <= 0xdfff) s++;
  return s;
}

function editDistance(a: string, b: string): number {
  const prev = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** Phrases whose start equals a suffix of the typed run (of minLen characters or more); longer suffixes first. */
function prefixMatches(d: CompletionData, run: string, best: Map<number, Match>, minLen = 1, wholeToo = false): void {
  const maxLen = Math.min(run.length, MAX_SUFFIX);
  for (let len = maxLen; len >= minLen; len--) {
    const suffix = run.slice(run.length - len);
    if (len === 1 && best.size >= 60) break;
    const [from, to] = prefixRange(d.byText, suffix);
    const stop = Math.min(to, from + MAX_SCAN);
    for (let k = from; k < stop; k++) {
      const id = d.byText.ids[k];
      const e = d.entries[id];
      if (e.text.length === len && !wholeToo) continue; // already typed in full
      if (e.kind === 'statement' && len < 2) continue;
      if (best.has(id)) continue;
      // Matched characters dominate; then popularity; long remainders cost a little.
      const score = len * 10 + e.weight - 0.15 * (e.text.length - len) + (len === run.length ? 1 : 0) - (len === 1 ? 6 : 0);
      best.set(id, { id, typed: len, score });
    }
  }
}

/** Uses in the dictionary below which a lone character is a piece of a word, not a word (笃: see continuationMatches). */
const STRAY_PIECE_FREQ = 5000;

/** Longest title looked for back from the cursor to its 《. */
const MAX_OPEN_TITLE = 60;

/** What is typed after a 《 not yet closed, if the cursor is inside one (no clause mark between). */
function openTitleBefore(text: string, offset: number): string | undefined {
  for (let k = offset - 1; k >= 0 && offset - k <= MAX_OPEN_TITLE; k--) {
    const c = text[k];
    if (c === '《') return offset - k - 1 >= 2 ? text.slice(k + 1, offset) : undefined;
    if (/[》，。；！？\n]/.test(c)) return undefined;
  }
  return undefined;
}

/** The sources' titles that begin with everything typed after 《. */
function titleMatches(d: CompletionData, typed: string, best: Map<number, Match>): void {
  const [from, to] = prefixRange(d.byText, typed);
  for (let k = from; k < Math.min(to, from + MAX_SCAN); k++) {
    const id = d.byText.ids[k];
    const e = d.entries[id];
    if (e.kind !== 'title' || e.text === typed || best.has(id)) continue;
    best.set(id, { id, typed: typed.length, score: typed.length * 10 + e.weight });
  }
}

/** How like the phrase's character the one just typed must be to be its slip (亨/享 0.7, 连/运 0.75). */
const SLIP_AT_CURSOR = 0.7;

/** Phrases whose start nearly equals a suffix of the typed run (one wrong, missing or extra character). */
function fuzzyMatches(d: CompletionData, run: string, best: Map<number, Match>): void {
  if (run.length < 3) return;
  const bigrams = bigramIndex(d);
  const found = new Map<number, Match>();
  for (let k = Math.min(run.length, FUZZY_HEAD - 1); k >= 3; k--) {
    const q = run.slice(run.length - k);
    const votes = new Map<number, number>();
    for (let i = 0; i + 1 < q.length; i++) {
      const list = bigrams.get(q.slice(i, i + 2));
      if (!list || list.length > FUZZY_STOP) continue;
      for (const id of list) votes.set(id, (votes.get(id) ?? 0) + 1);
    }
    const need = Math.max(1, k - 1 - 2);
    const cands = [...votes].filter(([id, v]) => v >= need && !best.has(id)).sort((a, b) => b[1] - a[1]).slice(0, 300);
    if (!cands.length) continue;
    const allowed = k >= 6 ? 2 : 1;
    const items = cands.map(([id]) => ({ id, head: d.entries[id].text.slice(0, k + allowed) }));
    const fuse = new Fuse(items, { keys: ['head'], includeScore: true, threshold: 0.45, location: 0, distance: 8, isCaseSensitive: true });
    for (const r of fuse.search(q, { limit: 50 })) {
      const e = d.entries[r.item.id];
      // Anchored at a real character: the window's first character starts the phrase (a typo
      // further on is fixed; words typed before the phrase are not replaced).
      // Nor is a phrase typed in full and gone past (可持续发展|城): completing it would delete the rest.
      if (e.text === q || e.text[0] !== q[0] || q.startsWith(e.text)) continue;
      // The character just typed is where the phrase has it (give or take the slip): a phrase that
      // differs at the cursor is not the one being typed (上合组织行稳 is no 上合组织行动).
      // (…or one like it in look or sound, the slip itself: 共商共建共亨 → 共享, 组织命连 → 命运.)
      // (Two characters further where two may be missing: a word left out, 上海合作|命运共同体.)
      if (!e.text.slice(Math.max(0, k - 2), k + allowed).includes(q[k - 1]) && !(k - 1 < e.text.length && confusability(q[k - 1], e.text[k - 1]) >= SLIP_AT_CURSOR)) continue;
      // The part of the phrase the typed suffix stands for, and its distance.
      let dist = Infinity;
      for (const n of allowed === 2 ? [k, k - 1, k + 1, k + 2] : [k, k - 1, k + 1]) {
        if (n < 2 || n > e.text.length) continue;
        dist = Math.min(dist, editDistance(q, e.text.slice(0, n)));
      }
      if (dist === 0 || dist > allowed) continue;
      const score = (k - 1.5 * dist) * 10 + e.weight - 0.15 * Math.max(0, e.text.length - k) - 10 * (r.score ?? 0);
      const known = found.get(r.item.id);
      if (!known || known.score < score) found.set(r.item.id, { id: r.item.id, typed: k, score });
    }
  }
  for (const [id, m] of found) best.set(id, m);
}

/** Typed characters a phrase read with one of them corrected must take in to correct the run by. */
const MIN_CORRECTED = 3;

/** Where `typed` differs from `head` of the same length in exactly one character, or -1. */
function oneSubstitution(typed: string, head: string): number {
  if (typed.length !== head.length) return -1;
  let at = -1;
  for (let j = 0; j < typed.length; j++) {
    if (typed[j] === head[j]) continue;
    if (at >= 0) return -1;
    at = j;
  }
  return at;
}

/** Score a phrase found through the typed run with its slip corrected gives up against one found as typed. */
const CORRECTED_PENALTY = 15;

/**
 * Phrases that begin with the end of the typed run, and the sources' wording after it, once the best
 * fuzzy match has corrected its one wrong character (持续推进农业专移 → …农业转移 → 农业转移人口市民化):
 * what the typed words would have offered, typed right. Only phrases whose typed part takes in the corrected character are offered:
 * the others would leave the slip in place.
 */
function correctedMatches(index: CorpusIndex, d: CompletionData, run: string, best: Map<number, Match>): void {
  // The best phrase that reads the typed characters with one of them another (fuzzily, by its sound).
  let top: Match | undefined;
  let slip = -1;
  for (const m of best.values()) {
    if (m.skips || m.typed < MIN_CORRECTED || (top && m.score <= top.score)) continue;
    const at = oneSubstitution(run.slice(run.length - m.typed), d.entries[m.id].text.slice(0, m.typed));
    if (at < 0) continue;
    top = m;
    slip = at;
  }
  if (!top) return;
  const head = d.entries[top.id].text.slice(0, top.typed);
  const corrected = run.slice(0, run.length - top.typed) + head;
  const more = new Map<number, Match>();
  const least = Math.max(2, top.typed - slip);
  prefixMatches(d, corrected, more, least);
  // …and how the sources go on after the corrected words.
  const inSources = longestSuffixInSources(index, corrected);
  if (inSources && inSources.suffix.length >= least) continuationMatches(index, d, inSources, more);
  // (Below the phrase that corrected the run: it is what the writer was typing.)
  for (const [id, m] of more) if (!best.has(id) && m.typed >= least && !m.skips) best.set(id, { ...m, score: Math.min(m.score - CORRECTED_PENALTY, top.score - 1) });
}

/** Fewest typed characters of a phrase typed with a word left out (see gappedMatches), and the most it leaves out. */
const MIN_GAPPED_TYPED = 6;
const MAX_GAP = 6;
/** Longest typed suffix tried as wording with a word left out, and places of the sources looked at per try. */
const MAX_GAPPED_TYPED = 16;
const MAX_GAPPED_PLACES = 50;
/** Most characters a phrase takes in after the typed ones to end the word they end inside. */
const MAX_WORD_END = 4;

/**
 * The sources' wording that the typed run's end spells with a word left out: its first two to four
 * characters, a word of up to six, then four typed characters or more as they go on (城市生命线安全工程
 * → 城市基础设施生命线安全工程): a long name typed from memory. Looked for only where no phrase takes in
 * five typed characters or more.
 */
function gappedMatches(index: CorpusIndex, d: CompletionData, run: string, best: Map<number, Match>): void {
  for (const m of best.values()) if (m.typed >= 5) return;
  const joined = index.joined;
  for (let k = Math.min(run.length, MAX_GAPPED_TYPED); k >= MIN_GAPPED_TYPED; k--) {
    const q = run.slice(run.length - k);
    const found = new Map<string, number>();
    for (let a = 2; a <= 4 && k - a >= 4; a++) {
      const head = q.slice(0, a);
      const rest = q.slice(a);
      for (const pos of index.suffixArray.positions(rest, MAX_GAPPED_PLACES)) {
        for (let gap = 1; gap <= MAX_GAP && pos - gap - a >= 0; gap++) {
          if (!CJK_CHAR.test(joined[pos - gap])) break;
          if (!joined.startsWith(head, pos - gap - a)) continue;
          // (Typed to the middle of a word of theirs, 生命线安|全: the phrase takes the whole word.)
          const from = pos - gap - a;
          const window = joined.slice(from, pos + rest.length + MAX_WORD_END);
          const typedEnd = window.length - MAX_WORD_END;
          const endsWord = isDictWord(window.slice(typedEnd - 2, typedEnd)) || isDictWord(window.slice(typedEnd - 3, typedEnd));
          const last = endsWord ? undefined : tokenize(window).find((w) => w.start < typedEnd && w.end > typedEnd);
          const end = last && /^[\u3400-\u9fff]+$/.test(last.text) ? from + last.end : pos + rest.length;
          found.set(joined.slice(from, end), gap);
        }
      }
    }
    for (const [phrase, gap] of found) {
      const id = wordingEntry(index, d, phrase);
      const score = (k - gap / 2) * 10 + d.entries[id].weight;
      const known = best.get(id);
      if (!known || known.score < score) best.set(id, { id, typed: k, score });
    }
    if (found.size) return;
  }
}

/**
 * Phrases whose start is a suffix of the typed run with two neighbouring characters, or two
 * neighbouring parts of two, swapped back (人类运命共同 → 人类命运共同体, 霸权霸凌霸道 → 霸权霸道霸凌): a
 * slip the character bigrams of the fuzzy search miss, as it breaks two of them at once. The swap
 * lies inside the part typed, which is long enough to tell; the phrase may be all of it.
 */
function swappedMatches(d: CompletionData, run: string, best: Map<number, Match>): void {
  const from = Math.max(0, run.length - MAX_SUFFIX);
  for (const size of [1, 2]) {
    for (let i = from; i + 2 * size <= run.length; i++) {
      const a = run.slice(i, i + size);
      const b = run.slice(i + size, i + 2 * size);
      if (a === b) continue;
      const swapped = run.slice(0, i) + b + a + run.slice(i + 2 * size);
      const found = new Map<number, Match>();
      // The part typed takes in the swap and some more; one swap costs as a wrong character does.
      prefixMatches(d, swapped, found, Math.max(MIN_SWAPPED_TYPED, run.length - i), true);
      for (const m of found.values()) {
        // (Not where the characters as typed begin a phrase too: the sources write both orders.)
        const [lo, hi] = prefixRange(d.byText, run.slice(run.length - m.typed));
        if (best.has(m.id) || hi > lo) continue;
        best.set(m.id, { ...m, score: m.score - 15 });
      }
    }
  }
}
/** Characters typed, swap included, that a swapped reading needs (运命 alone is a word). */
const MIN_SWAPPED_TYPED = 4;

/**
 * Phrases whose start sounds like a suffix of the typed run but is written with a different
 * character or two (上和组 → 上合组织): a homophone typed by pinyin, which the character bigrams of
 * the fuzzy search cannot see when a short suffix has one wrong character.
 * `afterQuote`: the run opens right after “ or 《, which anchors it in place of its first character
 * (新时代“风桥 → 枫桥经验: the whole name is being typed from its start).
 */
function homophoneMatches(d: CompletionData, run: string, best: Map<number, Match>, afterQuote = false): void {
  const tail = run.slice(-Math.min(run.length, 6));
  if (tail.length < 2 || tail.length !== [...tail].length) return; // astral characters: no aligned syllables
  const readings = syllables(tail);
  if (readings.length !== tail.length) return;
  const keys = pinyinKeys(d);
  for (let k = tail.length; k >= 2; k--) {
    const q = tail.slice(tail.length - k);
    const key = readings.slice(readings.length - k).join('');
    const [from, to] = prefixRange(keys.full, key);
    for (let n = from; n < Math.min(to, from + MAX_SCAN); n++) {
      const id = keys.full.ids[n];
      const e = d.entries[id];
      if (e.text.length <= k || best.has(id)) continue;
      // The typed syllables must be whole syllables of the phrase (shanghe is not shang|hen…).
      const lengths = keys.syllableLengths[id] ?? [];
      if (lengths.slice(0, k).reduce((a, b) => a + b, 0) !== key.length) continue;
      let wrong = 0;
      for (let i = 0; i < k; i++) if (e.text[i] !== q[i]) wrong++;
      // Anchored like the fuzzy search: the first character is right, and most of the others.
      if (wrong === 0 || (e.text[0] !== q[0] && !(afterQuote && k === run.length)) || wrong > (k >= 5 ? 2 : 1)) continue;
      const score = (k - 1.5 * wrong) * 10 + e.weight - 0.15 * (e.text.length - k);
      best.set(id, { id, typed: k, score });
    }
  }
}

/** Score of a phrase begun in characters and continued in pinyin, before the characters' count (above pinyin alone: 100). */
const MIXED_BASE = 110;
/** Chinese characters before pinyin letters tried as the start of a phrase (文旅chan → 文旅产业). */
const MAX_MIXED_HEAD = 8;
const MIN_MIXED_HEAD = 2;
/** Phrases looked at per typed head. */
const MAX_MIXED_SCAN = 2000;

/**
 * Phrases that start with Chinese characters typed before the letters and go on with characters
 * whose pinyin (initials or full) starts with the letters (文旅chan, 文旅cy → 文旅产业): a writer
 * switches to pinyin mid-phrase. The items replace the characters and the letters.
 */
function mixedMatches(d: CompletionData, run: string, letters: string, best: Map<number, Match>): void {
  const input = letters.toLowerCase();
  for (let k = Math.min(run.length, MAX_MIXED_HEAD); k >= MIN_MIXED_HEAD; k--) {
    const head = run.slice(run.length - k);
    const [from, to] = prefixRange(d.byText, head);
    let found = false;
    for (let n = from; n < Math.min(to, from + MAX_MIXED_SCAN); n++) {
      const id = d.byText.ids[n];
      const e = d.entries[id];
      if (e.kind === 'statement' || e.text.length <= k || e.text.length > MAX_PINYIN_TEXT) continue;
      const rest = syllables(e.text.slice(k));
      if (rest.some((x) => !x)) continue;
      const full = rest.join('');
      const initials = rest.map((x) => x[0]).join('');
      const exact = full === input || initials === input;
      if (!full.startsWith(input) && !initials.startsWith(input)) continue;
      // The longer the typed head, the surer; the fewer syllables left over, the better.
      const extra = Math.max(0, rest.length - Math.max(1, initials.startsWith(input) ? input.length : 1));
      const score = MIXED_BASE + 2 * k + (exact ? 4 : 0) - 2.5 * extra + e.weight;
      const known = best.get(id);
      if (!known || known.score < score) best.set(id, { id, typed: k + letters.length, score });
      found = true;
    }
    if (found) return;
  }
}

/** Phrases whose pinyin initials or full pinyin start with the typed letters. */
function pinyinMatches(d: CompletionData, letters: string, best: Map<number, Match>): void {
  const keys = pinyinKeys(d);
  const input = letters.toLowerCase();
  const add = (id: number, covered: number, exact: boolean, bonus: number) => {
    const e = d.entries[id];
    const extra = Math.max(0, keys.syllableCount[id] - covered);
    // The shortest phrase whose pinyin starts with the input comes first; popularity breaks ties.
    const score = 100 + bonus + (exact ? 4 : 0) - 2.5 * extra + e.weight;
    const known = best.get(id);
    if (!known || known.score < score) best.set(id, { id, typed: letters.length, score });
  };
  {
    const [from, to] = prefixRange(keys.initials, input);
    for (let k = from; k < Math.min(to, from + MAX_SCAN); k++) add(keys.initials.ids[k], input.length, keys.initials.keys[k] === input, 0);
  }
  if (input.length >= 2) {
    const [from, to] = prefixRange(keys.full, input);
    for (let k = from; k < Math.min(to, from + MAX_SCAN); k++) {
      const id = keys.full.ids[k];
      const syl = keys.syllableLengths[id] ?? [];
      // Syllables the input covers (a partly typed last syllable counts).
      let covered = 0;
      let at = 0;
      while (covered < syl.length && at < input.length) {
        at += syl[covered];
        covered++;
      }
      add(id, covered, keys.full.keys[k] === input, 1);
    }
  }
}

/** Fewest initials for which source wording is searched (fewer match too much of any text). */
const MIN_WORDING_INITIALS = 4;
/** Most occurrences of the initials looked at in the sources, and most distinct phrases segmented. */
const MAX_WORDING_HITS = 400;
const MAX_WORDING_PHRASES = 12;

/** The sources' text and the initial of each character, built once per index (prepareCompletion). */
function sourceInitials(index: CorpusIndex, d: CompletionData): { text: string; initials: string } {
  if (d.sourceInitials) return d.sourceInitials;
  const text = index.joined;
  // One byte per UTF-16 unit: a table by char code (0 = not looked up yet) spares a map lookup and
  // a string per character; pinyin-pro is asked once per distinct character.
  const table = new Uint8Array(0x10000);
  const bytes = Buffer.alloc(text.length, DOT);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letter = table[code];
    if (letter === 0) {
      letter = isCjk(text, i) ? initialsOf(text[i]).charCodeAt(0) || DOT : DOT;
      table[code] = letter;
    }
    bytes[i] = letter;
  }
  d.sourceInitials = { text, initials: bytes.toString('latin1') };
  return d.sourceInitials;
}
const DOT = 0x2e;

/**
 * Wording of the sources whose characters' initials are the typed letters, whole words there
 * (新质生产力 in 发展|新质|生产力), most frequent first; made entries of their own.
 */
function wordingMatches(index: CorpusIndex, d: CompletionData, letters: string, best: Map<number, Match>, byInitials = letters, accept: (phrase: string) => boolean = () => true): void {
  const { text, initials } = sourceInitials(index, d);
  const input = byInitials.toLowerCase();
  // Occurrences counted per phrase first; each phrase is then segmented once, in its first context.
  const seen = new Map<string, { n: number; at: number }>();
  let hits = 0;
  for (let at = initials.indexOf(input); at >= 0 && hits < MAX_WORDING_HITS; at = initials.indexOf(input, at + 1), hits++) {
    const phrase = text.slice(at, at + input.length);
    if (!accept(phrase)) continue;
    const known = seen.get(phrase);
    if (known) known.n++;
    else seen.set(phrase, { n: 1, at });
  }
  const found = new Map<string, number>();
  for (const [phrase, { n, at }] of [...seen].sort((a, b) => b[1].n - a[1].n).slice(0, MAX_WORDING_PHRASES)) {
    const from = Math.max(0, at - 8);
    const words = tokenize(text.slice(from, Math.min(text.length, at + phrase.length + 8)));
    if (words.some((w) => w.start + from === at) && words.some((w) => w.end + from === at + phrase.length)) found.set(phrase, n);
  }
  for (const [phrase, n] of found) {
    const id = wordingEntry(index, d, phrase);
    best.set(id, { id, typed: letters.length, score: 50 + Math.log2(1 + n) });
  }
}

/**
 * Wording of the sources typed in full pinyin (quanqiunanfang → 全球南方): the letters cut into
 * syllables the sources' characters are read with, looked up by their initials and kept where each
 * character can be read as its syllable. A few cuts are tried (xian: xi'an).
 */
function fullPinyinWording(index: CorpusIndex, d: CompletionData, letters: string, best: Map<number, Match>): void {
  const known = sourceSyllables(index, d);
  const input = letters.toLowerCase();
  // finishes[at]: the letters from `at` on can be cut into syllables. Computed first, so that the
  // search below never walks into a dead end (xianxian…q would have it try 3^n cuts).
  const finishes = new Uint8Array(input.length + 1);
  finishes[input.length] = 1;
  for (let at = input.length - 1; at >= 0; at--) {
    for (let n = 1; n <= 6 && at + n <= input.length && !finishes[at]; n++) if (finishes[at + n] && known.has(input.slice(at, at + n))) finishes[at] = 1;
  }
  const cuts: string[][] = [];
  const cut = (at: number, acc: string[]) => {
    if (cuts.length >= MAX_PINYIN_CUTS) return;
    if (at === input.length) {
      if (acc.length >= 2) cuts.push([...acc]);
      return;
    }
    for (let n = Math.min(6, input.length - at); n >= 1; n--) {
      const syllable = input.slice(at, at + n);
      if (!finishes[at + n] || !known.has(syllable)) continue;
      acc.push(syllable);
      cut(at + n, acc);
      acc.pop();
    }
  };
  cut(0, []);
  for (const syllables of cuts) {
    const readAs = (phrase: string) => [...phrase].every((ch, k) => charReadings(ch).includes(syllables[k]));
    wordingMatches(index, d, letters, best, syllables.map((x) => x[0]).join(''), readAs);
  }
}
/** Most ways of cutting typed letters into syllables that are tried. */
const MAX_PINYIN_CUTS = 4;

/** The toneless syllables the sources' characters are read with, built once per index. */
function sourceSyllables(index: CorpusIndex, d: CompletionData): Set<string> {
  if (d.sourceSyllables) return d.sourceSyllables;
  const chars = new Set<string>();
  const text = index.joined;
  for (let i = 0; i < text.length; i++) if (isCjk(text, i)) chars.add(text[i]);
  const out = new Set<string>();
  for (const ch of chars) for (const r of charReadings(ch)) out.add(r);
  d.sourceSyllables = out;
  return out;
}

/** The entry for a phrase of the sources' text that is no term of the index, made once. */
function wordingEntry(index: CorpusIndex, d: CompletionData, phrase: string): number {
  d.wordingIds ??= new Map();
  d.wordingBase ??= d.entries.length;
  let id = d.wordingIds.get(phrase);
  if (id === undefined) {
    const info: TermInfo = { text: phrase, kinds: new Set(), count: index.frequency(phrase), articles: index.articlesContaining(phrase), refs: [] };
    id = d.entries.push({ text: phrase, kind: 'formulation', weight: popularity(info.count, info.articles), info, wording: true }) - 1;
    d.wordingIds.set(phrase, id);
  }
  return id;
}

/** Most entries made for source wording before they are dropped and made again as needed (a setting only tests change). */
export const wordingEntryLimit = { max: 5000 };
/** Fewer known phrases than this for a typed run: the sources' continuations are offered too. */
const MIN_KNOWN_CANDIDATES = 3;
/** Longest typed suffix looked up in the sources' text, and most characters added after it. */
const MAX_CONTINUED_SUFFIX = 8;
const MAX_CONTINUATION = 6;
/** Characters typed that the sources write so, after which their continuations are always offered, up to LONG_CONTINUATION. */
const LONG_SOURCE_RUN = 6;
const LONG_CONTINUATION = 10;
/** Most continuations offered, the most frequent. */
const MAX_CONTINUATIONS = 8;

/**
 * How the sources go on after the end of the typed run: the longest suffix of it (two characters
 * or more) found in their text, extended by one or two whole words within its clause, most
 * frequent first (正确二战 → 二战史观, 二战胜利成果).
 */
function continuationMatches(index: CorpusIndex, d: CompletionData, hit: { suffix: string; refs: SourceRef[] } | undefined, best: Map<number, Match>): void {
  if (!hit) return;
  const n = hit.suffix.length;
  // After a long run of theirs the writer is copying: the continuation may run on further
  // (城市基础设施生命 → …生命线安全工程建设; 健全社会安全稳定 → …风险监测预警体系).
  const reach = n >= LONG_SOURCE_RUN ? LONG_CONTINUATION : MAX_CONTINUATION;
  const found = new Map<string, number>();
  // Words the run ends inside, whole (防患于未 → 防患于未然), by how many typed characters they take.
  const wordsEnded = new Map<number, Map<string, number>>();
  // The same wording recurs at many of the places (非物质文化遗产保护…): its words are worked out
  // once per call.
  const wordsOf = new Map<string, ReturnType<typeof tokenize>>();
  for (const r of hit.refs) {
    const text = index.fileByPath(r.file)?.source.text ?? '';
    const window = text.slice(r.start, Math.min(text.length, r.end + reach + MAX_TERM_EXTENSION));
    let words = wordsOf.get(window);
    if (!words) wordsOf.set(window, (words = tokenize(window)));
    // Where the sources' word goes on before the typed characters (极|限思维 for 底限思), no word of
    // theirs ends the typed run: only continuations after it are offered.
    const midWord = () => r.start > 0 && (tokenize(text.slice(Math.max(0, r.start - 3), r.start + 3)).find((w) => w.end > Math.min(3, r.start))?.start ?? 0) < Math.min(3, r.start);
    let end = n;
    const cuts: number[] = [];
    for (const w of words) {
      // The typed run may end inside a word (生命线安|全): the phrase takes the whole word.
      if (w.start < n) {
        if (w.end > n && w.end <= n + MAX_CONTINUATION && /^[\u3400-\u9fff]+$/.test(w.text) && !midWord()) {
          end = w.end;
          // A word begun by one character is offered with the word before it (极限|思 → 极限思维),
          // or with the characters standing alone before it, a word the dictionary lacks (新|质|生 → 新质生产力).
          let from = w.start;
          if (n - w.start === 1) {
            let k = words.indexOf(w) - 1;
            if (k >= 0 && /^[\u3400-\u9fff]{2,}$/.test(words[k].text)) from = words[k].start;
            else for (; k >= 0 && w.start - words[k].start <= 3 && /^[\u3400-\u9fff]$/.test(words[k].text); k--) from = words[k].start;
          }
          const typed = n - from;
          const list = wordsEnded.get(typed) ?? new Map<string, number>();
          wordsEnded.set(typed, list);
          const phrase = window.slice(from, w.end);
          list.set(phrase, (list.get(phrase) ?? 0) + 1);
        }
        continue;
      }
      if (w.end > n + reach || !/^[\u3400-\u9fff]+$/.test(w.text) || w.start !== end) break;
      end = w.end;
      // Not after a function word (全球南方为|构建), which leaves the phrase hanging; one character
      // only where it ends the clause (坚持党政同 → 坚持党政同责，).
      const closesClause = /^[，。；、：！？]/.test(window.slice(end));
      // (A function word that ends the clause leaves nothing hanging: 站在历史正确一边，.)
      // (Nor after a character the segmenter leaves alone before the rest of its word, seldom a word by
      // itself: 共同体的笃|行者.)
      const strayPiece = w.text.length === 1 && /^[\u3400-\u9fff]/.test(window.slice(end)) && !isFunctionWord(w.text) && (dictEntry(w.text)?.freq ?? 0) < STRAY_PIECE_FREQ;
      if ((end - n >= 2 || (end - n === 1 && closesClause)) && !strayPiece && (!leavesHanging(w.text) || (closesClause && w.text.length >= 2))) cuts.push(end);
    }
    // A cut inside a term of the sources (构建人类|命运共同体) moves to the term's end; of the cuts
    // left, the shortest and the longest are offered (not 加快建设国际, …国际科技 and …国际科技创新).
    const whole = [...new Set(cuts.map((c) => termEndAcross(d, index, window, n, c)).filter((c) => c > 0))];
    for (const c of whole.length > 2 ? [whole[0], whole[whole.length - 1]] : whole) {
      const phrase = window.slice(0, c);
      found.set(phrase, (found.get(phrase) ?? 0) + 1);
    }
  }
  // (Copying a long run, its continuations rank with the known phrases that match as much of it.)
  offerPhrases(index, d, found, n, n >= LONG_SOURCE_RUN ? n * 10 : CONTINUATION_BASE, best);
  for (const [typed, list] of wordsEnded) offerPhrases(index, d, list, typed, CONTINUATION_BASE, best);
}

/**
 * A word a phrase cannot end on (为, 的, 和): the dictionary's function words, but for the nouns of
 * place among them (全球|南方, 东方: not 上, 中).
 */
function leavesHanging(word: string): boolean {
  return isFunctionWord(word) && !(word.length >= 2 && dictEntry(word)?.pos === 'f');
}

/** Most characters of the next clause typed for it to be offered whole (see nextClauseMatches). */
const MAX_BEGUN_CLAUSE = 4;
/** Marks after which the sources' next clause is offered (有了雨露，→ 大地才能繁荣). */
const CLAUSE_MARK = /[，；：]/;
/** Longest next clause offered. */
const MAX_NEXT_CLAUSE = 30;
/**
 * A clause of the sources: no mark inside but a short quotation or title whole (我们践行‘上海精神’而取得成功),
 * a mark (or the sentence's end) after it.
 */
const NEXT_CLAUSE = new RegExp(`^(?:[^，。；！？：、“”‘’《》（）()\\s]|‘[^‘’“”\\s]{1,16}’|“[^“”‘’\\s]{1,16}”|《[^《》\\s]{1,24}》)+(?=[，。；！？：、”’）)]|$)`, 'u');

/**
 * Right after a clause mark that ends six characters or more the sources write so, mark and all:
 * the clause they write next, most frequent first (有了和平，国家才能兴旺；有了雨露， →
 * 大地才能繁荣). The writer is copying a sentence of theirs.
 */
function nextClauseMatches(index: CorpusIndex, d: CompletionData, text: string, offset: number, best: Map<number, Match>, begun = ''): void {
  // (Across an earlier mark too when the clause is short: 兴旺；有了雨露，.)
  // (The clause may be begun already: 积力所举无不胜，众 → 众智所为无不成.)
  const mark = offset - begun.length;
  const line = text.slice(Math.max(0, mark - MAX_CONTINUED_SUFFIX - 4), mark).split(/[\r\n]/).pop() ?? '';
  let refs: SourceRef[] = [];
  for (let n = line.length; n > LONG_SOURCE_RUN && !refs.length; n--) {
    const key = asSimplified(line.slice(line.length - n));
    if (countWhere(key, (c) => /\p{Script=Han}/u.test(c)) >= LONG_SOURCE_RUN) refs = index.occurrences(key, 200);
  }
  const found = new Map<string, number>();
  for (const r of refs) {
    const source = index.fileByPath(r.file)?.source.text ?? '';
    const clause = NEXT_CLAUSE.exec(source.slice(r.end, r.end + MAX_NEXT_CLAUSE + 1))?.[0];
    // (Two characters at least, and none cut by the window.)
    if (clause && clause.length >= 2 && clause.length <= MAX_NEXT_CLAUSE && clause.length > begun.length && clause.startsWith(begun)) found.set(clause, (found.get(clause) ?? 0) + 1);
  }
  // (Begun, it ranks with the known phrases the typed characters begin: the writer is copying.)
  offerPhrases(index, d, found, begun.length, begun ? MIXED_BASE : CONTINUATION_BASE, best);
}

/** Characters before an opening quotation mark matched against the sources, longest first (see quotedAfter). */
const QUOTED_CONTEXT_MAX = 6;
const QUOTED_CONTEXT_MIN = 2;
/** Longest quotation offered after “ (a term or a short statement, not a paragraph). */
const MAX_QUOTED_OFFER = 30;

/**
 * Just after an opening quotation mark: the quotations the sources open after the same characters
 * (the longest context of theirs that finds any: 城市运行“ → 一网统管, beside 政务服务“ → 一网通办).
 */
function quotedAfter(index: CorpusIndex, d: CompletionData, text: string, offset: number, best: Map<number, Match>): void {
  // (No words of theirs before it: the terms they quote, most used first.)
  if (!markedAfter(index, d, text, offset, best, '“', '”')) offerEntries(d, best, (e) => e.kind === 'term' && !!e.info?.kinds.has('quoted'));
}

/**
 * What the sources put between `open` and `close` after the characters before the cursor (longest
 * context first): the quotations they open after them (城市运行“ → 一网统管), the titles (不久前印发的《 →
 * 中共中央国务院关于推动城市高质量发展的意见). False where no context of theirs finds any.
 */
function markedAfter(index: CorpusIndex, d: CompletionData, text: string, offset: number, best: Map<number, Match>, open: string, close: string): boolean {
  const before = text.slice(Math.max(0, offset - 1 - QUOTED_CONTEXT_MAX), offset - 1);
  for (let n = before.length; n >= QUOTED_CONTEXT_MIN; n--) {
    const context = asSimplified(before.slice(before.length - n));
    if (countWhere(context, (c) => /\p{Script=Han}/u.test(c)) < QUOTED_CONTEXT_MIN) break;
    const found = new Map<string, number>();
    for (const r of index.occurrences(context + open, 200)) {
      const source = index.fileByPath(r.file)?.source.text ?? '';
      const end = source.indexOf(close, r.end);
      const marked = end < 0 ? '' : source.slice(r.end, end);
      if (marked.length >= 2 && marked.length <= MAX_QUOTED_OFFER && !marked.includes(open) && !marked.includes('\n')) found.set(marked, (found.get(marked) ?? 0) + 1);
    }
    if (found.size) {
      offerPhrases(index, d, found, 0, CONTINUATION_BASE, best);
      return true;
    }
  }
  return false;
}

/** Every entry that passes `test` and is not offered yet, nothing typed, most used first (after “ or 《). */
function offerEntries(d: CompletionData, best: Map<number, Match>, test: (e: Entry) => boolean): void {
  d.entries.forEach((e, id) => {
    if (test(e) && !best.has(id)) best.set(id, { id, typed: 0, score: e.weight });
  });
}

/** Most characters a cut may move on to close a term of the sources it falls in. */
const MAX_TERM_EXTENSION = 8;
/** Longest term a continuation's cut is moved to the end of (see termEndAcross). */
const MAX_ACROSS_TERM = 16;

/** The trusted terms a continuation's cut may fall inside, sorted (built once per index). */
function acrossTerms(index: CorpusIndex, d: CompletionData): string[] {
  return (d.acrossTerms ??= [...index.allTerms()].filter((t) => t.text.length >= 3 && t.text.length <= MAX_ACROSS_TERM && !weaklyMined(t)).map((t) => t.text).sort());
}

/**
 * Where a continuation cut at `cut` should end: `cut` itself, or the end of a trusted term of the
 * sources that begins after the typed characters (from `typed` on) and goes on past it, if that is
 * near; 0 when the term runs on too far (or out of the Chinese text) to be offered.
 */
function termEndAcross(d: CompletionData, index: CorpusIndex, window: string, typed: number, cut: number): number {
  const keys = acrossTerms(index, d);
  for (let s = typed; s < cut; s++) {
    // (The shortest such term: mined formulations run on past a term's end, 人类命运共同体汇聚.)
    // A term from s that goes on past the cut begins with window[s, cut]: the sorted terms with that
    // beginning are few, where looking up every end from the cut on was a hash of a new string each.
    const head = window.slice(s, cut + 1);
    let e = 0;
    for (let k = lowerBound(keys, head); k < keys.length && keys[k].startsWith(head); k++) {
      const end = s + keys[k].length;
      if (end <= window.length && (e === 0 || end < e) && window.startsWith(keys[k], s)) e = end;
    }
    if (e) return e - cut <= MAX_TERM_EXTENSION && /^[\u3400-\u9fff]+$/.test(window.slice(cut, e)) ? e : 0;
  }
  return cut;
}

/**
 * The longest suffix of `run` (two characters or more, up to MAX_CONTINUED_SUFFIX) that the sources
 * use, and where — one that starts with a word typed if there is one (上海合作组织行, not 动上海合作组织行
 * of 推动…), so that what is offered starts where a word does.
 */
function longestSuffixInSources(index: CorpusIndex, run: string): { suffix: string; refs: SourceRef[] } | undefined {
  const tail = run.slice(-(MAX_CONTINUED_SUFFIX + 4));
  const wordStarts = new Set(tokenize(tail).map((w) => w.start + run.length - tail.length));
  let inWord: { suffix: string; refs: SourceRef[] } | undefined;
  for (let n = Math.min(MAX_CONTINUED_SUFFIX, run.length); n >= 2; n--) {
    const suffix = run.slice(run.length - n);
    if (inWord && !wordStarts.has(run.length - n)) continue;
    const refs = index.occurrences(suffix, 200);
    if (!refs.length) continue;
    if (wordStarts.has(run.length - n)) return { suffix, refs };
    inWord = { suffix, refs };
  }
  return inWord;
}

/** Score of a continuation of the sources' text: above known phrases for a character or two typed, below those for more. */
const CONTINUATION_BASE = 40;

/** The phrases found most often, as source-wording entries that replace the last `typed` characters. */
function offerPhrases(index: CorpusIndex, d: CompletionData, found: Map<string, number>, typed: number, base: number, best: Map<number, Match>, skips = false): void {
  for (const [phrase, count] of [...found].sort((a, b) => b[1] - a[1]).slice(0, MAX_CONTINUATIONS)) {
    // A phrase the index knows (上海精神, a title) is offered as that entry, of its kind, once.
    const known: number[] = [];
    for (let k = lowerBound(d.byText.keys, phrase); d.byText.keys[k] === phrase; k++) known.push(d.byText.ids[k]);
    if (known.some((id) => best.has(id))) continue;
    const id = known[0] ?? wordingEntry(index, d, phrase);
    if (!best.has(id)) best.set(id, { id, typed, score: base + Math.log2(1 + count) - phrase.length / 10, skips });
  }
}

function countWhere<T>(items: Iterable<T>, test: (x: T) => boolean): number {
  let n = 0;
  for (const x of items) if (test(x)) n++;
  return n;
}

/**
 * A known phrase that begins with every character typed for it comes before the sources' wording
 * offered for as many characters: wording that merely goes on after it (文明互鉴过程 after 文明互鉴),
 * or that reads the typed characters with words skipped (文明包容互鉴 for 文明互).
 */
function ranksKnownFirst(d: CompletionData, typedText: string, best: Map<number, Match>): void {
  const literal = [...best.values()].filter((k) => !d.entries[k.id].wording && k.typed > 0 && d.entries[k.id].text.startsWith(typedText.slice(typedText.length - k.typed)));
  if (!literal.length) return;
  for (const m of best.values()) {
    const e = d.entries[m.id];
    if (!e.wording) continue;
    const goesOn = (known: string) => e.text.length > known.length && e.text.startsWith(known);
    const skips = m.skips === true;
    for (const k of literal) {
      // (Words skipped are a guess against three characters typed as a known phrase has them:
      // 倡导文明互 → 文明互鉴 before 倡导文明包容互鉴; not against two, 生命线工程 → 生命线安全工程.)
      const outweighs = k.typed >= m.typed ? skips || goesOn(d.entries[k.id].text) : skips && k.typed >= LITERAL_OVER_SKIPS;
      if (outweighs && k.score <= m.score) m.score = k.score - 0.01;
    }
  }
}

/** Characters typed as a known phrase has them that outweigh any reading with words skipped (see ranksKnownFirst). */
const LITERAL_OVER_SKIPS = 3;

/** Uses in the sources that make two characters standing alone one word of theirs (see skippingContinuations). */
const STRAY_PAIR_USES = 3;

/**
 * Words typed by their first characters after words the sources use (生命线工 → 生命线安全工程): the
 * run's last one or two characters, in order, within the first words the sources write after the
 * rest of it; the phrase ends with the word that holds the last of them.
 */
function skippingContinuations(index: CorpusIndex, d: CompletionData, run: string, best: Map<number, Match>): void {
  for (const skipped of [1, 2]) {
    const typedRest = run.slice(run.length - skipped);
    if (!/^[\u3400-\u9fff]+$/.test(typedRest)) continue;
    const head = run.slice(0, run.length - skipped);
    const hit = longestSuffixInSources(index, head);
    if (!hit) continue;
    // The longest part of the head the sources write may go on otherwise than a shorter one, from a
    // later word of it, does (城市生命线|运行; 生命线|安全工程 for 城市生命线工).
    const heads = [hit];
    const wordStarts = tokenize(hit.suffix).map((w) => w.start + head.length - hit.suffix.length);
    for (const at of wordStarts.slice(1, 1 + MAX_SHORTER_HEADS)) {
      if (head.length - at < 2) break;
      const refs = index.occurrences(head.slice(at), 200);
      if (refs.length) heads.push({ suffix: head.slice(at), refs });
    }
    for (const h of heads) {
      const found = skipsAfter(index, h, typedRest);
      // Below a plain continuation, unless it takes in more typed characters than one of the last word
      // would (生命线安全工程 for 生命线工程 above 工程建设).
      const typed = h.suffix.length + skipped;
      offerPhrases(index, d, found, typed, CONTINUATION_BASE - 2 + 2 * Math.max(0, typed - 3), best, true);
      if (found.size) return;
    }
  }
}
/** Shorter parts of the typed head tried after the longest (see skippingContinuations). */
const MAX_SHORTER_HEADS = 2;

/** The phrases that go on after `head`'s uses in the sources with the typed characters in order, words skipped before the first. */
function skipsAfter(index: CorpusIndex, head: { suffix: string; refs: SourceRef[] }, typedRest: string): Map<string, number> {
  const found = new Map<string, number>();
  for (const r of head.refs) {
    const text = index.fileByPath(r.file)?.source.text ?? '';
    const window = text.slice(r.end, Math.min(text.length, r.end + MAX_CONTINUATION + 4));
    // The typed characters in order, the first of them not right after the head (that is a plain continuation).
    let at = -1;
    let ok = true;
    for (let k = 0; k < typedRest.length && ok; k++) {
      at = window.indexOf(typedRest[k], at + 1);
      ok = at > (k === 0 ? 0 : -1) && at < MAX_CONTINUATION && /^[\u3400-\u9fff]+$/.test(window.slice(0, at + 1));
    }
    if (!ok) continue;
    const words = tokenize(window);
    const k = words.findIndex((w) => w.start <= at && at < w.end);
    if (k < 0) continue;
    // A character standing alone before another that the sources write with it again and again
    // (包容|互|鉴, and 互鉴 elsewhere): a word the dictionary lacks, taken whole.
    const next = words[k + 1];
    const strays = words[k].text.length === 1 && next?.text.length === 1 && /^[\u3400-\u9fff]$/.test(next.text) && index.frequency(words[k].text + next.text) >= STRAY_PAIR_USES;
    const phrase = head.suffix + window.slice(0, strays ? next.end : words[k].end);
    found.set(phrase, (found.get(phrase) ?? 0) + 1);
  }
  return found;
}

/**
 * Source wording typed with one slip: a character left out (安全可靠韧性城 → 安全可靠的韧性城市) or
 * one typed by its sound (文旅融和 → 文旅融合, 长志久安 → 长治久安). The last 3…8 characters typed,
 * which the sources never write as such, are found with the slip undone around an exact part of two
 * characters or more, up to the end of the word typed last.
 */
function nearWordingMatches(index: CorpusIndex, d: CompletionData, run: string, best: Map<number, Match>): void {
  const wordStarts = new Set(tokenize(run).map((w) => w.start));
  // Positions in the sources' joined text: no file or article is looked up for the many that fail.
  const text = index.joined;
  for (let k = Math.min(MAX_CONTINUED_SUFFIX, run.length); k >= MIN_NEAR_RUN; k--) {
    const q = run.slice(run.length - k);
    if (!/^[\u3400-\u9fff]+$/.test(q) || index.frequency(q) > 0) return;
    // The phrase starts with a word typed, not inside one (建|设安全可靠…).
    if (!wordStarts.has(run.length - k)) continue;
    const found = new Map<string, number>();
    /** The source's phrase from `start`, its typed part ending at `typedEnd`, to the end of that word. */
    const take = (start: number, typedEnd: number) => {
      const window = text.slice(start, Math.min(text.length, typedEnd + MAX_CONTINUATION));
      const n = typedEnd - start;
      const word = tokenize(window).find((w) => w.start < n && n <= w.end);
      const end = word && /^[\u3400-\u9fff]+$/.test(word.text) && word.end - n <= MAX_CONTINUATION ? word.end : n;
      const phrase = window.slice(0, end);
      found.set(phrase, (found.get(phrase) ?? 0) + 1);
      // A word typed in full: the word the sources write next is offered with the fix too (超高成 →
      // 超高层建筑).
      const next = end === n ? tokenize(window).find((w) => w.start === n) : undefined;
      if (next && /^[\u3400-\u9fff]{2,}$/.test(next.text) && !isFunctionWord(next.text)) {
        const longer = window.slice(0, next.end);
        found.set(longer, (found.get(longer) ?? 0) + 1);
      }
    };
    // One character left out between two parts of two characters or more.
    for (let split = 2; split <= k - 2; split++) {
      const head = q.slice(0, split);
      const tail = q.slice(split);
      for (const at of index.suffixArray.positions(head, NEAR_POSITIONS)) {
        const headEnd = at + head.length;
        if (/[\u3400-\u9fff]/.test(text[headEnd] ?? '') && text.startsWith(tail, headEnd + 1)) take(at, headEnd + 1 + tail.length);
      }
    }
    // One character of the same sound, found by the longer exact part beside it.
    for (let j = 0; j < k; j++) {
      const head = q.slice(0, j);
      const tail = q.slice(j + 1);
      const byHead = head.length >= tail.length;
      if (Math.max(head.length, tail.length) < 2) continue;
      for (const at of index.suffixArray.positions(byHead ? head : tail, NEAR_POSITIONS)) {
        const start = byHead ? at : at - j - 1;
        const c = text[start + j] ?? '';
        if (start < 0 || c === q[j] || !/[\u3400-\u9fff]/.test(c) || !text.startsWith(head, start) || !text.startsWith(tail, start + j + 1)) continue;
        // The last character typed may be a near sound too (新质生厂: chang for chan), or a look-alike
        // (和平共处五顶: 顶 for 项), after three exact ones.
        const sound = soundSimilarity(c, q[j]);
        const lastSlip = j === k - 1 && j >= 3 && (sound >= NEAR_SOUND || shapeSimilarity(c, q[j]) >= LOOK_ALIKE);
        if (sound === 1 || lastSlip) take(start, start + k);
      }
    }
    // One character typed too many inside the run (二战战史 → 二战史观), the rest three or more.
    if (!found.size) {
      for (let j = 1; j + 1 < k && k > MIN_NEAR_RUN; j++) {
        const rest = q.slice(0, j) + q.slice(j + 1);
        for (const at of index.suffixArray.positions(rest, NEAR_POSITIONS)) take(at, at + rest.length);
      }
    }
    if (found.size) {
      // Nearly all of the run matched: ranked above phrases that match only its last characters.
      offerPhrases(index, d, found, k, k * 10 + 2, best);
      return;
    }
  }
}
/**
 * A list typed as the sources write it (凝聚力、影响力、 → 凝聚力、影响力、感召力、吸引力; 顺应和平、发展 →
 * 和平、发展、合作、共赢, …共赢的时代潮流): the clause typed from the last word before its first 、 (or
 * from more words, or from a later item, whichever the sources write first), continued with their
 * further items — alone, and with the words that close the last one in its clause where those are few.
 */
function listContinuations(index: CorpusIndex, d: CompletionData, text: string, offset: number, best: Map<number, Match>): void {
  let s = offset;
  while (s > 0 && offset - s < MAX_LIST_TYPED && (isCjk(text, s - 1) || text[s - 1] === '、')) s--;
  const clause = asSimplified(text.slice(s, offset));
  const firstSep = clause.indexOf('、');
  if (firstSep < 1 || clause.includes('、、')) return;
  // Starts tried: a first item as long as the second, which the list's items parallel (功能复合、密度适中),
  // the words before the first 、 from the last one back (凝聚力, 上海合作组织凝聚力…), then each later
  // item before the last 、.
  const second = clause.indexOf('、', firstSep + 1) > 0 ? clause.indexOf('、', firstSep + 1) - firstSep - 1 : 0;
  const starts = second > 0 && second <= firstSep ? [firstSep - second] : [];
  const wordStarts = tokenize(clause.slice(0, firstSep)).map((w) => w.start).reverse();
  starts.push(...wordStarts);
  for (let i = firstSep; i >= 0 && i < clause.lastIndexOf('、'); i = clause.indexOf('、', i + 1)) starts.push(i + 1);
  const refsOf = (start: number) => (clause.slice(start).replace(/、/g, '').length < MIN_LIST_TYPED ? [] : index.occurrences(clause.slice(start), NEAR_POSITIONS));
  for (let start of starts) {
    let refs = refsOf(start);
    if (!refs.length) continue;
    // (Where the sources go on from the typed words in more ways than one, more of the words before
    // the first 、, as many as they write there: 管安全、 stands in two of their items, 管行业必须管安全、
    // in one.)
    for (const longer of wordStarts.filter((x) => x < start)) {
      if (distinctContinuations(index, refs) < 2) break;
      const more = refsOf(longer);
      if (!more.length) break;
      [start, refs] = [longer, more];
    }
    const typed = clause.slice(start);
    const items = typed.split('、');
    const found = new Map<string, number>();
    const add = (phrase: string) => found.set(phrase, (found.get(phrase) ?? 0) + 1);
    for (const r of refs) {
      const source = index.fileByPath(r.file)?.source.text ?? '';
      const window = source.slice(r.end, Math.min(source.length, r.end + MAX_LIST_CONTINUATION + 1));
      const run = /^[\u3400-\u9fff、]*/.exec(window)![0];
      // (No 、 after the typed text: the item being typed is completed, 人民至上、生命 → …生命至上.)
      const lastSep = run.lastIndexOf('、');
      const lastItem = run.slice(lastSep + 1);
      if (!lastItem) continue;
      // The last item as long as the one before it, to a word's end (感召力、吸引力|的精神纽带; 蓝绿交织;
      // 尊重多样文明、谋求共同发展|的), the item typed so far counting toward it (生命|至上).
      const prevSep = lastSep < 0 ? -1 : run.lastIndexOf('、', lastSep - 1);
      const itemSize = lastSep < 0 ? (items[items.length - 2] ?? '').length : prevSep >= 0 ? lastSep - prevSep - 1 : items[items.length - 1].length + lastSep;
      const begun = lastSep < 0 ? items[items.length - 1].length : 0;
      // (Items that end alike end alike: 管行业必须管安全、管业务必须管安全、 → …管生产经营必须管安全.)
      // (The items the sources write after the typed ones count too: 管行业必须管安全、 → 管业务必须管安全、….)
      // (Not the item being typed: 管生产 of …管业务必须管安全、管生产.)
      const shared = sharedEnding([...items.slice(0, -1), ...(lastSep > 0 ? run.slice(0, lastSep).split('、') : [])].filter((x) => x.length > 0));
      const sharedAt = shared.length >= 2 ? lastItem.indexOf(shared) : -1;
      const cut = sharedAt >= 0 ? sharedAt + shared.length : tokenize(lastItem).find((w) => w.end + begun >= itemSize)?.end ?? lastItem.length;
      add(typed + run.slice(0, lastSep + 1 + cut));
      // …and the next item alone where more follow (互信、互利、 → …平等).
      const nextSep = run.indexOf('、');
      if (nextSep > 0 && nextSep <= lastSep) add(typed + run.slice(0, nextSep));
      const closes = /^[，。；：！？]/.test(window.slice(run.length)) && lastItem.length <= MAX_LIST_CLOSE;
      if (closes && cut < lastItem.length) add(typed + run);
    }
    if (!found.size) continue;
    // The writer is copying a list: ranked by the characters typed, with the known phrases.
    offerPhrases(index, d, found, offset - s - start, typed.length * 10, best);
    return;
  }
}
/** How many different ways the sources go on after the given places (their next few characters). */
function distinctContinuations(index: CorpusIndex, refs: ReadonlyArray<{ file: string; end: number }>): number {
  return new Set(refs.map((r) => index.fileByPath(r.file)?.source.text.slice(r.end, r.end + LIST_CONTINUATION_KEY))).size;
}
/** Characters after a place that tell two continuations of a list apart. */
const LIST_CONTINUATION_KEY = 4;
/** The characters every item ends with (必须管安全 of 管行业必须管安全、管业务必须管安全); '' for fewer than two items. */
function sharedEnding(items: string[]): string {
  if (items.length < 2) return '';
  let n = 0;
  while (n < items[0].length && items.every((x) => x.length > n && x[x.length - 1 - n] === items[0][items[0].length - 1 - n])) n++;
  return items[0].slice(items[0].length - n);
}

/** Longest end of a clause searched for a list typed, and most characters its continuation adds. */
const MAX_LIST_TYPED = 24;
const MAX_LIST_CONTINUATION = 24;
/** Characters (but the 、) of a list typed before its continuation is offered: two items of two (和平、发展 is four). */
const MIN_LIST_TYPED = 3;
/** Most characters of the last item with what closes it in its clause (共赢的时代潮流) offered whole. */
const MAX_LIST_CLOSE = 10;

/**
 * The sources' wording begun by the characters typed and read by the letters after them, in full
 * pinyin or initials (社会minyi, 社会my → 社会民意, 社会民意基础): the characters read so, to the end of
 * their word, and with the word the sources write next.
 */
function mixedWording(index: CorpusIndex, d: CompletionData, run: string, letters: string, best: Map<number, Match>): void {
  const input = letters.toLowerCase();
  const joined = index.joined;
  /** Characters of `after` the letters from `at` on read, or 0 (full syllables, initials, the last syllable begun). */
  const readBy = (after: string, at: number, j: number): number => {
    if (at === input.length) return j;
    if (j >= after.length || j >= MIXED_WORDING_CHARS) return 0;
    for (const r of charReadings(after[j])) {
      if (r.startsWith(input.slice(at))) return j + 1;
      const full = input.startsWith(r, at) ? readBy(after, at + r.length, j + 1) : 0;
      if (full) return full;
      const initial = input[at] === r[0] ? readBy(after, at + 1, j + 1) : 0;
      if (initial) return initial;
    }
    return 0;
  };
  // The shortest head the sources go on from so: the phrase starts near the letters (社会|民意, not
  // 本组织发展的社会|民意).
  // (Heads start where a word does, with no function word: not 织与 of 上合组织与.)
  const words = tokenize(run);
  for (let k = MIN_MIXED_HEAD; k <= Math.min(run.length, MAX_MIXED_HEAD); k++) {
    const word = words.find((w) => w.start === run.length - k);
    // (…nor end with one: 上合组织与|quanqiunanfang is no phrase of 与.)
    if (!word || isFunctionWord(word.text) || isFunctionWord(words[words.length - 1]?.text ?? '')) continue;
    const head = run.slice(run.length - k);
    const found = new Map<string, number>();
    for (const pos of index.suffixArray.positions(head, NEAR_POSITIONS)) {
      const after = /^[\u3400-\u9fff]*/.exec(joined.slice(pos + k, pos + k + MIXED_WORDING_CHARS + MAX_CONTINUATION))![0];
      const n = readBy(after, 0, 0);
      if (!n) continue;
      const window = head + after;
      const parts = tokenize(window);
      const end = parts.find((w) => w.start < k + n && k + n <= w.end)?.end ?? k + n;
      found.set(window.slice(0, end), (found.get(window.slice(0, end)) ?? 0) + 1);
      // …with the words the sources write next, one or two (生命线安全, 生命线安全工程).
      let last = end;
      for (let more = 0; more < MIXED_WORDING_WORDS; more++) {
        const next = parts.find((w) => w.start === last);
        if (!next || next.end - k > MIXED_WORDING_CHARS + MAX_CONTINUATION || next.text.length < 2 || isFunctionWord(next.text)) break;
        found.set(window.slice(0, next.end), (found.get(window.slice(0, next.end)) ?? 0) + 1);
        last = next.end;
      }
    }
    if (found.size) {
      // Wording whose part after the characters the sources write almost only after them is one phrase
      // with them (全球|南方): ranked with the known phrases the characters and letters begin, above
      // those the letters alone spell (全球nanfang → 全球南方 before 南方); other wording after them.
      const bound = new Map<string, number>();
      const loose = new Map<string, number>();
      for (const [phrase, count] of found) {
        const uses = index.frequency(phrase);
        (uses >= MIN_BOUND_USES && uses >= BOUND_SHARE * index.frequency(phrase.slice(k)) ? bound : loose).set(phrase, count);
      }
      offerPhrases(index, d, bound, k + letters.length, MIXED_BASE - 1 + 2 * k, best);
      offerPhrases(index, d, loose, k + letters.length, CONTINUATION_BASE + 2 * k, best);
      return;
    }
  }
}
/** Share of a phrase's uses after the typed characters that makes them one phrase (see mixedWording). */
const BOUND_SHARE = 0.8;
/** Fewest uses of such a phrase: one says nothing of how the sources bind it. */
const MIN_BOUND_USES = 2;
/** Most words of the sources offered after those the letters are read as (see mixedWording). */
const MIXED_WORDING_WORDS = 2;
/** Most characters the letters after a typed head are read as (see mixedWording). */
const MIXED_WORDING_CHARS = 6;

/** Shape similarity of a look-alike typed last (顶 for 项, 0.9; 最 for 量 is 0.5, no look-alike). */
const LOOK_ALIKE = 0.8;
/** Sound similarity of a near sound (an/ang, en/eng, zh/z) in pinyin-pro's readings as compared by `soundSimilarity`. */
const NEAR_SOUND = 0.7;
/** Shortest typed run searched with a slip undone: two exact characters and the slip. */
const MIN_NEAR_RUN = 3;
/** Most places of an exact part looked at. */
const NEAR_POSITIONS = 200;

function firstRef(index: CorpusIndex, e: Entry): SourceRef | undefined {
  if (e.statement) return e.statement.ref;
  const info = e.info!;
  return info.definition?.ref ?? info.refs.find((r) => index.sentenceAt(r)) ?? index.occurrences(info.text, 20).find((r) => index.sentenceAt(r)) ?? info.refs[0];
}

function documentation(index: CorpusIndex, e: Entry): string {
  const parts: string[] = [];
  if (e.info?.definition) parts.push(`${t('**含义**：', '**Meaning**: ')}${escapeMarkdown(e.info.definition.text)}`);
  if (e.info?.fullForm) parts.push(`${t('**全称**：', '**Full form**: ')}${escapeMarkdown(e.info.fullForm)}`);
  const ref = firstRef(index, e);
  if (ref) {
    const sentence = index.sentenceAt(ref);
    if (sentence) parts.push(`> ${escapeMarkdown(shownSentence(sentence, ref))}`);
    parts.push(`—— ${sourceLabel(index, ref)}`);
  }
  return parts.join('\n\n');
}

function detail(e: Entry): string {
  if (e.statement) return e.statement.speaker ? t(`引语 · ${e.statement.speaker}`, `Quotation · ${e.statement.speaker}`) : t('引语', 'Quotation');
  const info = e.info!;
  const name =
    e.wording ? t('来源原文', 'Source wording') : e.kind === 'title' ? t('文件名称', 'Title') : e.kind === 'alias' ? t(`简称 · 全称：${info.fullForm}`, `Short form of ${info.fullForm}`) : e.kind === 'term' ? t('术语', 'Term') : t('固定表述', 'Formulation');
  return `${name} · ${t(`${info.count} 次 · ${info.articles} 篇`, `${info.count}× in ${info.articles} article(s)`)}`;
}

/** Characters before the cursor compared to tell two items that leave the same text apart. */
const MAX_TYPED_KEY = 64;
/** Most characters typed kept in the label of an item that continues a long run (see getCompletions). */
const LABEL_CONTEXT = 6;

/**
 * How many typed characters the label keeps: the last word typed, with the mark after it (…影响力、感召力),
 * or the item or clause typed since the last mark where that is short (…、管生产 → …管生产经营必须管安全).
 */
function labelContext(typed: string): number {
  const words = tokenize(typed);
  let k = words.length - 1;
  while (k > 0 && !/\p{Script=Han}/u.test(words[k].text)) k--;
  const word = typed.length - (words[k]?.start ?? typed.length);
  const item = typed.length - 1 - Math.max(...[...'、，；：“'].map((m) => typed.lastIndexOf(m, typed.length - 2)));
  return Math.min(LABEL_CONTEXT, item <= LABEL_CONTEXT ? Math.max(word, item) : word);
}

function shortLabel(s: string, max = 40): string {
  const chars = Array.from(s);
  return chars.length > max ? chars.slice(0, max).join('') + '…' : s;
}

/**
 * Traditional characters typed (堅持黨政同) are matched as their simplified forms, which the sources
 * use; the items replace what was typed, so the run must keep its length.
 */
function asSimplified(typed: string): string {
  const simplified = toSimplified(typed);
  return simplified.length === typed.length ? simplified : typed;
}

export function getCompletions(index: CorpusIndex, text: string, offset: number, opts: CompletionOptions = {}): CompletionCandidate[] {
  if (offset < 0 || offset > text.length || index.isEmpty) return [];
  // A position between the two halves of a surrogate pair (inside 𠮷) is no cursor position; a
  // replacement ending there would cut the character in two and leave a lone surrogate (issue 7).
  if (splitsSurrogatePair(text, offset)) return [];
  const limit = opts.limit ?? DEFAULT_LIMIT;
  const d = data(index);
  const best = new Map<number, Match>();
  // A long session would add wording entries without end: drop them between requests (they follow
  // the index's entries, whose ids stay).
  if (d.wordingIds && d.wordingBase !== undefined && d.wordingIds.size >= wordingEntryLimit.max) {
    d.entries.length = d.wordingBase;
    d.wordingIds.clear();
  }

  const letters = /[A-Za-z]+$/.exec(text.slice(Math.max(0, offset - 64), offset))?.[0] ?? '';
  if (letters) {
    if (opts.pinyin === false || letters.length < 2) return [];
    pinyinMatches(d, letters, best);
    // Chinese typed before the letters may begin the phrase (文旅chan → 文旅产业).
    const lettersStart = offset - letters.length;
    const head = text.slice(cjkRunStart(text, lettersStart), lettersStart);
    if (head.length >= MIN_MIXED_HEAD) mixedMatches(d, asSimplified(head), letters, best);
    // Initials that name no known phrase may still spell wording the sources use (xzscl → 新质生产力).
    if (best.size === 0 && letters.length >= MIN_WORDING_INITIALS) wordingMatches(index, d, letters, best);
    // …and full pinyin too (quanqiunanfang → 全球南方).
    if (best.size === 0 && letters.length >= MIN_WORDING_INITIALS) fullPinyinWording(index, d, letters, best);
    // …and else the characters and the letters may begin wording of the sources that no known phrase
    // holds (社会minyi → 社会民意基础).
    // (Also where the letters alone spell a known phrase, 全球nanfang beside 南方: the characters before
    // them say the phrase goes on from them.)
    if (head.length >= MIN_MIXED_HEAD && ![...best.values()].some((m) => m.typed > letters.length)) mixedWording(index, d, asSimplified(head), letters, best);
  } else {
    const run = asSimplified(text.slice(cjkRunStart(text, offset), offset));
    if (run) {
      prefixMatches(d, run, best);
      fuzzyMatches(d, run, best);
      swappedMatches(d, run, best);
      gappedMatches(index, d, run, best);
      if (opts.pinyin !== false) homophoneMatches(d, run, best, /[“《]/.test(text[offset - run.length - 1] ?? ''));
      // A clause of theirs begun right after a comma of a sentence of theirs being copied (无不胜，众).
      if (run.length <= MAX_BEGUN_CLAUSE && CLAUSE_MARK.test(text[offset - run.length - 1] ?? '')) nextClauseMatches(index, d, text, offset, best, run);
      nearWordingMatches(index, d, run, best);
      correctedMatches(index, d, run, best);
      listContinuations(index, d, text, offset, best);
      // Few known phrases: how the sources go on after the typed words (正确二战 → 二战史观).
      // …counting only phrases that match more than the last character typed (生命线工: 工作格局 does not count).
      // …or when the sources write more of the typed run than any known phrase takes in
      // (全球可持续发展城 → 全球可持续发展城市奖, beside 发展战略 for its last characters).
      let longestTyped = 0;
      for (const m of best.values()) longestTyped = Math.max(longestTyped, m.typed);
      const inSources = longestSuffixInSources(index, run);
      // …and always after a long run of theirs, which the writer is copying (城市基础设施生命 →
      // 城市基础设施生命线安全工程, beside the known phrase that stops at 安全).
      const copying = (inSources?.suffix.length ?? 0) >= LONG_SOURCE_RUN;
      if (countWhere(best.values(), (m) => m.typed >= 2) < MIN_KNOWN_CANDIDATES || (inSources?.suffix.length ?? 0) > longestTyped + 1 || copying) {
        continuationMatches(index, d, inSources, best);
        skippingContinuations(index, d, run, best);
      } else if ((inSources?.suffix.length ?? 0) <= 2) {
        // The sources write no more of the run than its last word: words typed by their first
        // characters after wording of theirs (生命线工程 → 生命线安全工程), beside the known phrases.
        skippingContinuations(index, d, run, best);
      }
    }
    // Inside a title opened with 《 and typed with figures (《上合组织未来10年): titles of theirs that begin
    // with all of it — the run of Chinese characters alone stops at the figures.
    const title = openTitleBefore(text, offset);
    if (title && title.length > run.length) titleMatches(d, title, best);
    else if (!run && text[offset - 1] === '、') {
      // Just after 、: the further items of a list the sources write.
      listContinuations(index, d, text, offset, best);
    } else if (!run && CLAUSE_MARK.test(text[offset - 1] ?? '')) {
      // Just after a comma of a sentence of theirs being copied: the clause they write next.
      nextClauseMatches(index, d, text, offset, best);
    } else if (!run && text[offset - 1] === '“') {
      // Just after “: what the sources quote after the same words (城市运行“ → 一网统管).
      quotedAfter(index, d, text, offset, best);
    } else if (!run && text[offset - 1] === '《') {
      // Just after 《: the titles the sources give after the same words, or else all their titles, most used first.
      markedAfter(index, d, text, offset, best, '《', '》');
      offerEntries(d, best, (e) => e.kind === 'title');
    }
  }

  ranksKnownFirst(d, text.slice(0, offset), best);
  const ranked = [...best.values()].sort((a, b) => b.score - a.score || d.entries[a.id].text.length - d.entries[b.id].text.length);
  const out: CompletionCandidate[] = [];
  const inserted = new Set<string>();
  for (const m of ranked) {
    if (out.length >= limit) break;
    const e = d.entries[m.id];
    const replaceStart = offset - m.typed;
    const before = text[replaceStart - 1];
    const after = text[offset];
    let insertText = e.text;
    let label = e.text;
    if (e.kind === 'title') {
      label = `《${e.text}》`;
      insertText = before === '《' ? e.text + (after === '》' ? '' : '》') : `《${e.text}》`;
    } else if (e.kind === 'statement') {
      label = `“${shortLabel(e.text)}”`;
      insertText = before === '“' ? e.text + (after === '”' ? '' : '”') : `“${e.text}”`;
    } else if (before === '“' && m.typed === 0 && after !== '”') {
      // (Offered just after “ as a quotation of theirs: closed as they close it.)
      insertText = e.text + '”';
    }
    // Copying a long run, the label shows what the item adds after it (…对抗、要公正不要霸权): the
    // typed characters are the editor's filter text, not news to the writer.
    const typedText = text.slice(replaceStart, offset);
    if (typedText.length >= LONG_SOURCE_RUN && e.kind !== 'title') {
      const at = insertText.indexOf(typedText);
      if (at >= 0 && at + typedText.length < insertText.length) label = '…' + insertText.slice(at + typedText.length - labelContext(typedText));
    }
    // (Continuations that leave the same text are one: 健全社会安全稳定 and 社会安全稳定 continued alike.)
    const key = label.startsWith('…') ? '…' + (text.slice(Math.max(0, replaceStart - MAX_TYPED_KEY), replaceStart) + insertText).slice(-(MAX_TYPED_KEY + insertText.length - m.typed)) : insertText;
    if (inserted.has(key)) continue;
    inserted.add(key);
    // The documentation is written when asked for: an editor shows it for the selected item only
    // (the server sends it on completionItem/resolve), and writing it for all thirty was a fifth of
    // a completion's time.
    let written: string | undefined;
    out.push({
      label,
      insertText,
      replaceStart,
      replaceEnd: offset,
      detail: detail(e),
      get documentation() {
        return (written ??= documentation(index, e));
      },
      sortText: String(out.length).padStart(5, '0'),
      kind: e.kind,
    });
  }
  return out;
}
