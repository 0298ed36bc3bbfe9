// variant-char: traditional or variant characters in simplified text (二戰 → 二战, 聯合國 → 联合国).
//
// OpenCC (t → cn, with its phrase tables) proposes the conversion of every run of Han characters;
// a changed character is then sorted into one of two kinds:
//  - definite: the character is the standard traditional form of its simplified counterpart in
//    some locale (cn→t, cn→tw or cn→hk gives it back: 戰 ← 战, 為 ← 为), or a compatibility
//    ideograph. It has no business in simplified text: always flagged.
//  - ambiguous: the conversion does not come back (乾 → 干 → 幹, 昇 → 升 → 升, 樑 → 梁 → 梁), or
//    the segmenter's (simplified) dictionary lists the character as a word of its own (於, 後).
//    Such characters were merged into another one by the simplification and survive in mainland
//    text, in names above all (胡明乾, 张昇, 王於昌). They are flagged only where the conversion
//    turns the context into a dictionary word the original is not (乾淨 → 干净, 位於 → 位于).
// Adjacent flagged characters, or flagged characters inside one converted word, form one finding
// whose replacement is the converted text (與時俱進 → 与时俱进).
import { dictEntry, isDictWord, tokenize, wordFreq } from '../lang/segmenter';
import { openCC, toSimplified, toSimplifiedFromTaiwan } from '../lang/variants';
import { t } from '../l10n';
import type { Rule, RuleFinding } from './types';
import type { CorpusIndex } from '../index/corpus';

// Character tables only (simplified → traditional, then the Taiwan and Hong Kong variants): a
// single character needs no phrase table, and these build in milliseconds instead of ~400 ms.
let backConverters: Array<(s: string) => string> | undefined;

function traditionalForms(simplified: string): string[] {
  if (!backConverters) {
    const OpenCC = openCC();
    const { from, to } = OpenCC.Locale;
    // STCharacters ("㐷 傌|…"), not STPhrases ("㓦划 㓦劃|…"): the table whose keys are single characters.
    const characters = from.cn[0].filter((dict) => [...dict.slice(0, dict.indexOf(' '))].length === 1);
    backConverters = [OpenCC.ConverterFactory(characters), OpenCC.ConverterFactory(characters, to.tw), OpenCC.ConverterFactory(characters, to.hk)];
  }
  return backConverters.map((back) => back(simplified));
}

const kinds = new Map<string, boolean>();

/** True when `c` (changed into `simplified` by OpenCC) may be a legitimate mainland character. */
function isAmbiguous(c: string, simplified: string): boolean {
  const key = c + '\u0000' + simplified;
  let ambiguous = kinds.get(key);
  if (ambiguous === undefined) {
    if (c.normalize('NFC') !== c) ambiguous = false; // compatibility ideograph
    else {
      const entry = dictEntry(c);
      ambiguous = !traditionalForms(simplified).includes(c) || (!!entry && entry.pos !== 'zg');
    }
    kinds.set(key, ambiguous);
  }
  return ambiguous;
}

/** How much rarer than its simplified form a dictionary word must be to count as miswritten (see checkRun). */
const RARER_SPELLING = 100;

interface Change {
  /** Code point index in the run. */
  k: number;
  flagged: boolean;
}

export const variantCharRule: Rule = {
  id: 'variant-char',
  description: '简体文稿中的繁体字、异体字（二戰 → 二战）',
  defaultSeverity: 'warning',
  safe: true,
  check(paragraph, ctx) {
    const out: RuleFinding[] = [];
    const text = paragraph.text;
    for (const m of text.matchAll(/\p{Script=Han}+/gu)) {
      const run = m[0];
      const converted = toSimplified(run);
      // (Taiwan's particle 著, which t → cn keeps, is weighed as an ambiguous change: 随著 → 随着.)
      const taiwan = run.includes(TAIWAN_PARTICLE) ? toSimplifiedFromTaiwan(run) : undefined;
      if (converted === run && (taiwan === undefined || taiwan === run)) continue;
      checkRun(run, converted, m.index, out, taiwan, ctx?.index);
    }
    return out;
  },
};

/** Whether the converted pair is a word of the dictionary or one the sources use twice or more, and the original pair is not theirs. */
function isKnownPair(converted: string, original: string, index: CorpusIndex | undefined): boolean {
  if (converted === original || /[^\p{Script=Han}]/u.test(converted)) return false;
  if (isDictWord(converted)) return true;
  return !!index && index.frequency(converted) >= 2 && index.frequency(original) === 0;
}

