// Trimming characters of a class from the ends of a string by a scan from that end. A regex such as
// /[。！？]+$/ tries every start position in a long run of such characters that is followed by others
// (quadratic: 40,000 of them took a second); a scan is linear.

/** `text` without the characters `strip` accepts at its end. */
export function trimEndWhere(text: string, strip: (c: string) => boolean): string {
  let end = text.length;
  while (end > 0 && strip(text[end - 1])) end--;
  return text.slice(0, end);
}

/** `text` without the characters `strip` accepts at its start. */
export function trimStartWhere(text: string, strip: (c: string) => boolean): string {
  let start = 0;
  while (start < text.length && strip(text[start])) start++;
  return text.slice(start);
}

/** A test for one character (UTF-16 unit) of a class written like a regex class's contents. */
export function charClass(chars: string, whitespace = false): (c: string) => boolean {
  const set = new Set(chars);
  return whitespace ? (c) => set.has(c) || /\s/.test(c) : (c) => set.has(c);
}

/** Marks that end a quoted passage without being its wording: 。！？，；、… and spaces. */
export const isQuoteEndMark = charClass('。！？，；、…', true);
