// Maps offsets of a text rebuilt from pieces of an original (reflowed paragraphs) back to the
// original. Stored as pieces, not one number per character: a file of 100 k characters has a few
// hundred pieces, which keeps the index cache small and fast to read.

import { lastAtOrBefore } from './sortedSearch';

/**
 * `pieces` are flat pairs [originalStart, length]: the rebuilt text is the concatenation of
 * original.slice(originalStart, originalStart + length) for each piece, where a piece of length 0
 * stands for one '\n' paragraph separator, mapped to the original line break at originalStart.
 */
export class OffsetMap {
  private readonly textStarts: Int32Array;
  readonly textLength: number;

  constructor(
    readonly pieces: readonly number[],
    readonly originalLength: number,
  ) {
    this.textStarts = new Int32Array(pieces.length >> 1);
    let at = 0;
    for (let p = 0; p < pieces.length; p += 2) {
      this.textStarts[p >> 1] = at;
      at += pieces[p + 1] === 0 ? 1 : pieces[p + 1];
    }
    this.textLength = at;
  }

  static identity(length: number): OffsetMap {
    return new OffsetMap(length > 0 ? [0, length] : [], length);
  }

  /** Offset in the original of rebuilt offset `i` (clamped; textLength maps to originalLength). */
  toOriginal(i: number): number {
    if (i >= this.textLength) return this.originalLength;
    if (i <= 0) return this.pieces.length ? this.pieces[0] : 0;
    const piece = lastAtOrBefore(this.textStarts, i);
    return this.pieces[piece * 2] + (i - this.textStarts[piece]);
  }

  /** The original range of rebuilt range [start, end): the end maps through its last character. */
  rangeToOriginal(start: number, end: number): { start: number; end: number } {
    const s = this.toOriginal(start);
    return { start: s, end: end > start ? this.toOriginal(end - 1) + 1 : s };
  }

  /** The rebuilt text, from the original these pieces were taken from. */
  rebuild(original: string): string {
    const parts: string[] = [];
    for (let p = 0; p < this.pieces.length; p += 2) {
      const len = this.pieces[p + 1];
      parts.push(len === 0 ? '\n' : original.slice(this.pieces[p], this.pieces[p] + len));
    }
    return parts.join('');
  }

  /** Whether these pieces can describe `original` (a damaged cache must not be trusted). */
  fits(original: string): boolean {
    if (this.originalLength !== original.length || this.pieces.length % 2 !== 0) return false;
    let last = -1;
    for (let p = 0; p < this.pieces.length; p += 2) {
      const start = this.pieces[p];
      const len = this.pieces[p + 1];
      if (!Number.isInteger(start) || !Number.isInteger(len) || start <= last || len < 0 || start + len > original.length) return false;
      last = start + Math.max(len, 1) - 1;
    }
    return true;
  }

  toJSON(): { pieces: readonly number[]; originalLength: number } {
    return { pieces: this.pieces, originalLength: this.originalLength };
  }
}
