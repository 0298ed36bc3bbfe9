// UTF-16 offsets are the core's positions; a character outside the BMP (𠮷) takes two of them, and no
// range, cursor or edit may fall between its halves.

/** True when `at` falls between the two halves of a surrogate pair (inside 𠮷). */
export function splitsSurrogatePair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
