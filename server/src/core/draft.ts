// A draft split into paragraphs (lines), each segmented lazily once and shared by all rules.
import { tokenize, type Token } from './lang/segmenter';
import type { ParagraphDoc } from './rules/types';
import type { TextRange } from './types';

export class Paragraph implements ParagraphDoc {
  private cachedTokens: Token[] | undefined;
  private cachedWords: Words | undefined;
  constructor(
    readonly text: string,
    readonly quotationGoesOn?: boolean,
    readonly inList?: boolean,
    readonly endsBlock?: boolean,
  ) {}
  tokens(): Token[] {
    this.cachedTokens ??= tokenize(this.text);
    return this.cachedTokens;
  }
  words(): Words {
    this.cachedWords ??= new Words(this.tokens(), this.text.length);
    return this.cachedWords;
  }
}

/**
 * Which word each UTF-16 position of a paragraph belongs to, in constant time: rules ask this for
 * many positions, and a search through the words per question made a 400,000-character paragraph
 * quadratic.
 */
export class Words {
  private readonly at: Int32Array;
  private readonly starts = new Set<number>();
  private readonly ends = new Set<number>();
  constructor(readonly tokens: Token[], length: number) {
    this.at = new Int32Array(length).fill(-1);
    tokens.forEach((tok, n) => {
      this.at.fill(n, tok.start, tok.end);
      this.starts.add(tok.start);
      this.ends.add(tok.end);
    });
  }
  /** The word holding the position, if any. */
  word(pos: number): Token | undefined {
    return this.tokens[this.at[pos]];
  }
  startsAt(pos: number): boolean {
    return this.starts.has(pos);
  }
  endsAt(pos: number): boolean {
    return this.ends.has(pos);
  }
  /** True when [start, end) is a whole number of words. */
  aligned(start: number, end: number): boolean {
    return this.starts.has(start) && this.ends.has(end);
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

/**
 * Whether a quotation left open at the end of a paragraph can go on in the next one, as its text
 * shows: the next paragraph opens with a quotation mark again (GB/T 15834: each paragraph of a
 * long quotation does) or closes one it never opened. Without a next paragraph it cannot.
 */
export function quotationGoesOn(next: string | undefined): boolean {
  if (next === undefined) return false;
  const s = next.trimStart();
  if (s.startsWith('“') || s.startsWith('‘')) return true;
  const close = s.search(/[”’]/);
  if (close < 0) return false;
  const open = s.search(/[“‘]/);
  return open < 0 || close < open;
}

/**
 * What a paragraph's rules need to know of its neighbours (see ParagraphDoc), from the texts of all
 * paragraphs: computed only for a paragraph that can use it, undefined otherwise.
 */
export function paragraphContext(texts: readonly string[], k: number, blankLineAfter = false): { quotationGoesOn?: boolean; inList?: boolean; endsBlock?: boolean } {
  const text = texts[k];
  return {
    // Only a paragraph with an opening quotation mark cares whether the next one goes on with it.
    quotationGoesOn: /[“‘]/.test(text) ? quotationGoesOn(nextWithText(texts, k)) : undefined,
    // Only a paragraph ending with a semicolon cares whether the one before leads into a list.
    inList: SEMICOLON_AT_END.test(text) ? LIST_LEAD.test(previousWithText(texts, k) ?? '') : undefined,
    // Only a paragraph that ends without final punctuation (with a comma, or inside a title) cares
    // whether a blank line or the draft's end follows it, or a line that may go on with its sentence.
    endsBlock: !FINAL_AT_END.test(text) ? blankLineAfter || !texts[k + 1]?.trim() : undefined,
  };
}
const FINAL_AT_END = /[。！？；：…!?;:.][”’》）」』】〕)\s]*$/;

/**
 * Whether a blank line separates the line ending at `end` from the next line starting at
 * `nextStart` (two line breaks or more between them, or only white space on the next line).
 */
export function blankLineBetween(text: string, end: number, nextStart: number): boolean {
  const gap = text.slice(end, nextStart);
  return (gap.match(/\r\n|\r|\n/g)?.length ?? 0) >= 2;
}
const SEMICOLON_AT_END = /[；;][”’》）」』】〕)\s]*$/;
/** A paragraph ending so leads into a list whose items may end with semicolons (情形：, …；). */
const LIST_LEAD = /[：:；;][”’》）」』】〕)\s]*$/;

/** A line that only numbers what follows (二、, （三）, 第十一条): a quotation may go on after it. */
const NUMBER_ONLY = /^\s*(?:[（(]?[一二三四五六七八九十百零〇\d]+[)）]?[、.．]?|第[一二三四五六七八九十百零〇\d]+[条章节款项])\s*$/;

/** The text of the next paragraph after `k` that is neither blank nor a number alone. */
function nextWithText(texts: readonly string[], k: number): string | undefined {
  for (let n = k + 1; n < texts.length; n++) if (texts[n].trim() && !NUMBER_ONLY.test(texts[n])) return texts[n];
  return undefined;
}

/** The text of the last paragraph before `k` that is neither blank nor a number alone. */
function previousWithText(texts: readonly string[], k: number): string | undefined {
  for (let n = k - 1; n >= 0; n--) if (texts[n].trim() && !NUMBER_ONLY.test(texts[n])) return texts[n];
  return undefined;
}
