// How likely one character is a slip for another: same or close sound (pinyin-pro), similar shape
// (cjk-decomp components). Used to rank and to accept typo candidates.
import { charReadings } from './pinyin';
import { pairMemo } from '../util/pairMemo';
import { shapeSimilarity as shapeSimilarityOf } from './shape';

/** Initials and finals that people and input methods confuse (z/zh, n/l, in/ing…). */
const CLOSE_SOUNDS: Array<[RegExp, string]> = [
  [/^zh/, 'z'],
  [/^ch/, 'c'],
  [/^sh/, 's'],
  [/^n(?=[aeiouv])/, 'l'],
  [/^f/, 'h'],
  [/ing$/, 'in'],
  [/eng$/, 'en'],
  [/ang$/, 'an'],
];

function fold(syllable: string): string {
  let s = syllable;
  for (const [re, to] of CLOSE_SOUNDS) s = s.replace(re, to);
  return s;
}

const readingCache = new Map<string, string[]>();
function readings(ch: string): string[] {
  let r = readingCache.get(ch);
  if (!r) readingCache.set(ch, (r = charReadings(ch).filter((x) => /^[a-zü]+$/.test(x))));
  return r;
}

/** Whether `ch` can be read as the toneless `syllable`. */
export function canRead(ch: string, syllable: string): boolean {
  return readings(ch).includes(syllable);
}

/** 1 for a shared reading (toneless), 0.7 for a close one, else 0. */
export const soundSimilarity = pairMemo(soundSimilarityOf);

/** 0..1: how alike two characters look (see shape.ts). */
export const shapeSimilarity = pairMemo(shapeSimilarityOf);

function soundSimilarityOf(a: string, b: string): number {
  if (a === b) return 1;
  const ra = readings(a);
  const rb = readings(b);
  if (!ra.length || !rb.length) return 0;
  if (ra.some((x) => rb.includes(x))) return 1;
  const fa = foldedReadings(a);
  const fb = foldedReadings(b);
  return fa.some((x) => fb.includes(x)) ? 0.7 : 0;
}

const foldedCache = new Map<string, string[]>();
function foldedReadings(ch: string): string[] {
  let r = foldedCache.get(ch);
  if (!r) foldedCache.set(ch, (r = readings(ch).map(fold)));
  return r;
}

/** The better of sound and shape similarity. */
export function confusability(a: string, b: string): number {
  const sound = soundSimilarity(a, b);
  // Nothing scores above 1: the shape (the costlier of the two) is not needed then.
  return sound === 1 ? 1 : Math.max(sound, shapeSimilarity(a, b));
}
