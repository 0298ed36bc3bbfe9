// Converts between string offsets and 0-based line/character positions (UTF-16 code units).
// Lines end at \n, \r\n or a lone \r, as in LSP.
import { lastAtOrBefore } from './sortedSearch';

export interface LineCol {
  line: number;
  character: number;
}

export class LineIndex {
  /** Offset where each line starts; always starts with 0. */
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) i++;
      if (c === 10 || c === 13) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset where `line` starts (clamped to the existing lines). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** Offset where `line`'s content ends, before its line break. */
  lineEnd(line: number): number {
    const l = Math.max(0, Math.min(line, this.starts.length - 1));
    let end = l + 1 < this.starts.length ? this.starts[l + 1] : this.text.length;
    if (end > this.starts[l] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[l] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line and character of an offset (clamped to the text). */
  positionAt(offset: number): LineCol {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const line = lastAtOrBefore(this.starts, at);
    return { line, character: at - this.starts[line] };
  }

  /** The offset of a line and character; past the end of the line means its end. */
  offsetAt(line: number, character: number): number {
    if (line < 0) return 0;
    if (line >= this.starts.length) return this.text.length;
    return Math.min(this.starts[line] + Math.max(0, character), this.lineEnd(line));
  }
}
