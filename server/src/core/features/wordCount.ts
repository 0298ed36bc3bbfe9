// Character counts of a draft, as Chinese editors count them: Chinese characters (CJK
// ideographs, including the astral extensions, one each) and all non-whitespace characters.

export interface CharCount {
  /** CJK ideographs (an astral ideograph such as 𠮷 counts once). */
  chinese: number;
  /** Every non-whitespace character, counted by code point. */
  total: number;
}

const IDEOGRAPH = /[\p{Unified_Ideograph}\u3007\uF900-\uFAFF\u{2F800}-\u{2FA1F}]/u;
const SPACE = /\s/u;

export function countChars(text: string): CharCount {
  let chinese = 0;
  let total = 0;
  for (const ch of text) {
    if (SPACE.test(ch)) continue;
    total++;
    if (IDEOGRAPH.test(ch)) chinese++;
  }
  return { chinese, total };
}