/** The character Taiwan writes for the particle 着 (随著, 意味著), and 著 of 显著 everywhere. */
const TAIWAN_PARTICLE = '著';

function checkRun(run: string, converted: string, base: number, out: RuleFinding[], taiwan?: string, index?: CorpusIndex): void {
  const orig = Array.from(run);
  let conv = Array.from(converted);
  // The phrase tables map characters one to one; should one ever not, convert character by character.
  if (conv.length !== orig.length) conv = orig.map((c) => toSimplified(c));
  const fromTaiwan = taiwan ? Array.from(taiwan) : [];
  const taiwanOnly = new Set<number>();
  if (fromTaiwan.length === orig.length) {
    orig.forEach((c, k) => {
      if (c === TAIWAN_PARTICLE && conv[k] === c && fromTaiwan[k] !== c) {
        conv[k] = fromTaiwan[k];
        taiwanOnly.add(k);
      }
    });
  }
  const offset: number[] = [0]; // UTF-16 offset of each code point in the run
  for (const c of orig) offset.push(offset[offset.length - 1] + c.length);

  const changes: Change[] = [];
  let needWords = false;
  orig.forEach((c, k) => {
    if (conv[k] === c) return;
    const flagged = !taiwanOnly.has(k) && !isAmbiguous(c, conv[k]);
    if (!flagged) needWords = true;
    changes.push({ k, flagged });
  });
  if (!changes.length) return;

  // Word ids of the converted run: code point index → index of its jieba word (multi-character words only).
  const convText = conv.join('');
  const wordOf = new Int32Array(orig.length).fill(-1);
  const words = tokenize(convText);
  const cpAt = new Map<number, number>(); // UTF-16 offset in convText → code point index
  for (let k = 0, at = 0; k <= conv.length; at += (conv[k] ?? '').length, k++) cpAt.set(at, k);
  words.forEach((w, i) => {
    const from = cpAt.get(w.start), to = cpAt.get(w.end);
    if (from === undefined || to === undefined || to - from < 2) return;
    for (let k = from; k < to; k++) wordOf[k] = i;
  });

  if (needWords) {
    for (const ch of changes) {
      if (ch.flagged) continue;
      const i = wordOf[ch.k];
      if (i < 0) {
        // A character the dictionary does not know at all, names included, that makes with a neighbour
        // a word the dictionary or the sources know once converted (互鑒 → 互鉴): the variant, not a name.
        const k = ch.k;
        ch.flagged = !dictEntry(orig[k]) && ((k > 0 && isKnownPair(conv[k - 1] + conv[k], orig[k - 1] + orig[k], index)) || (k + 1 < conv.length && isKnownPair(conv[k] + conv[k + 1], orig[k] + orig[k + 1], index)));
        continue;
      }
      const w = words[i];
      const from = cpAt.get(w.start)!, to = cpAt.get(w.end)!;
      const original = orig.slice(from, to).join('');
      // (The dictionary lists a few traditional spellings of its own, rarely: 对於 3 times beside
      // 对于 18,058. A word a hundred times rarer than its simplified form is that form miswritten.)
      ch.flagged = original !== w.text && (!isDictWord(original) || wordFreq(original) * RARER_SPELLING < wordFreq(w.text));
    }
  }

  // Group: consecutive flagged characters, or flagged characters in the same converted word.
  let group: [number, number] | undefined;
  const flush = () => {
    if (!group) return;
    const [a, b] = group;
    const wrong = orig.slice(a, b + 1).join('');
    const right = conv.slice(a, b + 1).join('');
    out.push({
      start: base + offset[a],
      end: base + offset[b + 1],
      message:
        b === a
          ? t(`「${wrong}」是繁体字或异体字，规范简体为「${right}」`, `「${wrong}」 is a traditional or variant character; the standard simplified form is 「${right}」`)
          : t(`「${wrong}」含繁体字或异体字，规范简体为「${right}」`, `「${wrong}」 contains traditional or variant characters; the standard simplified form is 「${right}」`),
      replacements: [right],
    });
    group = undefined;
  };
  for (const ch of changes) {
    if (!ch.flagged) continue;
    if (group && (ch.k === group[1] + 1 || (wordOf[ch.k] >= 0 && wordOf[ch.k] === wordOf[group[1]]))) group[1] = ch.k;
    else {
      flush();
      group = [ch.k, ch.k];
    }
  }
  flush();
}
