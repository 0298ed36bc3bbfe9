// A name the draft spells out before an acronym in brackets (城市信息化模型（CIM）) a character or two off
// the full form the sources give that acronym (城市信息模型（CIM）): an acronym stands for one name. Used by
// term-typo.
import { t } from '../l10n';
import type { CorpusIndex } from '../index/corpus';
import { confusability } from '../lang/similarity';
import { sharedEnds } from '../text/sharedEnds';
import type { RuleFinding } from './types';

export interface AcronymSlip extends RuleFinding {
  score: number;
}

/** Chinese characters, then an acronym of Latin letters or digits in brackets. */
const SPELLED_ACRONYM = /(\p{Script=Han}{2,30})[（(]([A-Za-z][A-Za-z0-9]{1,9}|[0-9][A-Za-z][A-Za-z0-9]{0,8})[）)]/gu;
/** Most characters added, left out or changed in the name. */
const MAX_NAME_EDIT = 2;
/** Confusability of the characters of a two-character change (see lang/similarity). */
const CONFUSABLE = 0.7;
/** Characters of the full form the draft's name must begin with (and one it must end with). */
const MIN_ANCHOR = 2;

export function acronymSlips(text: string, index: CorpusIndex): AcronymSlip[] {
  const out: AcronymSlip[] = [];
  for (const m of text.matchAll(SPELLED_ACRONYM)) {
    const full = index.term(m[2])?.fullForm;
    const run = m[1];
    if (!full || full.startsWith('《') || run.endsWith(full)) continue;
    const runStart = m.index;
    let best: { start: number; end: number; replacement: string; size: number } | undefined;
    for (let n = Math.max(MIN_ANCHOR + 1, full.length - MAX_NAME_EDIT); n <= Math.min(run.length, full.length + MAX_NAME_EDIT); n++) {
      const tail = run.slice(run.length - n);
      const { start: p, end: s } = sharedEnds(tail, full);
      const typed = tail.slice(p, n - s);
      const theirs = full.slice(p, full.length - s);
      if (p < MIN_ANCHOR || s < 1 || typed.length > MAX_NAME_EDIT || theirs.length > MAX_NAME_EDIT) continue;
      // (A word of two put for another is another name, unless its characters sound or look alike: 城市智能模型.)
      if (typed.length > 1 && theirs.length === typed.length && ![...typed].every((c, k) => confusability(c, theirs[k]) >= CONFUSABLE)) continue;
      const size = Math.max(typed.length, theirs.length);
      if (best && best.size <= size) continue;
      const at = runStart + run.length - n + p;
      // (A character left out: the range takes the one before the gap, never empty.)
      best = typed ? { start: at, end: at + typed.length, replacement: theirs, size } : { start: at - 1, end: at, replacement: text[at - 1] + theirs, size };
    }
    if (!best) continue;
    out.push({
      start: best.start,
      end: best.end,
      message: t(`疑似错字：「${m[2]}」在来源中是「${full}」的缩写`, `Likely typo: the sources spell "${m[2]}" as "${full}"`),
      replacements: [best.replacement],
      score: 3,
    });
  }
  return out;
}
