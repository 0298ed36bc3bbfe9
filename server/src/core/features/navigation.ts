// Go to definition / find references: from the term (or quotation) at the cursor in a draft to
// its places in the sources, as line/column ranges of the ORIGINAL source files.
import type { CorpusIndex } from '../index/corpus';
import { primaryRef, quoteAt, sortRefs, termAt } from './termAt';
import { isQuoteEndMark, trimEndWhere } from '../text/trim';

/** A range in an original source file: 0-based lines, UTF-16 columns, end exclusive. */
export interface SourcePlace {
  file: string;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

function place(index: CorpusIndex, ref: { file: string; article: number; start: number; end: number }): SourcePlace {
  const p = index.placeOf(ref);
  return { file: p.file, line: p.line, character: p.character, endLine: p.endLine, endCharacter: p.endCharacter };
}

/** The text the cursor is on: a known term, else a quotation found verbatim in the sources. */
function target(index: CorpusIndex, text: string, offset: number): { text: string; term?: ReturnType<typeof termAt> } | undefined {
  const hit = termAt(index, text, offset);
  if (hit) return { text: hit.term.text, term: hit };
  const quote = quoteAt(text, offset);
  if (!quote) return undefined;
  const body = trimEndWhere(quote.text, isQuoteEndMark);
  if (body.length >= 2 && index.frequency(body) > 0) return { text: body };
  return undefined;
}

/** The defining (or first) source place of the term at the cursor; for a quotation, its source. */
export function getDefinition(index: CorpusIndex, text: string, offset: number): SourcePlace | undefined {
  const at = target(index, text, offset);
  if (at?.term) {
    const ref = primaryRef(index, at.term.term);
    return ref ? place(index, ref) : undefined;
  }
  if (at) {
    const ref = sortRefs(index, index.occurrences(at.text, 1000))[0];
    if (ref) return place(index, ref);
  }
  // A quotation that is not verbatim: its nearest source sentence.
  const quote = quoteAt(text, offset);
  if (quote && quote.text.length >= 6) {
    const best = index.sentences.similar(quote.text, 0.6, 1)[0];
    if (best) return place(index, best.sentence);
  }
  return undefined;
}

/** Every use of the term (or verbatim quotation) at the cursor in the sources, in file order. */
export function getReferences(index: CorpusIndex, text: string, offset: number): SourcePlace[] {
  const at = target(index, text, offset);
  if (!at) return [];
  return sortRefs(index, index.occurrences(at.text, 1000)).map((r) => place(index, r));
}
