// Pinyin of Chinese text (pinyin-pro): full syllables and initials, toneless, for completion and sound similarity.
import type * as PinyinPro from 'pinyin-pro';

// Required on first use: setting up pinyin-pro's dictionaries takes ~70 ms, which a run that never
// asks for pinyin (an index, a check without sound-alike terms) should not pay at start-up.
let pinyinPro: typeof PinyinPro | undefined;
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pinyin: typeof PinyinPro.pinyin = ((text: string, options: object) => (pinyinPro ??= require('pinyin-pro') as typeof PinyinPro).pinyin(text, options)) as typeof PinyinPro.pinyin;

/** Toneless syllables, one per character ('' for a non-Chinese character). */
export function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });
}

/** First letters of each syllable: 人类命运共同体 → rlmygtt. */
export function initials(text: string): string {
  return pinyin(text, { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
}

const readingsByChar = new Map<string, readonly string[]>();

/** Pinyin of one character, or all its readings for heteronyms (remembered: pinyin-pro takes ~30 µs a call). */
export function charReadings(ch: string): readonly string[] {
  let r = readingsByChar.get(ch);
  if (!r) {
    r = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
    // (Bounded for a long-running server fed odd text: the Chinese characters in use are far fewer.)
    if (readingsByChar.size >= 1 << 16) readingsByChar.clear();
    readingsByChar.set(ch, r);
  }
  return r;
}

/**
 * One entry per UTF-16 code unit of `text`: the toneless syllable of a Chinese character, the
 * character itself otherwise, and '' for the second half of a surrogate pair.
 */
export function syllablesByUnit(text: string): string[] {
  const items = pinyin(text, { toneType: 'none', type: 'array', nonZh: 'spaced', v: true });
  const out: string[] = [];
  let k = 0;
  for (const ch of text) {
    out.push(items[k++] ?? ch);
    if (ch.length === 2) out.push('');
  }
  return out;
}
