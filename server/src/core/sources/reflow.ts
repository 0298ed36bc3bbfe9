// Rebuilds real paragraphs from a source file's lines, keeping a map back to the original.
//
// Two layouts are recognised:
// - column-set text (newspaper columns copied from a PDF): most lines are short, of about the
//   same width, and end mid-sentence — even mid-word ("讲\n\n话"). Lines are joined until a
//   paragraph ends: a line ending a sentence that is itself short or is followed by a line that
//   starts a paragraph (indented, numbered, a dateline…) or by a short finished line, or a
//   short heading line.
// - everything else: one paragraph per non-empty line, except that a long line cut off
//   mid-sentence (a page break in the copy) is joined with the body line that continues it.
//
// Paragraphs are trimmed of whitespace (including U+3000) and separated by one '\n' each.

import { OffsetMap } from '../text/offsetMap';

export interface ReflowResult {
  /** Paragraphs separated by '\n'. */
  text: string;
  /** Offsets of `text` back to the original; textLength maps to the original length. */
  map: OffsetMap;
}

/** A non-blank line: its trimmed content [start, end) and the offset of its line break. */
interface Line {
  start: number;
  end: number;
  brk: number;
  width: number;
  terminal: boolean;
  /** Starts like a paragraph whatever the layout: numbering, a dateline, a marker, a list dash… */
  opener: boolean;
  /** A continuation marker or dateline alone on its line. */
  standalone: boolean;
}

const SENTENCE_END = new Set([...'。！？；：!?;:…—']);
const CLOSERS = new Set([...'”’」』》〉）)】〕"\'']);

const NUM = '[一二三四五六七八九十百零〇\\d]';
const MARKER = `[（(](?:上接|下转|紧接|接|转)第?${NUM}{1,3}版[）)]`;
const DATELINE = `[\\u4e00-\\u9fff]{0,14}\\d{1,2}月\\d{1,2}日[电讯]`;
const OPENER = new RegExp(
  [
    `^[（(]${NUM}{1,4}[）)]`, // （三）
    `^[一二三四五六七八九十百]{1,3}[、．.]`, // 三、
    `^\\d{1,3}(?:[、．]|\\.(?!\\d))`, // 1、 1.
    `^第${NUM}{1,5}[章节条款部分篇]`,
    '^——',
    `^${MARKER}`,
    `^[（(]?${DATELINE}`,
    '^本报讯',
    '^(?:#{1,6}\\s|[-*+]\\s|>|\\|)', // Markdown blocks
  ].join('|'),
);
const STANDALONE = new RegExp(`^(?:${MARKER}|[（(]${DATELINE}[）)]|${DATELINE}|[（(]完[）)])$`);

/** Whitespace as in JavaScript's \s (including U+3000 and U+FEFF), by code. */
export function isSpace(ch: string): boolean {
  return isSpaceCode(ch.charCodeAt(0));
}

export function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return c === 0xa0 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** Approximate printed width: CJK characters and full-width punctuation 1, Latin and curly quotes ½. */
function displayWidth(s: string, start: number, end: number): number {
  let w = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // second half of a surrogate pair
    w += c < 0x1100 || (c >= 0x2018 && c <= 0x201d) ? 0.5 : 1;
  }
  return w;
}

/**
 * Whether s[start, end) ends a sentence: final punctuation (。！？；：…… ——) before any closing
 * quotes or brackets, or a parenthesis that follows such an ending or fills the line
 * (（新华社北京8月28日电）, （上接第一版）).
 */
export function endsSentence(s: string, start: number, end: number): boolean {
  let i = end - 1;
  if (i < start) return false;
  const last = s[i];
  if (last === '）' || last === ')') {
    const open = s.lastIndexOf(last === '）' ? '（' : '(', i);
    if (open >= start) {
      let j = open - 1;
      while (j >= start && isSpace(s[j])) j--;
      if (j < start || SENTENCE_END.has(s[j])) return true;
    }
  }
  while (i >= start && CLOSERS.has(s[i])) i--;
  return i >= start && SENTENCE_END.has(s[i]);
}

