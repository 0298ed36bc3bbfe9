// What the cursor is on in a draft: the indexed term (quoted term, definition, alias or
// abbreviation, title, formulation) covering the offset, and the quotation “…” around it.
// Shared by hover and navigation. Offsets are UTF-16 code units of the whole draft.
import type { CorpusIndex, TermInfo } from '../index/corpus';
import { findQuotes, findTitles } from '../index/miner';
import type { SourceRef } from '../types';

export interface TermHit {
  term: TermInfo;
  /** The term's range in the draft. */
  start: number;
  end: number;
  /** True when the draft itself delimits it (“…” or 《…》 around exactly the term). */
  delimited: boolean;
}

export interface QuoteHit {
  /** The quoted words' range in the draft (inside the marks). */
  start: number;
  end: number;
  text: string;
}

interface TermCache {
  maxLength: number;
  lengths: number[];
  shortForms: Map<string, string[]>;
}

const caches = new WeakMap<CorpusIndex, TermCache>();

function cache(index: CorpusIndex): TermCache {
  let c = caches.get(index);
  if (!c) {
    const lengths = new Set<number>();
    const shortForms = new Map<string, string[]>();
    for (const t of index.allTerms()) {
      lengths.add(t.text.length);
      if (t.fullForm) {
        const list = shortForms.get(t.fullForm);
        if (list) list.push(t.text);
        else shortForms.set(t.fullForm, [t.text]);
      }
    }
    const sorted = [...lengths].filter((n) => n >= 2).sort((a, b) => a - b);
    c = { maxLength: sorted.length ? sorted[sorted.length - 1] : 0, lengths: sorted, shortForms };
    caches.set(index, c);
  }
  return c;
}

/** Short forms (上合组织) that the sources use for a full name (上海合作组织). */
export function shortFormsOf(index: CorpusIndex, full: string): string[] {
  return cache(index).shortForms.get(full) ?? [];
}

/** The [start, end) of the line holding `offset` (without its line break). */
export function lineAround(text: string, offset: number): { start: number; end: number } {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { start, end };
}

/** Terms the sources mark as terms (quoted, defined, abbreviated, titled) or explain outrank recurring wording. */
function tier(t: TermInfo): number {
  // A defined term has its definition.
  return t.kinds.has('quoted') || t.kinds.has('alias') || t.kinds.has('title') || !!t.fullForm || !!t.definition ? 1 : 0;
}

function usable(t: TermInfo | undefined): t is TermInfo {
  return !!t && (t.count > 0 || !!t.definition || !!t.fullForm || t.refs.length > 0);
}

/**
 * The known term at the cursor: among index entries covering the offset (the character after
 * the cursor, or else the one before it), one the draft delimits with “” or 《》 first, then
 * marked terms before recurring formulations, then the longest.
 */
export function termAt(index: CorpusIndex, text: string, offset: number): TermHit | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  const c = cache(index);
  if (!c.maxLength) return undefined;
  const line = lineAround(text, offset);
  const rel = offset - line.start;
  const lineText = text.slice(line.start, line.end);

  // Spans the draft delimits.
  const delimited = new Set<string>();
  for (const q of findQuotes(lineText)) delimited.add(`${q.open + 1}:${q.close}`);
  for (const ti of findTitles(lineText)) delimited.add(`${ti.open + 1}:${ti.close}`);

  let best: { hit: TermHit; score: number[] } | undefined;
  const better = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] > b[i];
    return false;
  };
  const from = Math.max(0, rel - c.maxLength);
  for (let s = from; s <= rel; s++) {
    for (const len of c.lengths) {
      const e = s + len;
      if (e > lineText.length) break;
      if (e < rel) continue;
      // The character after the cursor is covered, or the term ends right at the cursor.
      const covers = s <= rel && rel < e ? 1 : 0;
      if (!covers && e !== rel) continue;
      const info = index.term(lineText.slice(s, e));
      if (!usable(info)) continue;
      const isDelimited = delimited.has(`${s}:${e}`) ? 1 : 0;
      const score = [covers, isDelimited, tier(info), len];
      if (!best || better(score, best.score)) {
        best = { hit: { term: info, start: line.start + s, end: line.start + e, delimited: !!isDelimited }, score };
      }
    }
  }
  return best?.hit;
}

/** The innermost “…” around the cursor (the cursor may sit on either mark). */
export function quoteAt(text: string, offset: number): QuoteHit | undefined {
  const line = lineAround(text, offset);
  const rel = offset - line.start;
  const lineText = text.slice(line.start, line.end);
  let best: QuoteHit | undefined;
  for (const q of findQuotes(lineText)) {
    if (q.open <= rel && rel <= q.close + 1) {
      const hit = { start: line.start + q.open + 1, end: line.start + q.close, text: lineText.slice(q.open + 1, q.close) };
      if (!best || hit.end - hit.start < best.end - best.start) best = hit;
    }
  }
  return best;
}

/** A ref pointing at the term itself: its first use right after its definition, else the first mined place, else the first occurrence. */
export function primaryRef(index: CorpusIndex, term: TermInfo): SourceRef | undefined {
  const def = term.definition?.ref;
  if (def) {
    const after = index.occurrencesWithin(term.text, def.file, def.end, def.end + 41)[0];
    if (after) return after;
  }
  const mined = term.refs.find((r) => index.fileByPath(r.file)?.source.text.slice(r.start, r.end) === term.text);
  if (mined) return mined;
  return index.firstOccurrence(term.text) ?? def ?? term.refs[0];
}

/** Refs in the index's file order, then by offset. */
export function sortRefs(index: CorpusIndex, refs: SourceRef[]): SourceRef[] {
  const order = new Map(index.files.map((f, i) => [f.source.path, i]));
  return [...refs].sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.start - b.start);
}
