// Character alignment of a draft span against source wording: which parts of the draft differ,
// and what the source has there. Built on jsdiff's character diff.
import { diffChars } from 'diff';

export interface AlignEdit {
  /** Range in the draft string (may be empty: the source has words the draft lacks). */
  start: number;
  end: number;
  /** What the source has instead. */
  replacement: string;
}

export interface Alignment {
  edits: AlignEdit[];
  /** Characters the draft shares with the source, in order. */
  same: number;
  /** The part of the source the draft aligns to (leading/trailing source-only text trimmed). */
  sourceStart: number;
  sourceEnd: number;
}

/**
 * Aligns `draft` to `source`. With `fragment`, source text before the first and after the last
 * shared character is not an edit: the draft may quote part of a source sentence.
 */
export function align(draft: string, source: string, fragment?: boolean): Alignment;
/**
 * …or undefined when more than `maxEditLength` characters would have to be inserted or deleted:
 * the diff stops early instead of finishing an alignment the caller would reject.
 */
export function align(draft: string, source: string, fragment: boolean, maxEditLength: number): Alignment | undefined;
export function align(draft: string, source: string, fragment = false, maxEditLength?: number): Alignment | undefined {
  const parts = maxEditLength === undefined ? diffChars(source, draft) : diffChars(source, draft, { maxEditLength });
  if (!parts) return undefined;
  // Trim source-only text at the ends when aligning a fragment.
  let first = 0;
  let last = parts.length - 1;
  let sourceStart = 0;
  let sourceEnd = source.length;
  if (fragment) {
    while (first <= last && parts[first].removed) sourceStart += parts[first++].value.length;
    while (last >= first && parts[last].removed) sourceEnd -= parts[last--].value.length;
  }
  const edits: AlignEdit[] = [];
  let d = 0;
  let same = 0;
  let pending: AlignEdit | undefined;
  const flush = () => {
    if (pending) edits.push(pending);
    pending = undefined;
  };
  for (let k = first; k <= last; k++) {
    const p = parts[k];
    if (!p.added && !p.removed) {
      flush();
      d += p.value.length;
      same += p.value.length;
    } else if (p.added) {
      pending ??= { start: d, end: d, replacement: '' };
      d += p.value.length;
      pending.end = d;
    } else {
      pending ??= { start: d, end: d, replacement: '' };
      pending.replacement += p.value;
    }
  }
  flush();
  if (fragment && edits.length) {
    // A change at either end of the draft may run on into source words the draft does not quote
    // (丰富内函 against 丰富内涵，围绕…): only as much source as the draft has there is its counterpart.
    const last = edits[edits.length - 1];
    const lastLen = last.end - last.start;
    if (last.end === draft.length && lastLen > 0 && last.replacement.length > lastLen) {
      sourceEnd -= last.replacement.length - lastLen;
      last.replacement = last.replacement.slice(0, lastLen);
    }
    const first = edits[0];
    const firstLen = first.end - first.start;
    if (first.start === 0 && firstLen > 0 && first.replacement.length > firstLen) {
      sourceStart += first.replacement.length - firstLen;
      first.replacement = first.replacement.slice(first.replacement.length - firstLen);
    }
  }
  return { edits, same, sourceStart, sourceEnd };
}

/**
 * The part of a long source sentence that a draft sentence can repeat, placed by a piece of the
 * draft found exactly once in the source. A character diff over the whole source may tie the
 * draft's first character to an earlier one (以 of 以来 instead of the 以 before 与时俱进) and cut
 * the match in two; within this part it cannot stray that far.
 */
export function anchoredPart(sentence: string, source: string): string {
  const n = sentence.length;
  if (source.length <= n * 1.5) return source;
  const piece = Math.min(6, n);
  const middle = Math.max(0, (n - piece) >> 1);
  for (let step = 0; step < n; step++) {
    // From the middle outwards: middle, middle + 1, middle − 1, middle + 2, …
    const at = middle + (step % 2 ? (step + 1) >> 1 : -(step >> 1));
    if (at < 0 || at + piece > n) continue;
    const p = source.indexOf(sentence.slice(at, at + piece));
    if (p < 0 || source.indexOf(sentence.slice(at, at + piece), p + 1) >= 0) continue;
    const slack = Math.ceil(n / 4);
    return source.slice(Math.max(0, p - at - slack), Math.min(source.length, p + (n - at) + slack));
  }
  return source;
}
