// A loaded file turned into a SourceText (decoded original + reflowed paragraphs + offset map),
// and line/column helpers over the original text.
import { LineIndex, type LineCol } from '../text/lineIndex';
import type { SourceText } from '../types';
import type { LoadedFile } from './loader';
import { reflow } from './reflow';

/** What a source text is built from: a loaded file (or any text with a name and a hash). */
export type SourceContent = Pick<LoadedFile, 'path' | 'hash' | 'text' | 'encoding'>;

export function buildSourceText(file: SourceContent): SourceText {
  const { text, map } = reflow(file.text);
  return { path: file.path, hash: file.hash, encoding: file.encoding, original: file.text, text, map };
}

// Callers usually convert many offsets of one text in a row: keep the last index.
let lastIndex: LineIndex | undefined;

function indexFor(original: string): LineIndex {
  if (lastIndex?.text !== original) lastIndex = new LineIndex(original);
  return lastIndex;
}

/** 0-based line and UTF-16 character of an offset in `original` (lines end at \n, \r\n or \r). */
export function offsetToLineCol(original: string, offset: number): LineCol {
  return indexFor(original).positionAt(offset);
}

/** The offset in `original` of a 0-based line and UTF-16 character (clamped to the line). */
export function lineColToOffset(original: string, line: number, character: number): number {
  return indexFor(original).offsetAt(line, character);
}