function scanLines(s: string): Line[] {
  const lines: Line[] = [];
  let at = 0;
  while (at <= s.length) {
    let brk = at;
    while (brk < s.length && s[brk] !== '\n' && s[brk] !== '\r') brk++;
    let start = at;
    let end = brk;
    while (start < end && isSpace(s[start])) start++;
    while (end > start && isSpace(s[end - 1])) end--;
    if (end > start) {
      const content = s.slice(start, end);
      lines.push({
        start,
        end,
        brk,
        width: displayWidth(s, start, end),
        terminal: endsSentence(s, start, end),
        opener: OPENER.test(content),
        standalone: STANDALONE.test(content),
      });
    }
    if (brk >= s.length) break;
    at = brk + (s[brk] === '\r' && s[brk + 1] === '\n' ? 2 : 1);
  }
  return lines;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function isCjk(c: number): boolean {
  return (c >= 0x3000 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0xd800 && c <= 0xdbff);
}

/** The column width when the text is column-set, else undefined. */
function columnWidth(s: string, lines: Line[]): number | undefined {
  if (lines.length < 8) return undefined;
  // Many lines end mid-sentence and most are about as wide as those…
  const open = lines.filter((l) => !l.terminal);
  if (open.length < lines.length * 0.4) return undefined;
  const width = median(open.map((l) => l.width));
  if (width < 6 || width > 45) return undefined;
  const near = lines.filter((l) => l.width >= width - 2.5 && l.width <= width + 1.5).length;
  if (near < lines.length * 0.5) return undefined;
  // …yet nearly all of them hold punctuation, unlike a word list.
  const punctuated = lines.filter((l) => /[，。、；：？！“”]/.test(s.slice(l.start, l.end))).length;
  if (punctuated < lines.length * 0.5) return undefined;
  let cjk = 0;
  let total = 0;
  for (const l of lines) {
    for (let i = l.start; i < l.end; i++) {
      const c = s.charCodeAt(i);
      if (isSpace(s[i])) continue;
      total++;
      if (isCjk(c)) cjk++;
    }
  }
  // Joining lines without a space only suits CJK text.
  return cjk >= total * 0.5 ? width : undefined;
}

/** Groups column-set lines into paragraphs. */
function columnParagraphs(lines: Line[], width: number): Line[][] {
  const short = (l: Line) => l.width < width - 1;
  // An indented first line is a little shorter than a full one; a heading is shorter still.
  const startsParagraph = (l: Line, prev: Line) =>
    l.opener || (short(l) && !l.terminal && (l.width >= width - 3.5 || prev.terminal || !short(prev)));
  const breakBetween = (a: Line, b: Line) => {
    if (a.standalone || b.standalone) return true;
    // After a finished sentence a short finished line is taken as a paragraph of its own (a
    // subhead, a one-line paragraph): wrongly splitting there never cuts a sentence.
    if (a.terminal) return short(a) || startsParagraph(b, a) || (short(b) && b.terminal);
    return short(a) && startsParagraph(b, a);
  };
  return group(lines, breakBetween);
}

/** One paragraph per line, except that a long line cut mid-sentence joins the body line after it. */
function lineParagraphs(lines: Line[]): Line[][] {
  const LONG = 50;
  return group(lines, (a, b) => a.terminal || a.width < LONG || b.opener || b.standalone || (!b.terminal && b.width < LONG));
}

function group(lines: Line[], breakBetween: (a: Line, b: Line) => boolean): Line[][] {
  const out: Line[][] = [];
  let current: Line[] = [];
  for (let i = 0; i < lines.length; i++) {
    current.push(lines[i]);
    if (i + 1 === lines.length || breakBetween(lines[i], lines[i + 1])) {
      out.push(current);
      current = [];
    }
  }
  return out;
}

/** Rebuilds the paragraphs of `original`; see the module comment. */
export function reflow(original: string): ReflowResult {
  const lines = scanLines(original);
  const width = columnWidth(original, lines);
  const paragraphs = width === undefined ? lineParagraphs(lines) : columnParagraphs(lines, width);
  const parts: string[] = [];
  const pieces: number[] = [];
  paragraphs.forEach((para, p) => {
    if (p > 0) {
      parts.push('\n');
      pieces.push(paragraphs[p - 1][paragraphs[p - 1].length - 1].brk, 0);
    }
    for (const line of para) {
      if (line.end <= line.start) continue;
      parts.push(original.slice(line.start, line.end));
      pieces.push(line.start, line.end - line.start);
    }
  });
  return { text: parts.join(''), map: new OffsetMap(pieces, original.length) };
}
