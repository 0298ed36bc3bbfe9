// A draft split into paragraphs (lines), each segmented lazily once and shared by all rules.
import { tokenize, type Token } from './lang/segmenter';
import type { ParagraphDoc } from './rules/types';
import type { TextRange } from './types';

export class Paragraph implements ParagraphDoc {
  private cachedTokens: Token[] | undefined;
  constructor(readonly text: string) {}
  tokens(): Token[] {
    this.cachedTokens ??= tokenize(this.text);
    return this.cachedTokens;
  }
}

export interface DraftParagraph extends TextRange {
  text: string;
}

/** Splits text into lines without their terminators (\n, \r\n or a lone \r); empty lines are skipped. */
export function splitParagraphs(text: string): DraftParagraph[] {
  const out: DraftParagraph[] = [];
  const re = /\r\n|\r|\n/g;
  let at = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    if (end > at) out.push({ start: at, end, text: text.slice(at, end) });
    if (!m) break;
    at = m.index + m[0].length;
  }
  return out;
}
