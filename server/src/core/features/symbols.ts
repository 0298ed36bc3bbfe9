// The heading outline of a Chinese official draft: 第一章 / 第一节, 一、, （一）, 1., （1）, and
// Markdown # headings, nested by level. Offsets are UTF-16; line breaks may be \n, \r\n or \r.
import { charClass, trimEndWhere } from '../text/trim';

const HORIZONTAL_SPACE = charClass(' \t\u3000');
const PAUSE_MARK = charClass('，、：；,:;');

export interface HeadingSymbol {
  /** The heading text, marker included (up to the first 。 or 30 characters for run-in headings). */
  name: string;
  /** 0 第X章, 1 第X节, 2 一、, 3 （一）, 4 1., 5 （1）; Markdown # … ###### are 0 … 5. */
  level: number;
  /** The section: from the heading line to the next heading of the same or a higher level. */
  start: number;
  end: number;
  /** The heading name in the text. */
  selectionStart: number;
  selectionEnd: number;
  children: HeadingSymbol[];
}

const NUM = '[一二三四五六七八九十百千零〇两]+';
const LEADING_SPACE = /^[ \t\u3000\u00a0]*/;
const MAX_NAME = 30;

interface Marker {
  level: number;
  /** Matches at the start of the (indentation-trimmed) line; group 1, when present, is the heading text after a Markdown marker. */
  re: RegExp;
  markdown?: boolean;
}

const MARKERS: Marker[] = [
  { level: -1, re: /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/, markdown: true },
  { level: 0, re: new RegExp(`^第${NUM}(?:章|部分|篇|编)`) },
  { level: 1, re: new RegExp(`^第${NUM}节`) },
  { level: 2, re: new RegExp(`^${NUM}[、．.]`) },
  { level: 3, re: new RegExp(`^[（(]${NUM}[）)]`) },
  { level: 4, re: /^[0-9０-９]{1,3}[.．](?![0-9０-９])/ },
  { level: 5, re: /^[（(][0-9０-９]{1,3}[）)]/ },
];

/** True when the line opens with a heading marker (# 标题, 第一章, 一、, （一）, 1., （1）). */
export function startsWithHeadingMarker(line: string): boolean {
  const body = line.slice(LEADING_SPACE.exec(line)![0].length);
  return MARKERS.some((m) => m.re.test(body));
}

/** Cuts a run-in heading at the first 。 (or ；/！/？) and at 30 characters (code points). */
function headingName(line: string): string {
  const stop = line.search(/[。；！？]/);
  let name = stop >= 0 ? line.slice(0, stop) : line;
  name = trimEndWhere(name, HORIZONTAL_SPACE);
  const chars = Array.from(name);
  if (chars.length > MAX_NAME) name = trimEndWhere(chars.slice(0, MAX_NAME).join(''), PAUSE_MARK);
  return name;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let at = 0;
  for (;;) {
    const m = re.exec(text);
    const end = m ? m.index : text.length;
    out.push({ start: at, end, text: text.slice(at, end) });
    if (!m) break;
    at = m.index + m[0].length;
  }
  return out;
}

export function getDocumentSymbols(text: string): HeadingSymbol[] {
  const flat: HeadingSymbol[] = [];
  let fence = false;
  for (const line of lines(text)) {
    if (/^\s*(```|~~~)/.test(line.text)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    const indent = LEADING_SPACE.exec(line.text)![0].length;
    const body = line.text.slice(indent);
    if (!body) continue;
    for (const marker of MARKERS) {
      const m = marker.re.exec(body);
      if (!m) continue;
      let name: string;
      let nameStart: number;
      let level = marker.level;
      if (marker.markdown) {
        level = m[1].length - 1;
        name = headingName(m[2]);
        if (!name) break;
        nameStart = line.start + indent + body.indexOf(m[2]);
      } else {
        // A marker alone on a line is not a heading.
        if (body.length === m[0].length && level >= 2) break;
        name = headingName(body);
        nameStart = line.start + indent;
      }
      flat.push({ name, level, start: line.start, end: line.end, selectionStart: nameStart, selectionEnd: nameStart + name.length, children: [] });
      break;
    }
  }
  // Section extents: up to the next heading of the same or a higher level (trailing blank lines excluded).
  for (let i = 0; i < flat.length; i++) {
    let stop = text.length;
    for (let k = i + 1; k < flat.length; k++) {
      if (flat[k].level <= flat[i].level) {
        stop = flat[k].start;
        break;
      }
    }
    let end = stop;
    while (end > flat[i].selectionEnd && /[\s]/.test(text[end - 1])) end--;
    flat[i].end = Math.max(end, flat[i].selectionEnd);
  }
  // Nesting: each heading goes under the nearest preceding heading of a lower level.
  const roots: HeadingSymbol[] = [];
  const stack: HeadingSymbol[] = [];
  for (const h of flat) {
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(h);
    else roots.push(h);
    stack.push(h);
  }
  // A section holds its subsections, even where a name runs into trailing whitespace (\v) that the
  // section's own extent left out.
  const enclose = (h: HeadingSymbol): number => {
    for (const c of h.children) h.end = Math.max(h.end, enclose(c));
    return h.end;
  };
  roots.forEach(enclose);
  return roots;
}
