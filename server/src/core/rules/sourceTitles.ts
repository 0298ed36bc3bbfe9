// A document's title in book-title marks that differs from one of the sources' titles by a slip at
// one place (《中共中央国务院推动城市高质量发展的意见》 for …国务院关于推动…): the sources' title.
// Titles are names: the draft cites the document the sources name, and a title that close, of the
// same issuer and kind, is that title miswritten. Used by term-typo (a miswritten official name).
import { t } from '../l10n';
import type { CorpusIndex } from '../index/corpus';
import type { RuleFinding } from './types';
import { confusability } from '../lang/similarity';
import { dictEntry } from '../lang/segmenter';
import { sharedEnds } from '../text/sharedEnds';

/** Titles shorter than this are short forms (《意见》) and compared with nothing. */
const MIN_TITLE = 8;
const MAX_TITLE = 80;
/** Characters at each end the two titles share: the issuer (or the title's first words) and the document's kind. */
const SHARED_END = 2;
/** Most characters the lengths of the two titles may differ by (see slip). */
const MAX_LENGTH_DIFFERENCE = 2;
/** Numbers tell documents apart (（2021—2025年）, 第八个五年规划): never a slip. */
const NUMBER = /[\d０-９〇零一二三四五六七八九十百千]/;

interface SourceTitle {
  text: string;
  /** Offset of the title's first character in the joined sources. */
  at: number;
}

const titlesByIndex = new WeakMap<CorpusIndex, Map<string, SourceTitle[]>>();

/** The sources' titles, by their first and last SHARED_END characters (the only ones compared). */
function sourceTitles(index: CorpusIndex): Map<string, SourceTitle[]> {
  let byEnds = titlesByIndex.get(index);
  if (!byEnds) {
    byEnds = new Map();
    const seen = new Set<string>();
    for (const m of index.joined.matchAll(/《([^《》\n]{8,80})》/g)) {
      const text = m[1];
      if (seen.has(text)) continue;
      seen.add(text);
      const key = endsKey(text);
      let list = byEnds.get(key);
      if (!list) byEnds.set(key, (list = []));
      list.push({ text, at: m.index + 1 });
    }
    titlesByIndex.set(index, byEnds);
  }
  return byEnds;
}

const startKey = (title: string) => `${title.length}:${title.slice(0, SHARED_END)}`;
const titlesByStart = new WeakMap<CorpusIndex, Map<string, SourceTitle[]>>();

/** The sources' titles by their length and first characters (see titleSlips). */
function sourceTitlesByStart(index: CorpusIndex): Map<string, SourceTitle[]> {
  let byStart = titlesByStart.get(index);
  if (!byStart) {
    byStart = new Map();
    for (const list of sourceTitles(index).values()) {
      for (const title of list) {
        const key = startKey(title.text);
        const same = byStart.get(key);
        if (same) same.push(title);
        else byStart.set(key, [title]);
      }
    }
    titlesByStart.set(index, byStart);
  }
  return byStart;
}

const endsKey = (title: string) => title.slice(0, SHARED_END) + title.slice(-SHARED_END);

/**
 * Whether the one character where the titles differ (at `at`, the same place in both) makes, with a
 * neighbour they share, two nouns or verbs of the dictionary (推进 for 推动, 协议 for 协定): the
 * near-synonym a writer puts for the title's own word. A title is a name: its word is the one.
 */
function synonymWord(ours: string, theirs: string, at: number): boolean {
  for (const from of [at - 1, at]) {
    if (from < 0 || from + 2 > ours.length) continue;
    const a = ours.slice(from, from + 2);
    const b = theirs.slice(from, from + 2);
    const posA = dictEntry(a)?.pos;
    const posB = dictEntry(b)?.pos;
    // (Nouns and verbs alike: the dictionary tags 协定 a verb, 协议 a noun.)
    if (posA && posB && /^[nv]/.test(posA) && /^[nv]/.test(posB)) return true;
  }
  return false;
}

/**
 * Whether the draft's `ours` where the title has `theirs` is a slip, not another document's title
 * (…执法监督… beside …区划管理…): a short word left out or added (关于, 的), one character of the same
 * sound or look, or two neighbouring characters swapped. Numbers and spaces (中共中央 国务院) are no slip.
 */
function slip(ours: string, theirs: string): boolean {
  if (NUMBER.test(ours) || NUMBER.test(theirs) || /\s/.test(ours + theirs)) return false;
  if (!ours || !theirs) return ours.length + theirs.length <= MAX_GAP;
  if (ours.length === 1 && theirs.length === 1) return confusability(ours, theirs) >= CONFUSABLE;
  return ours.length === 2 && theirs.length === 2 && ours[0] === theirs[1] && ours[1] === theirs[0];
}

/** Shortest title in which a near-synonym word is read as a slip (see synonymWord). */
const MIN_SYNONYM_TITLE = 10;
/** Most characters a title's word left out or added may have. */
const MAX_GAP = 2;
/** How like the title's character the draft's must be (see confusability). */
const CONFUSABLE = 0.6;

export interface TitleSlip extends RuleFinding {
  score: number;
}

export function titleSlips(text: string, index: CorpusIndex): TitleSlip[] {
  if (!text.includes('《')) return [];
  const out: TitleSlip[] = [];
  for (const m of text.matchAll(/《([^《》\n]+)》/g)) {
    const title = m[1];
    if (title.length < MIN_TITLE || title.length > MAX_TITLE || index.frequency(m[0]) > 0) continue;
    const near: Array<{ source: SourceTitle; from: number; to: number; theirTo: number }> = [];
    // (Titles that share their first characters and length too: the kind may be the word put for theirs, 协议 for 协定.)
    const sameStart = sourceTitlesByStart(index).get(startKey(title)) ?? [];
    for (const source of new Set([...(sourceTitles(index).get(endsKey(title)) ?? []), ...sameStart])) {
      const theirs = source.text;
      if (Math.abs(theirs.length - title.length) > MAX_LENGTH_DIFFERENCE) continue;
      const shared = sharedEnds(title, theirs);
      let from = shared.start;
      const same = shared.end;
      const to = title.length - same;
      const theirTo = theirs.length - same;
      const ours = title.slice(from, to);
      const word = ours.length === 1 && theirTo - from === 1 && title.length >= MIN_SYNONYM_TITLE && synonymWord(title, theirs, from);
      if (from < SHARED_END || (same < SHARED_END && !word) || !(word || slip(ours, theirs.slice(from, theirTo)))) continue;
      // (A word left out, 关于, is an empty middle: one character more on the left carries it.)
      if (from === to || from === theirTo) from--;
      near.push({ source, from, to, theirTo });
    }
    // (Two titles as near: the draft may mean either.)
    if (near.length !== 1) continue;
    const { source, from, to, theirTo } = near[0];
    const start = m.index + 1 + from;
    const ref = index.refAt(source.at, source.at + source.text.length);
    out.push({
      start,
      end: m.index + 1 + to,
      message: t(`文件名称与来源不符：应为《${source.text}》`, `The title differs from the sources': 《${source.text}》`),
      replacements: [source.text.slice(from, theirTo)],
      related: ref ? index.relatedPlace(ref, t('来源原文', 'Source text')) : undefined,
      score: 2,
    });
  }
  return out;
}
