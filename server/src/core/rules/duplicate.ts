// duplicate: a character or word written twice (提升提升, 因地制宜宜, 在在, 高质量高质量).
//
// Every immediate repetition XX of Han text is a candidate; the paragraph's jieba words, the
// dictionary and the sources decide whether it is language or a slip. Legitimate:
//  - one word holds both copies: the dictionary knows the reduplication (人人, 常常, 实实在在,
//    生生不息, 一件件), or jieba's HMM joins them into an unknown word (names: 李娟娟, 乌云其其格);
//  - the second copy is not a word of its own: it begins inside a word or runs on into a longer one
//    (人民|民主, 中国|国际, 在|在线, 发展|发展中国家);
//  - measure words, alone or after 一 (年年, 一遍遍, 一步一步, 一个领域一个领域), and numerals (二〇二〇);
//  - the sources use the doubled form at least twice (once may be one of their own typos);
//  - a repeated word (X of two or more characters) whose first copy ends a longer word (党组织|组织);
//  - AABB of a word AB (认认真真), characters the dictionary reduplicates (村村, 看看);
//  - a single character after a word ending in it, when it is a free word (可以|以, 目的|的) or
//    begins an unknown compound (幼儿园|园舍); a bound morpheme cannot stand alone (因地制宜|宜);
//  - two single-character words that are not function words (账账相符).
// Whatever survives is flagged on the extra copy, with its deletion as fix: the second copy, or the
// first where one character stands typed twice before the word it begins (韧|韧性).
// Slips the words reveal: a word ending in the character, then the character before a mark (走出去去”);
// a rare verb or noun standing alone after a word ending in it (建设|设新型, 治理|理); a character or
// word typed again as the start of its word or compound (飞|飞跃, 坚|坚持, 中华|中华文化).
// More slips: a character doubled inside an idiom or a common word of three or four characters
// (循序渐渐进, 历史史性), three copies or more before their word (排排排查), a common reduplication that
// leaves a fragment (人人|民城市, 短短|板), the doubled form before a word that begins the sources' terms
// (文文|旅), a measure word doubled after a number before a mark (312处处，), the copula after a
// conjunction ending in it (而是|是) or an ordinal (一是|是), an adjective doubled after a degree adverb
// (越来越多|多的), a whole list item written again as the next one (主动性、主动性), the last character of a
// word of three doubled before a mark (增长点|点，), a noun ending a longer word doubled before a noun
// (文化遗产|遗产|旅游), a word typed again before its suffixed form in a list of such (影响|影响力、感召力).
// Legitimate besides: a verb doubled for a tentative action (多研究研究, 不妨研究研究, 讨论讨论、看一看, 一起来看看,
// 让他品尝品尝), 非常 or 特别 said twice for emphasis, a verb before
// a verb–object word it begins (喝|喝茶), a common reduplication after a word (青年|人人).
import { toSimplified } from '../lang/variants';
import { dictEntry, idioms, isDictWord, isReduplicable, tokenize, wordFreq, type Token } from '../lang/segmenter';
import type { Words } from '../draft';
import { weaklyMined, type CorpusIndex } from '../index/corpus';
import { t } from '../l10n';
import type { Rule, RuleFinding } from './types';

/** Longest repetition of words the dictionary splits (筑|牢) read as one word typed twice. */
const MAX_SPLIT_WORD = 4;
/** Longest repeated word looked for, in UTF-16 code units. */
const MAX_UNIT = 12;
const HAN = /^\p{Script=Han}+$/u;
const NUMERALS = /^[〇零一二三四五六七八九十百千万亿两]+$/;
/** Part-of-speech tags of closed-class words: prepositions, conjunctions, particles, pronouns, adverbs, suffixes. */
const FUNCTION_POS = /^(p|c|u\w*|r\w*|d|y|k)$/;
/** Tags of bound morphemes (vg, ng, zg…), affixes and non-words. */
const BOUND_POS = /^(\w*g|k|h|x)$/;
/** Single-character verbs this frequent without a reduplicated form are copulas and auxiliaries (是, 有, 要). */
const AUXILIARY_FREQ = 100_000;
/** Single-character verbs this frequent may follow a word ending in them (享有|有质量, 收到|到办结). */
const COMMON_VERB_FREQ = 50_000;
const ASPECT = /[了着过]/;
/** Nouns, places, organisations: words that may be followed by a verb of their own last characters (党组织|组织). */
const NOUN_POS = /^(n|ng|ns|nt|nz)$/;
const CJK_CLOSING = /[”’》）」』】〕]/;
/** A doubled character this frequent as a dictionary word is a reduplication wherever it stands (人人, 县县). */
const COMMON_REDUPLICATION = 20;
/** Fewest counts of a dictionary word whose tag as another name (nz) is trusted (大力发展/nz: 3). */
const RELIABLE_TAG_FREQ = 10;
/** Marks after which no word goes on (an opening bracket may: 校（园）长). */
const CLAUSE_END = /[\s，。、；：！？…—”’》）」』】〕,.;:!?)]/;
/** Words before a verb doubled as a mere gesture (不是喊喊口号, 只是走走过场, 光说说而已). */
const MERE_ACTION_BEFORE = /(?:不是|只是|光是|仅仅|无非|不能只|不只是|而非|[光只])$/;
/** Words before a verb doubled for a tentative action (多研究研究, 好好商量商量, 去看看). */
const TENTATIVE_BEFORE = /(?:多|再|好好|认真|仔细|来|去|一起|不妨)$/;
/** Prepositions a verb takes in as its last character (放在, 位于, 来到, 交给, 走向, 来自). */
const PREPOSITION_IN_VERB = /^[在于到给向往自]$/;
/** Characters looked back for the 从 of 从…到 (see isLegitimate). */
const MAX_FROM_SPAN = 30;
/** Degree adverbs said twice for emphasis in speech (非常非常重要, 特别特别好). */
const EMPHATIC_ADVERB = /^(?:非常|特别)$/;
/** Degree adverbs, which take no reduplicated adjective (越来越多|多的, 非常好|好): the doubled form after them is a slip. */
const DEGREE_BEFORE = /(?:越来越|更加|十分|非常|特别|极其|格外|相当|很|更|最|太)$/;

export const duplicateRule: Rule = {
  id: 'duplicate',
  description: '重复的字词（提升提升、在在）',
  defaultSeverity: 'warning',
  safe: true,
  check(paragraph, ctx) {
    const text = paragraph.text;
    const out: RuleFinding[] = [];
    /** The repeated unit each finding deletes (提升 of 提|提升 too). */
    const units = new Map<RuleFinding, string>();
    for (let i = 0; i < text.length - 1; i++) {
      for (let len = 1; len <= MAX_UNIT && i + 2 * len <= text.length; len++) {
        if (!repeatsAt(text, i, len)) continue;
        const unit = text.slice(i, i + len);
        if (!HAN.test(unit)) continue;
        // A repetition whose first copy is part of a copy already deleted is gone with it — unless
        // it is that copy itself, a third one (的的的: each extra copy is reported).
        const last = out[out.length - 1];
        if (last && i < last.end && i + len > last.start && !(last.start === i && last.end === i + len)) continue;
        // Most repetitions (人人, 一年年, 二〇二〇) are settled without segmenting the paragraph —
        // not one before a term of the sources (上|上合组织), which outweighs the dictionary's 上上.
        // A character three times or more before the word its last copy begins (排排|排查, 品|品|品牌):
        // every copy before that one is extra — unless the doubled form is a common reduplication,
        // which may read with what follows (人人|人参与: one copy extra, found below).
        // (Marked whole with the copies that stay, and fixed to them, as every repetition is.)
        const run = (from: number, last: number, kept: string) => {
          const finding = { start: from, end: last + 1, message: t(`「${unit}」重复，可能多写了几次`, `「${unit}」 is repeated; it may have been typed more than once`), replacements: [kept] };
          out.push(finding);
          units.set(finding, text.slice(from, last + 1));
        };
        if (len === 1 && text[i + 2] === unit && text[i - 1] !== unit) {
          let last = i + 2;
          while (text[last + 1] === unit) last++;
          // Three copies or more after AA of a word AB (实实在在在的): the BB of AABB keeps two.
          if (i >= 2 && text[i - 2] === text[i - 1] && isDictWord(text[i - 1] + unit)) {
            run(i, last, unit + unit);
            i = last;
            break;
          }
          if (wordFreq(unit + unit) < COMMON_REDUPLICATION && !NUMERALS.test(unit) && !isDictWord(text.slice(i, last + 1)) && (isDictWord(text.slice(last, last + 2)) || isDictWord(text.slice(last, last + 3)))) {
            // (A first copy that ends the word before stays with it: 城市|市|市政 → 城市市政 — where the
            // character before it ends no word of its own, 扩大|国国国国际 → 扩大国际, and where the last
            // copy's word keeps its second character: 推进|进进城|市 → 推进城市.)
            run(isDictWord(text.slice(i - 1, i + 1)) && !endsDictWord(text, i - 1) && !isDictWord(text.slice(last + 1, last + 3)) ? i + 1 : i, last, unit);
            i = last;
            break;
          }
        }
        // A character typed twice inside an idiom or a common longer word (循序渐渐进, 历史史性) is a
        // slip whatever the words say.
        const inIdiom = len === 1 && splitsWord(text, i, ctx.index);
        if (!inIdiom && !typedBeforeTerm(text, i, len, ctx.index) && legitimateAsCharacters(text, i, len, ctx.index)) continue;
        const words = paragraph.words();
        if (!inIdiom && isLegitimate(text, i, len, words, ctx.index)) continue;
        // The extra copy is the second (提升|提升, 因地制宜|宜, 中华|中华文化), but a character typed
        // twice before the word it begins is read as typed once too early (韧|韧性, 我|我们).
        // (Three copies or more keep the second, so that each extra copy is reported once.)
        const single = len === 1 && text[i - 1] !== unit && text[i + 2] !== unit;
        const extra = single && ((words.aligned(i, i + 1) && !words.aligned(i + 1, i + 2)) || typedBeforeTerm(text, i, len, ctx.index)) ? i : i + len;
        const report = (start: number, shown: string, end = start + shown.length) => {
          const finding = {
            start,
            end,
            message: t(`「${shown}」重复，可能多写了一次`, `「${shown}」 is repeated; it may have been typed twice`),
            replacements: [''],
          };
          out.push(finding);
          units.set(finding, shown);
        };
        // The early character starts the word just written before it (提升|提|提升): the character
        // and the word are the extra copy, and so is each further copy of the word after them.
        const word = extra === i && len === 1 ? words.word(i + 1) : undefined;
        if (word && word.start === i + 1 && word.text.length > 1 && text.slice(i - word.text.length, i) === word.text) {
          report(i, word.text, word.end);
          let at = word.end;
          for (; text.startsWith(word.text, at); at += word.text.length) report(at, word.text);
          i = at - 1;
          break;
        }
        // A copy before the pair that ends a longer word (党中央|中央|中央): the pair's first copy
        // repeats it too; left, it would be the next slip once the second is gone.
        const before = extra === i + len && i >= len && repeatsAt(text, i - len, len) ? words.word(i - len) : undefined;
        if (before && before.start < i - len && !out.some((f) => f.start === i)) report(i, unit);
        report(extra, unit);
        // Where the second copy was the extra one, every further copy right after it is extra too
        // (推进|进|进: the third would otherwise be read with what follows, 进|进城, and stay).
        if (extra === i + len && repeatsAt(text, extra, len)) {
          let at = extra + len;
          for (; at + len <= text.length && text.startsWith(unit, at); at += len) report(at, unit);
          i = at - len - 1;
          break;
        }
        i += len - 1; // go on from the deleted copy (a third copy repeats it)
        break;
      }
    }
    const repeated = repeatedListItems(text).filter((f) => !out.some((g) => g.start < f.end && f.start < g.end));
    const kept = withKeptCopy(text, out, units);
    return repeated.length ? [...kept, ...repeated].sort((a, b) => a.start - b.start) : kept;
  },
};

/** Longest item of a list compared with the next (积极性、主动性、主动性). */
const MAX_LIST_ITEM = 10;
/** What may stand before a list's item: a pause, the start of a clause or quotation. */
const ITEM_BEFORE = /[、，：；。！？（“‘]/;
/** What may follow a list's item: the next pause, the list's close, its last conjunction or the 的 of the noun it qualifies. */
const ITEM_AFTER = /[、，。；：！？）”’等和及与的]/;
/** Fewest characters of a clause pasted again right after itself (既要算经济账，既要算经济账，; 感触很深，感触很深，). */
const MIN_REPEATED_CLAUSE = 4;

/**
 * A whole item of a list written again as the next item (积极性、主动性、主动性、创造性): no list names
 * one thing twice. (Items that share only a part, 牵引供给、供给创造需求 or 东盟与中日韩合作、中日韩合作,
 * are not whole items twice.)
 */
function repeatedListItems(text: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  // A clause pasted again right after itself (永葆和平理念，永葆和平理念，): no sentence says it twice
  // in a row (shorter cries may: 加油，加油！).
  for (let c = text.indexOf('，'); c > 0; c = text.indexOf('，', c + 1)) {
    let q = c - 1;
    while (q >= 0 && HAN.test(text[q])) q--;
    const clause = text.slice(q + 1, c + 1);
    if (clause.length - 1 < MIN_REPEATED_CLAUSE || (q >= 0 && !ITEM_BEFORE.test(text[q]))) continue;
    if (text.startsWith(clause, c + 1)) out.push({ start: q + 1, end: c + 1 + clause.length, message: t(`分句「${clause.slice(0, -1)}」重复`, `the clause 「${clause.slice(0, -1)}」 is repeated`), replacements: [clause] });
  }
  // A clause's last word typed again as a clause of its own (保护传承体系，体系，健全…; 畅通连接，连接，):
  // a word alone between two marks says nothing twice — but where the clause before is that word alone
  // too (谢谢，谢谢。), a cry.
  for (const m of text.matchAll(/(\p{Script=Han}{2,6})([，；])\1(?=[，。；！？])/gu)) {
    const word = m[1];
    const at = m.index + word.length + 1;
    let q = m.index - 1;
    while (q >= 0 && HAN.test(text[q])) q--;
    // (…and where the next clause says it a third time, rhetoric: 奋斗，奋斗，再奋斗.)
    const nextClause = text.slice(at + word.length + 1).split(/[，。；！？]/)[0];
    if (m.index - (q + 1) < 1 || nextClause.includes(word)) continue;
    // (The word that ends the clause, not its last characters: 协同|发展，发展， is 发展's, 同发展 no word.)
    out.push({ start: m.index, end: at + word.length + 1, message: t(`「${word}」重复`, `「${word}」 is repeated`), replacements: [word + m[2]] });
  }
  for (let p = text.indexOf('、'); p > 0; p = text.indexOf('、', p + 1)) {
    let q = p - 1;
    while (q >= 0 && p - q <= MAX_LIST_ITEM && HAN.test(text[q])) q--;
    const item = text.slice(q + 1, p);
    if (item.length === 0 || p - q > MAX_LIST_ITEM + 1 || (q >= 0 && !ITEM_BEFORE.test(text[q]))) continue;
    const next = p + 1 + item.length;
    if (!text.startsWith(item, p + 1) || (next < text.length && !ITEM_AFTER.test(text[next]))) continue;
    // (Marked whole with the item that stays, as every repetition is: 主动性、主动性 → 主动性.)
    out.push({ start: q + 1, end: next, message: t(`列举项「${item}」重复`, `the list item 「${item}」 is repeated`), replacements: [item] });
  }
  return out;
}

/**
 * Each finding takes in the copy that stays (提升|提升 → the whole 提升提升, fixed to 提升): the
 * repetition is what reads wrong, and which copy a writer calls the extra one varies. A copy
 * another finding deletes is not taken in (的|的|的: the third copy stays its own finding).
 */
function withKeptCopy(text: string, findings: RuleFinding[], units: Map<RuleFinding, string>): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const f of findings) {
    const unit = units.get(f) ?? text.slice(f.start, f.end);
    const free = (s: number, e: number) => !findings.some((g) => g !== f && g.start < e && s < g.end) && !out.some((g) => g.start < e && s < g.end);
    if (f.start >= unit.length && text.startsWith(unit, f.start - unit.length) && free(f.start - unit.length, f.start)) {
      // A character typed over and over before its word (扩大国国国|国际: each pair of it read as a
      // reduplication) is one slip: the whole run goes, but one copy.
      let start = f.start - unit.length;
      // (Not a common reduplication: 人人|人参与 keeps 人人.)
      while (unit.length === 1 && start > 0 && text[start - 1] === unit && wordFreq(unit + unit) < COMMON_REDUPLICATION && free(start - 1, start)) start--;
      out.push({ ...f, start, replacements: [unit] });
    } else if (text.startsWith(unit, f.end) && free(f.end, f.end + unit.length)) {
      out.push({ ...f, end: f.end + unit.length, replacements: [unit] });
    } else out.push(f);
  }
  return out;
}

/** What follows a verb doubled for a try (查查看, 看看吧). */
const TRY_ENDING = /[看吧呢啊了嘛]/;

/**
 * A verb doubled (查查) where the sentence goes on in words after it, not in the try's 看 or a particle:
 * after a word ending in it (隐患排查|查|整治) it is no try but the word's last character typed twice.
 */
function verbGoesOn(text: string, unit: string, end: number): boolean {
  return /^v/.test(dictEntry(unit)?.pos ?? '') && HAN.test(text[end] ?? '') && !TRY_ENDING.test(text[end]);
}

/** Whether text[i, i + len) is followed by itself, compared in place (no string per window). */
function repeatsAt(text: string, i: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (text.charCodeAt(i + k) !== text.charCodeAt(i + len + k)) return false;
  return true;
}

/**
 * The reasons a repetition is language that need no word boundaries: numerals and measure words,
 * doubled forms the sources use, AABB words, characters the dictionary reduplicates.
 */
function legitimateAsCharacters(text: string, i: number, len: number, index: CorpusIndex): boolean {
  const unit = text.slice(i, i + len);
  const end = i + 2 * len;
  const doubled = unit + unit;
  // 一步一步 doubles a measure phrase; in 进一步一步 the first copy ends a word, and the words tell.
  // (…or a term of the sources: 一带一路|一路.)
  const endsWord = (i >= 1 && isDictWord(text.slice(i - 1, i + len))) || (i >= 2 && isDictWord(text.slice(i - 2, i + len))) || endsSourceTerm(text, i, i + len, index);
  // (A number of two characters or more doubled is no year's digits unless it holds a zero:
  // 二〇二〇 stands, 十八十八大 and 五一五一 do not; a measure phrase doubled is 一 and one measure
  // word, 一步一步 — not 一系列一系列, 一季度一季度.)
  if ((NUMERALS.test(unit) && (len === 1 || /[〇零]/.test(unit))) || (len === 2 && unit[0] === '一' && isMeasure(unit[1]) && !endsWord)) return true;
  // The second copy's word goes on after a short alternative in brackets (学校校（园）长): unknowable here.
  if (/^[（(][^（）()]{1,3}[）)]\p{Script=Han}/u.test(text.slice(end, end + 6))) return true;
  // A state adjective doubled as ABAB (雪白雪白, 金黄金黄): a thing's word and a quality, or the
  // dictionary's state tag, before a clause mark or 的/地/得.
  if (len === 2 && /^(?:[，。；！？、）”’]|[的地得]|$)/.test(text.slice(end, end + 1)) && isStateAdjective(unit)) return true;
  // A degree adverb said twice for emphasis before what it qualifies (这一点非常非常重要).
  if (len === 2 && EMPHATIC_ADVERB.test(unit) && HAN.test(text[end] ?? '')) return true;
  if (len > 1) return false;
  // A verb doubled for a try after 来 or 去 (一起来看看, 去走走) — not after 从…来看, "judging from",
  // where the second copy is typed twice (从长远来看看).
  if (/[来去]/.test(text[i - 1] ?? '') && /^v/.test(dictEntry(unit)?.pos ?? '') && wordFreq(doubled) >= COMMON_REDUPLICATION && !/从[^，。；！？：、]{0,15}$/.test(text.slice(Math.max(0, i - 17), i - 1))) return true;
  // A verb doubled for a try, then 看 (查查看, 想想看): the try's own form, though 查看 is a word.
  if (text[end] === '看' && unit !== '看' && /^v/.test(dictEntry(unit)?.pos ?? '') && wordFreq(doubled) >= COMMON_REDUPLICATION) return true;
  // A degree adverb takes no reduplicated adjective (越来越多|多的, 非常好|好): unless the second copy
  // begins a word (很多|多边), the doubled form is a slip there.
  if (doubledAfterDegreeAdverb(text, i)) return false;
  // A measure word doubles after a numeral (一个个) or on its own (个个), not after a demonstrative
  // that takes it (各个|个, 这个|个): there the words tell. Nor, but after 一, where it is a
  // preposition too (要对|对风险: 对, 把 typed twice), or follows a word that ends in it before a
  // number or mark (项目|目120: rarely doubled, it measures nothing there; 团团伙伙 is AABB).
  if (isMeasure(unit)) {
    // After a number the measure word counts it once (312处|处，): doubled before a mark, a slip.
    if (countedByNumber(text, i, end)) return false;
    // 一步步 doubles a measure word; in 进一步|步 the 一 belongs to a word the first copy ends.
    if (text[i - 1] === '一' && ((i >= 2 && isDictWord(text.slice(i - 2, i + 1))) || (i >= 3 && isDictWord(text.slice(i - 3, i + 1))))) return false;
    if (text[i - 1] !== '一') {
      // (团|团结一致: a common doubled form, but the second copy begins a word and the doubled form
      // leaves a fragment — not after a number, which the first copy measures: 2024年|年底; nor for
      // a rare doubled form: 救援站|站长.)
      if (!endsWord && wordFreq(doubled) >= COMMON_REDUPLICATION && !/[0-9０-９]/.test(text[i - 1] ?? '') && isDictWord(text.slice(i + 1, i + 3)) && leavesFragment(text, end)) return false;
      if (FUNCTION_POS.test(dictEntry(unit)?.pos ?? '')) return false;
      const aabb = i >= 2 && text[i - 2] === text[i - 1];
      if (endsWord && !aabb && !HAN.test(text[end] ?? '') && wordFreq(doubled) < COMMON_REDUPLICATION) return false;
      // (A measure word doubled for "every" goes before what it says of all of them, never at the end
      // of a clause: after a word that ends in it there, the second copy is typed twice, 落到实处|处。)
      if (endsWord && !aabb && /^[，。；！？]/.test(text[end] ?? '')) return false;
    }
    return !(i > 0 && isDemonstrative(text[i - 1]) && isDictWord(text[i - 1] + unit));
  }
  // The sources write it so twice (once may be one of their own typos: 因地制宜宜对), with what stands
  // on both sides (治安|安全 in the sources says nothing of 地区|安|安全); at the paragraph's edge, one side.
  if (i > 0 && end < text.length ? index.frequency(text[i - 1] + doubled + text[end]) >= 2 : (i > 0 && index.frequency(text[i - 1] + doubled) >= 2) || (end < text.length && index.frequency(doubled + text[end]) >= 2)) return true;
  // AABB of a word AB, or the BB of it.
  if (text[end] === text[end + 1] && text[end] !== unit && isDictWord(unit + text[end])) return true;
  // (In traditional characters too, which variant-char reports: 實實在在.)
  if (i >= 2 && text[i - 2] === text[i - 1] && text[i - 2] !== unit && isDictWord(toSimplified(text[i - 2] + unit))) return true;
  if (rareFunctionDouble(unit)) return false;
  // A character that reduplicates (人人, 看看) — unless the first copy may end a word and the
  // doubled form is rare (治理|理), or the second may begin a word (重|重要, 人人|参与): then the
  // words tell.
  const beginsWord = isDictWord(text.slice(i + 1, i + 3)) || isDictWord(text.slice(i + 1, i + 4));
  // (After a word ending in the character, an adjective's common doubled form before a verb is the
  // words' to judge too: 加快|快|构建 reads 快快 nowhere; 同学|学|数学 is for the words to read.)
  const adjectiveBeforeVerb = /^[ad]$/.test(dictEntry(unit)?.pos ?? '') && /^v/.test(dictEntry(text.slice(end, end + 2))?.pos ?? '');
  if (rareAdjectiveBeforeNoun(text, unit, end)) return false;
  // (…and a verb's, 查查 for a try, after a word ending in it where the sentence goes on: see verbGoesOn.)
  return isReduplicable(unit) && (!endsWord || (wordFreq(doubled) >= COMMON_REDUPLICATION && !adjectiveBeforeVerb && !verbGoesOn(text, unit, end))) && !beginsWord;
}

/** The rest of the reasons, which depend on the paragraph's words (after legitimateAsCharacters). */
function isLegitimate(text: string, i: number, len: number, words: Words, index: CorpusIndex): boolean {
  const unit = text.slice(i, i + len);
  const second = i + len;
  const end = i + 2 * len;
  const doubled = unit + unit;
  const first = words.word(i)!;
  // One dictionary word holds both copies — unless it is a function word's rare doubled form (了了).
  // (Nor the doubled form itself before a term or word of the sources its second copy begins: 文文|旅
  // of 文旅; nor a common one whose second copy begins a word with what follows, which the doubled
  // form leaves a bound morpheme: 短短|板 of 短板 — not 紧紧|抱, 早早|就.)
  if (first.end >= end) {
    // (A verb, or a measure word that is one too, before the noun its second copy begins takes it as
    // its object: 种|种子.)
    const verbObject = (/^v/.test(dictEntry(unit)?.pos ?? '') || isMeasure(unit)) && /^n/.test(dictEntry(unit + (text[end] ?? ''))?.pos ?? '');
    const fragment = len === 1 && !verbObject && isDictWord(unit + (text[end] ?? '')) && leavesFragment(text, end) && BOUND_POS.test(dictEntry(text[end])?.pos ?? 'x') && !endsDictWord(text, i);
    const afterNumber = len === 1 && isMeasure(unit) && countedByNumber(text, i, end);
    const afterDegree = len === 1 && doubledAfterDegreeAdverb(text, i);
    // (The doubled verb read as one word though its first copy ends the word before: 排|查查|整治 for 排查|查.)
    const wordsLastTwice = len === 1 && endsDictWord(text, i) && verbGoesOn(text, unit, end);
    // (A word of three characters or more ending in the character, then the character again before
    // a mark, where the doubled form says nothing more: 增长点|点，; not 一点点, 星光点点.)
    const longWordsLastTwice = len === 1 && i >= 2 && isDictWord(text.slice(i - 2, i + 1)) && /^[，。；！？、]/.test(text[end] ?? '') && !isDictWord(text.slice(i - 1, end)) && !isDictWord(text.slice(i - 2, end)) && !isDictWord(text.slice(Math.max(0, i - 3), end));
    return !(first.start === i && first.end === end && (rareFunctionDouble(unit) || typedBeforeTerm(text, i, len, index) || fragment || afterNumber || afterDegree || wordsLastTwice || longWordsLastTwice || rareAdjectiveBeforeNoun(text, unit, end)));
  }
  if (typedBeforeTerm(text, i, len, index)) return false;
  // A pronoun typed again as the start of its plural (我|我们) repeats itself.
  if (len === 1 && first.start === i && first.end === second && words.word(second)?.text === unit + '们') return false;
  if (!words.aligned(second, end)) {
    const next = words.word(second)!;
    // A word written twice that the words read as a longer word and a lone character (面对|面对 as
    // 面对面|对|变乱; not 面对面|对话): the lone character makes nothing with what follows.
    if (len > 1 && next.start < second && next.end < end && isDictWord(unit) && words.word(next.end)?.end === end && words.startsAt(i)) return false;
    // A character on its own typed again as the start of the next word (的飞|飞跃, 重|重要) — unless
    // it may end a name or compound the dictionary does not know (嘎拉村|村民, 六省|省际, 民族医|医院:
    // a bound morpheme, a word the HMM joins to what precedes, a noun after a content word), it
    // reduplicates (红红脸), or a verb is doubled before a word it begins (喝|喝茶, 种|种子).
    if (len === 1 && first.start === i && first.end === second) return !typedBeforeItsWord(text, i, words) || endsSourceWord(text, i, index);
    // A word ending in the character, then a word of two it begins that leaves the next character on
    // its own, where without the copy that character makes a commoner word (燃气|气管|道 for 燃气|管道;
    // not 学生|生活|水平, 人民|民主|是, nor 合作|作出|新 beside 出新).
    if (len === 1 && first.start < i && first.end === second && next.start === second && next.end === end + 1) {
      const after = words.word(next.end);
      const without = text.slice(end, after?.end ?? end);
      if (after && after.end - after.start === 1 && !FUNCTION_POS.test(dictEntry(after.text)?.pos ?? '') && isDictWord(without) && wordFreq(without) > wordFreq(next.text)) return false;
    }
    // A word's last two characters or more typed again as the start of the next word (公共服务|服务体系),
    // where the sources write the two words as one phrase (公共服务体系) and never so doubled: a
    // slip (not 湘雅医院|医院感染, 党组织|组织力, 大队|大队长, which no source phrase joins).
    if (len > 1 && first.start < i && first.end === second && next.start === second && next.end > end) {
      const joined = first.text + next.text.slice(len);
      if (index.frequency(joined) >= 2 && index.frequency(text.slice(first.start, next.end)) === 0) return false;
    }
    // The second copy is part of another word (人民|民主, 大队|大队长) — but a whole word written
    // again as the start of a compound of it and another word (中华|中华文化, 落到|落到实处) is a slip.
    const rest = next.text.slice(len);
    // (…or of it and a suffix, as an item of a list whose items end in the suffix too: 凝聚力、影响|影响力、感召力.)
    const suffixedItem = rest.length === 1 && listItemsEndIn(text, i, next.end, rest);
    return !(len > 1 && words.aligned(i, second) && next.start === second && next.text.startsWith(unit) && ((rest.length >= 2 && isDictWord(rest)) || suffixedItem) && index.frequency(doubled) < 2);
  }

  if (len > 1) {
    // A word written twice: both copies whole words, the same single word — or a word ending in a
    // measure phrase followed by that phrase again (进一步|一步; but 党组织|组织的 is two words).
    const tail = first.start < i && first.end === second && unit[0] === '一' && isMeasure(unit[1]);
    // A noun ending a longer word, then again on its own before a particle or mark (中华文化|文化的):
    // it begins nothing there, and a noun is no verb (党组织|组织的 may be 党组织 组织的…).
    const after = text[end] ?? '';
    // (jieba tags a few such nouns as adverbs: 更新/d of 城市更新|更新不是.)
    // (A verbal noun too where a list of nouns goes on or closes: 创意设计|设计等, not 开会研究|研究，,
    // a verb doubled for a try.)
    const nounish = /^(n|d$)/.test(dictEntry(unit)?.pos ?? '') || (dictEntry(unit)?.pos === 'vn' && /^[等、和与及]/.test(after));
    // (Before a figure too, which it counts: 基础设施|设施|35处.)
    if (first.start < i && first.end === second && words.aligned(second, end) && nounish && (after === '' || CLAUSE_END.test(after) || /[0-9０-９]/.test(after) || FUNCTION_POS.test(dictEntry(after)?.pos ?? ''))) {
      return index.frequency(doubled) >= 2;
    }
    // A plain noun ending a longer word, then again on its own before a word that the sources write
    // right after the longer one (基础设施|设施|建设 beside their 基础设施建设): a slip. (党组织|组织|建设
    // may read 组织 as a verb: the noun only is asked; 中心医院|医院|感染 is 医院感染, a term the
    // dictionary lacks, and no source phrase 中心医院感染.)
    const nextWord = words.word(end);
    if (first.start < i && first.end === second && words.word(second)?.end === end && dictEntry(unit)?.pos === 'n' && nextWord && nextWord.start === end && HAN.test(nextWord.text)) {
      if (index.frequency(first.text + nextWord.text) >= 2 && index.frequency(doubled) < 2) return false;
    }
    // A verb or adjective ending a longer word that is no noun, then again on its own (发展壮大|壮大,
    // 建立健全|健全): a verb does not take itself as its object (党组织|组织 is a noun and a verb, and reads).
    // Nor does an idiom or set phrase take its own last word after it, whatever its tag (一致同意|同意).
    const idiomBefore = /^[il]$/.test(dictEntry(first.text)?.pos ?? '');
    // (The catch-all tag of other names on a word the dictionary seldom counts tells little: 大力发展/nz,
    // 3, is the verb's; 工程设计/n is a noun.)
    const entryBefore = dictEntry(first.text);
    const nounBefore = NOUN_POS.test(entryBefore?.pos ?? 'n') && !(entryBefore?.pos === 'nz' && entryBefore.freq < RELIABLE_TAG_FREQ);
    if (first.start < i && first.end === second && words.aligned(second, end) && !nounBefore && (/^[va]/.test(dictEntry(unit)?.pos ?? '') || idiomBefore)) {
      return index.frequency(doubled) >= 2;
    }
    // A few words written twice, each copy whole (也是|也是; 筑牢|筑牢, which the dictionary splits
    // into 筑|牢): a slip — but for a verb going on (走着走着), a tentative action (商量商量吧), one by
    // one (一棒一棒) and A不A (钱不|钱不所谓). Longer runs of words repeat in names (…铁路公安局武汉|
    // 铁路公安局武汉公安处).
    if (!tail && len <= MAX_SPLIT_WORD && words.aligned(i, second) && words.aligned(second, end) && words.word(second)!.end < end) {
      return /[着著不没]$/.test(unit) || unit[0] === '一' || isTentative(text, i, unit) || index.frequency(doubled) >= 2;
    }
    // A noun ending a longer word, then again on its own before a noun (文化遗产|遗产|旅游线路): the head
    // typed twice — where the sources never write the longer word with it again.
    const nounAfter = words.word(end);
    if (first.start < i && first.end === second && words.word(second)?.end === end && /^(n|vn)$/.test(dictEntry(unit)?.pos ?? '') && nounAfter && nounAfter.start === end && nounAfter.text.length >= 2 && /^(n|vn)$/.test(dictEntry(nounAfter.text)?.pos ?? '') && index.frequency(first.text + unit) === 0) return false;
    if (!(words.aligned(i, second) || tail) || words.word(second)!.end !== end || !words.aligned(second, end)) return true;
    if (!tail && isTentative(text, i, unit)) return true;
    return index.frequency(tail ? text.slice(first.start, end) : doubled) >= 2;
  }

  // An unknown word the HMM recognises around the second copy: a name holding both (李娟娟) or a
  // compound it begins (园舍) — unless what it glues on is a function word (宜对).
  const hmm = tokenize(text.slice(first.start, Math.min(text.length, end + 4)), true).map((w) => ({ ...w, start: w.start + first.start, end: w.end + first.start }));
  const holder = hmm.find((w) => w.start <= second && second < w.end);
  // …unless the first copy ends a known word (互鉴|鉴, a dictionary word or one the sources use) and
  // the sources never write it doubled: then the HMM glued the slip on.
  const glued = (w: Token) =>
    [w.start, i - 1, i - 2].some((k) => {
      if (k < 0 || k >= i || k < w.start - 2) return false;
      const known = text.slice(k, second);
      return (isDictWord(known) || index.frequency(known) >= 2) && index.frequency(text.slice(k, end)) === 0;
    });
  // The HMM, with the characters before in view, may read the first copy as the end of a word the
  // dictionary lacks after a lone character (冷|链 → 冷链|链|物流, where from the first copy on it
  // glues 链链 into a name): then it is no one-character word of its own (网红晚|晚, three
  // characters, is no such word: 晚晚 is a name there).
  // (From the word before the lone character: 全县|冷链|链, where 县冷链 would be read from 县.)
  // (Segmenting once more is left to the cases that ask.)
  const endsHmmWord = (): boolean => {
    if (first.start !== i || i < 1 || words.word(i - 1)?.text.length !== 1 || !HAN.test(text[i - 1])) return false;
    const before = i >= 2 && HAN.test(text[i - 2]) ? words.word(i - 2)!.start : i - 1;
    return tokenize(text.slice(before, Math.min(text.length, end + 4)), true).some((w) => w.start + before === i - 1 && w.end + before === second);
  };
  // (A function word doubled is no name, though the HMM may read it as one: 维护以以联合国; nor is a
  // locative the dictionary never doubles: 在发展中中推动.)
  const doubledLocative = unit.length === 1 && dictEntry(unit)?.pos === 'f' && !isReduplicable(unit);
  const doubledFunctionWord = holder?.start === i && holder.end === end && (rareFunctionDouble(unit) || verbDoubledBeforeComplement(text, unit, end) || doubledLocative);
  if (holder && holder.start <= i && !glued(holder) && !doubledFunctionWord && !endsHmmWord()) return true;
  // (A copula or auxiliary glued on, 设施|施是, is no compound either.)
  const glue = dictEntry(text.slice(end, holder?.end ?? end));
  // (A pronoun before the compound its copy begins stands alone there, which no pronoun does:
  // 这|这片, 我|我们 — unlike a preposition before its object, 对|对方.)
  const pronounBefore = /^r/.test(dictEntry(unit)?.pos ?? '') && !isReduplicable(unit);
  if (holder && holder.end > end && !pronounBefore && !FUNCTION_POS.test(glue?.pos ?? '') && !(glue?.pos === 'v' && glue.freq >= AUXILIARY_FREQ)) return true;

  const entry = dictEntry(unit);
  const pos = entry?.pos ?? '';
  // A lone character that ends a word of the sources the dictionary lacks (互利共|赢|赢 with their 共赢),
  // typed again before a mark or the end: the copy begins nothing there (as 走出去|去”).
  if (first.start === i && len === 1 && !isReduplicable(unit) && !FUNCTION_POS.test(pos) && (end === text.length || !HAN.test(text[end])) && [i - 1, i - 2].some((k) => k >= 0 && HAN.test(text.slice(k, second)) && index.frequency(text.slice(k, second)) >= 2 && index.frequency(text.slice(k, end)) === 0)) return false;
  // (A function word the HMM glues to a lone character before it, 正以|以, is no word's end: the
  // dictionary's words decide, below.)
  if (first.start === i && (FUNCTION_POS.test(pos) || !endsHmmWord())) {
    // Two one-character words: function words and auxiliaries never reduplicate (在在, 的的, 是是);
    // content words may (账账相符, 看看).
    // A rare doubled function word (了了) is a slip unless the first copy may end a word (没了|了).
    // A preposition that is also a measure word may begin a word the dictionary lacks with a lone
    // character after it (对|对台工作): only before a whole word is it typed twice (对|对风险).
    if (rareFunctionDouble(unit) && isMeasure(unit) && (words.word(end)?.text.length ?? 0) < 2) return true;
    // (…as the words read it: in 师生|在|在 the 生 is 师生's, and 生在 no word there.)
    const from = i >= 1 ? words.word(i - 1)?.start ?? i - 1 : i;
    // (A word the dictionary counts: it lists 正以 without a count, and 正|以|以 is a slip.)
    const counted = (w: string) => isDictWord(w) && wordFreq(w) > 0;
    if (rareFunctionDouble(unit)) return i >= 1 && ((from >= i - 1 && counted(text.slice(i - 1, second))) || (i >= 2 && from >= i - 2 && counted(text.slice(i - 2, second))));
    if (verbDoubledBeforeComplement(text, unit, end)) return false;
    // (A verb the dictionary never doubles, doubled before its object, a quotation or a noun: ，让让“上海精神”
    // — not between a word and itself, a chiasmus: 书记抓抓书记. A place is a noun there: 赴赴沿海, 赴赴当地.)
    const chiasmus = i > 0 && words.word(i - 1)?.text === words.word(end)?.text;
    // (A mere gesture, after 不是, 只是, 光…: 不是喊喊口号, 只是走走过场 — the doubled verb's own use.)
    if (MERE_ACTION_BEFORE.test(text.slice(Math.max(0, i - 3), i))) return true;
    const object = words.word(end)?.text ?? '';
    const objectPos = dictEntry(object)?.pos ?? '';
    if (/^v/.test(pos) && !isReduplicable(unit) && !chiasmus && (/[“《]/.test(text[end] ?? '') || /^(n|s$)/.test(objectPos) || (objectPos === 'f' && object.length >= 2))) return false;
    // (Nor does a locative: 在发展中|中|推动.)
    return isReduplicable(unit) || !(FUNCTION_POS.test(pos) || pos === 'f' || (pos === 'v' && (entry?.freq ?? 0) >= AUXILIARY_FREQ));
  }
  // A common reduplication after a word of its own: the words read so too (青年人|人 as 青年|人人).
  if (isReduplicable(unit) && wordFreq(doubled) >= COMMON_REDUPLICATION && i - first.start >= 2 && isDictWord(text.slice(first.start, i))) return true;
  // The words may misread a verb doubled after 来 or 去 (坐下|来说|说: 来 说说).
  if (isTentative(text, i, unit)) return true;
  // The copy of a conjunction or adverb ending in the copula, which never doubles (而是|是一场, 就是|是).
  if (pos === 'v' && unit === '是' && first.end === second && /^[cd]$/.test(dictEntry(first.text)?.pos ?? '')) return false;
  // …nor after an ordinal that opens a point (：一是|是规划统筹不够).
  if (unit === '是' && /[一二三四五六七八九十]/.test(text[i - 1] ?? '') && (i === 1 || /[\s：:，,；;。（(]/.test(text[i - 2]))) return false;
  // A verb that takes its preposition in (放在, 位于, 来到, 交给) and the preposition again on its own
  // (放在|在|首位): the place or person is already introduced (not 现在|在, a time; nor the end of
  // a span begun with 从: 从收到|到办结).
  const fromBefore = () => /[到向往]/.test(unit) && /从[^，。；：！？]*$/.test(text.slice(Math.max(0, i - MAX_FROM_SPAN), i));
  if (first.end === second && PREPOSITION_IN_VERB.test(unit) && /^v/.test(dictEntry(first.text)?.pos ?? '') && words.word(second)?.end === end && !fromBefore()) return false;
  // A word ending in the character, the character again, then a mark or the end (走出去去”, 建设设，):
  // nothing follows that the second copy could begin.
  if (!FUNCTION_POS.test(pos) && (end === text.length || CLAUSE_END.test(text[end]) || !HAN.test(text[end]))) return false;
  // After a word ending in the same character: a free word is fine (可以|以, 目的|的), but neither
  // a bound morpheme (因地制宜|宜), a plain noun (预警|警), a locative (海外|外) nor a measure word
  // (各个|个) stands alone there;
  // a verb of its own is rare there too (建设|设新型) — except the commonest (享有|有, 收到|到) and one
  // marked as a verb by an aspect particle (工作|作了).
  // (A surname, 设施|施是, is no free word there either.)
  // An adjective there does not stand alone before a verb either (加快|快|构建).
  // (Unless the sources write it before that verb as a word of theirs: 健全|全|覆盖 of 全覆盖.)
  const verbAfter = words.word(end)?.text ?? '';
  const adjectiveBeforeVerb = pos === 'a' && first.end === second && /^v/.test(dictEntry(verbAfter)?.pos ?? '') && verbAfter.length >= 2 && index.frequency(unit + verbAfter) < 2;
  // (After an adverb or conjunction ending in it, no content character stands alone: 一旦|旦 — but
  // after a name it may, 连云港|港, 四川|川投.)
  const afterFunctionWord = first.end === second && /^[dc]$/.test(dictEntry(first.text)?.pos ?? '') && !FUNCTION_POS.test(pos) && !(/^v/.test(pos) && (entry?.freq ?? 0) >= COMMON_VERB_FREQ);
  return !(BOUND_POS.test(pos) || !entry || pos === 'n' || pos === 'nr' || pos === 'q' || pos === 'f' || afterFunctionWord || adjectiveBeforeVerb || (/^v/.test(pos) && entry.freq < COMMON_VERB_FREQ && !ASPECT.test(text[end] ?? '')));
}

/** A state adjective of a thing's word and a quality (雪白, 金黄, 笔直): z in the dictionary, or so made. */
function isStateAdjective(word: string): boolean {
  const pos = dictEntry(word)?.pos ?? '';
  if (pos === 'z') return true;
  return !/^v/.test(pos) && /^n/.test(dictEntry(word[0])?.pos ?? '') && dictEntry(word[1])?.pos === 'a';
}

/**
 * A rarely doubled adjective right before a noun, with no 的 between (旧旧机床; 小小村庄 is common):
 * the adjective typed twice.
 */
function rareAdjectiveBeforeNoun(text: string, unit: string, end: number): boolean {
  // (A doubled form the dictionary lists as an adjective or adverb, however rarely, modifies the verb
  // a noun may be too: 稳稳/a|作业; 旧旧/b is an attribute.)
  if (/^[adz]$/.test(dictEntry(unit + unit)?.pos ?? '')) return false;
  return dictEntry(unit)?.pos === 'a' && wordFreq(unit + unit) < COMMON_REDUPLICATION && /^n/.test(dictEntry(tokenize(text.slice(end, end + 4))[0]?.text ?? '')?.pos ?? '');
}

/**
 * A verb the dictionary never doubles, doubled before an aspect particle or a complement that no verb
 * doubled for a try takes (迈迈上, 绘绘就, 盯盯着; not 看看就知道, 想想就).
 */
function verbDoubledBeforeComplement(text: string, unit: string, end: number): boolean {
  return unit.length === 1 && /^v/.test(dictEntry(unit)?.pos ?? '') && !isReduplicable(unit) && /[着了过上下出到起进就]/.test(text[end] ?? '');
}

/**
 * A character doubled at `i` right after a degree adverb of its own (越来越, 很; not the 更 of 变更),
 * where the second copy begins no word (越来越多|多的; not 很多|多边).
 */
function doubledAfterDegreeAdverb(text: string, i: number): boolean {
  if (isDictWord(text.slice(i + 1, i + 3)) || isDictWord(text.slice(i + 1, i + 4))) return false;
  const adverb = DEGREE_BEFORE.exec(text.slice(Math.max(0, i - 3), i))?.[0];
  // (An adjective or a word of quantity only: 太|爷爷 is a noun's, 太爷爷.)
  if (!adverb || !/^[amv]/.test(dictEntry(text[i])?.pos ?? 'x')) return false;
  return adverb.length > 1 || !((i >= 2 && isDictWord(text.slice(i - 2, i))) || isDictWord(text.slice(i - 1, i + 2)));
}

/** Whether a term the sources use repeatedly starts before `start` and ends at `end` (一带一路 at 一路). */
function endsSourceTerm(text: string, start: number, end: number, index: CorpusIndex): boolean {
  for (let from = Math.max(0, end - MAX_UNIT); from < start; from++) {
    const info = index.term(text.slice(from, end));
    if (info && info.count >= 2 && !weaklyMined(info)) return true;
  }
  return false;
}

/**
 * A character typed again before a term of the sources it begins (上|上合组织): the sources never
 * write it doubled so, and the first copy ends no word (这个|个体户).
 */
function typedBeforeTerm(text: string, i: number, len: number, index: CorpusIndex): boolean {
  if (len !== 1) return false;
  const term = knownTermAt(text, i + 1, index);
  if (!term || index.frequency(text[i] + term) > 0) return false;
  return !endsDictWord(text, i);
}

/**
 * A term the sources use repeatedly (three characters or more) that starts at text[at], or a word of
 * two characters they use that often and the dictionary lacks (文旅 before 文文|旅).
 */
function knownTermAt(text: string, at: number, index: CorpusIndex): string | undefined {
  for (let n = Math.min(MAX_UNIT, text.length - at); n >= 3; n--) {
    const info = index.term(text.slice(at, at + n));
    if (info && info.count >= 2 && !weaklyMined(info)) return info.text;
  }
  // (…where the sources never double its first character: they write 县县通 as well as 县通.)
  // (…and one that begins terms of theirs: 文旅 of 文旅产业, not 好地 of 良好地.)
  const pair = text.slice(at, at + 2);
  if (pair.length !== 2 || !HAN.test(pair) || isDictWord(pair) || index.frequency(pair) < SOURCE_WORD_USES || index.frequency(pair[0] + pair[0]) > 0) return undefined;
  return termHeads(index).has(pair) ? pair : undefined;
}
const termHeadsByIndex = new WeakMap<CorpusIndex, Set<string>>();
/** The first two characters of the sources' trusted terms (文旅 of 文旅产业), built once per index. */
function termHeads(index: CorpusIndex): Set<string> {
  let heads = termHeadsByIndex.get(index);
  if (!heads) {
    heads = new Set();
    for (const info of index.allTerms()) if (info.text.length >= 3 && info.count >= 2 && !weaklyMined(info)) heads.add(info.text.slice(0, 2));
    termHeadsByIndex.set(index, heads);
  }
  return heads;
}
/** Uses that make two characters a word of the sources (文旅). */
const SOURCE_WORD_USES = 3;

/** A function word whose doubled form is a word only rarely (了了, unlike 常常, 仅仅): doubled, a slip. */
function rareFunctionDouble(unit: string): boolean {
  return unit.length === 1 && FUNCTION_POS.test(dictEntry(unit)?.pos ?? '') && wordFreq(unit + unit) < COMMON_REDUPLICATION;
}

/**
 * text[i] ends a word the sources use that the dictionary lacks (共|赢 of 合作共赢, before 赢得):
 * the sources write it repeatedly and never with the character doubled.
 */
function endsSourceWord(text: string, i: number, index: CorpusIndex): boolean {
  for (const k of [i - 1, i - 2]) {
    if (k < 0 || !HAN.test(text.slice(k, i + 1))) continue;
    // …and not as the start of what the draft reads with one copy (区安|全 of 地区安全: 地区|安|安全).
    if (index.frequency(text.slice(k, i + 1)) >= 2 && index.frequency(text.slice(k, i + 2)) === 0 && index.frequency(text.slice(k, i + 1) + text.slice(i + 2, i + 3)) === 0) return true;
  }
  return false;
}

/** 了, 着, 过 as aspect particles. */
const ASPECT_PARTICLE_POS = /^(ul|uz|ug)$/;

/** Whether text[i] is a character standing alone, typed again as the start of the next word. */
function typedBeforeItsWord(text: string, i: number, words: Words): boolean {
  const pos = dictEntry(text[i])?.pos ?? '';
  // An aspect particle follows a verb, never a pronoun: after one (我了|了解到) it is the first
  // character of the next word typed too early.
  const previous = i > 0 ? words.word(i - 1) : undefined;
  if (ASPECT_PARTICLE_POS.test(pos) && previous && /^r/.test(dictEntry(previous.text)?.pos ?? '')) return true;
  // A preposition or other function word may govern a word it begins (在|在线, 对|对方, 与|与会).
  if (!pos || BOUND_POS.test(pos) || FUNCTION_POS.test(pos)) return false;
  // A verb doubles before a verb–object word it begins (喝|喝茶, 聊|聊天, 种|种子), not before
  // another verb (坚|坚持, 融|融合) — unless it is an auxiliary that takes one (要|要求).
  if (/^v/.test(pos)) {
    if ((dictEntry(text[i])?.freq ?? 0) >= COMMON_VERB_FREQ) return false;
    const next = words.word(i + 1)!;
    return !(/^n/.test(dictEntry(next.text)?.pos ?? '') || /^(n\w*|q)$/.test(dictEntry(next.text.slice(1))?.pos ?? ''));
  }
  // Adjectives reduplicate freely (红红脸), other characters when the doubled word is common —
  // unless no word begins after the doubled form, which would leave a fragment (人人|民城市,
  // 团团|结一致), and the first copy ends no word (老年人|人口).
  // (…that is, whose doubled form is a word: 新新 is none, only the start of 新新人类, and
  // 培育新|新兴产业 a slip.)
  if (pos === 'a' && isReduplicable(text[i]) && isDictWord(text[i] + text[i])) return false;
  if (wordFreq(text[i] + text[i]) >= COMMON_REDUPLICATION) {
    return leavesFragment(text, i + 2) && !endsDictWord(text, i);
  }
  // After a closing mark the character may end the quoted or titled name (“检验所”网|网站) — not
  // after a quoted sentence, which ends nothing (相通。”文|文旅).
  if (i > 0 && CJK_CLOSING.test(text[i - 1]) && !/[。！？…]/.test(text[i - 2] ?? '')) return false;
  const before = i > 0 ? words.word(i - 1) : undefined;
  const beforePos = before ? dictEntry(before.text)?.pos ?? '' : '';
  if (/^(ns|nr\w*|nz|m|j)$/.test(beforePos)) return false;
  // A noun after a content word may end a compound the dictionary lacks (民族医|医院, 评估司|司长).
  // (Not a plain noun after a plain verb, which takes it as its object: 加装|电|电梯.)
  if (/^n/.test(pos) && before && /\p{Script=Han}/u.test(before.text) && !FUNCTION_POS.test(beforePos) && !(pos === 'n' && beforePos === 'v')) return false;
  const from = Math.max(0, i - 4);
  const glued = tokenize(text.slice(from, i + 1), true).pop();
  return !glued || glued.end - glued.start === 1;
}

/**
 * Whether text[start, end) is an item of a 、 list whose item before it, or after it, ends in `suffix`
 * as it does (凝聚力、影响影响力、感召力).
 */
function listItemsEndIn(text: string, start: number, end: number, suffix: string): boolean {
  if (text[start - 1] === '、' && text[start - 2] === suffix) return true;
  if (text[end] !== '、') return false;
  const after = /^\p{Script=Han}{1,8}(?=[、，。；等和及])/u.exec(text.slice(end + 1, end + 10))?.[0];
  return !!after && after.endsWith(suffix);
}

/** A measure word doubled at text[i, end) after a number, before a mark or the end (312处|处，). */
function countedByNumber(text: string, i: number, end: number): boolean {
  return /[0-9０-９二两三四五六七八九十百千万]/.test(text[i - 1] ?? '') && !HAN.test(text[end] ?? '');
}

/** Whether a dictionary word of two or three characters ends with text[i] (可|以, 进一|步). */
function endsDictWord(text: string, i: number): boolean {
  return (i >= 1 && isDictWord(text.slice(i - 1, i + 1))) || (i >= 2 && isDictWord(text.slice(i - 2, i + 1)));
}

let idiomSet: Set<string> | undefined;
/** A word of three or four characters this common, split by a copy of one of them, is a slip (历史史性). */
const SPLIT_WORD_FREQ = 50;

/**
 * Whether text[i] and text[i + 1] (the same character) stand inside an idiom or a common word of
 * three or four characters once one of them is gone (循序渐渐进, 历史史性, 一一大批), and the text as
 * written holds no idiom or word of three characters or more over them (生生不息 keeps both).
 */
function splitsWord(text: string, i: number, index: CorpusIndex): boolean {
  idiomSet ??= new Set(idioms().filter((w) => w.length === 4));
  // A measure word after a numeral doubles on its own, whatever word or term it breaks (一项|项重大改革).
  if (isMeasure(text[i]) && NUMERALS.test(text[i - 1] ?? '')) return false;
  // A term the sources mark as one (listed, quoted, defined) that one copy completes outweighs the
  // words either copy may make (人类命运共同|同体: 共同 and 同体 are words; a phrase merely repeated
  // may be cut wrong, 健全社会 of 健全|社会安全, and 健全|全社会 reads).
  if (splitsSourceTerm(text, i, index, true)) return true;
  // A word ending in the first copy and one beginning with the second (去年|年底, 组织部|部长) read
  // as written.
  // (Not a name that begins with the second copy, 城中|中村 of 城中村: the sources' wording below tells.)
  // (Unless the word with one copy is far commoner than the one the second copy begins: 近年|年来 of
  // 近年来 — not 组织部|部长 beside 组织部长, 去年|年底 beside 去年底.)
  const begins = (w: string) => isDictWord(w) && !/^(ns|nr\w*)$/.test(dictEntry(w)?.pos ?? '') && !outweighedBySingle(text, i, w);
  // (Nor where the characters after the second copy make a word of their own, as the sources write it
  // with one copy and never with two: 成员国|国|外长, not 成员国|国外|长.)
  const from = Math.max(0, i - 2);
  const secondStrands = isDictWord(text.slice(i + 2, i + 4)) && index.frequency(text.slice(from, i + 1) + text.slice(i + 2, i + 4)) > 0 && index.frequency(text.slice(from, i + 4)) === 0;
  const wordsAround = endsDictWord(text, i) && !secondStrands && (begins(text.slice(i + 1, i + 3)) || begins(text.slice(i + 1, i + 4)));
  const isWord = (w: string) => idiomSet!.has(w) || (isDictWord(w) && wordFreq(w) >= SPLIT_WORD_FREQ && HAN.test(w));
  for (const { start, word } of oneCopyWords(text, i)) {
    // (One that starts with the pair may follow a name ending in its character, 庆生村|村委会: only
    // after a function word or a mark is it a slip, 化解了一|一大批.)
    if (!isWord(word)) continue;
    // (Words ending in the first copy and beginning with the second read as written, but for an
    // idiom of four the pair lies inside: 密不可|可分 of 密不可分, 不可 and 可分 words both.)
    if (wordsAround && !(idiomSet.has(word) && start < i && i - start < 3)) continue;
    if (start === i && i > 0 && HAN.test(text[i - 1]) && !FUNCTION_POS.test(dictEntry(text[i - 1])?.pos ?? '')) continue;
    // An idiom or word as written over both copies (人人自危, 生生不息, 慢慢悠悠 however rare) leaves the pair to the words.
    for (let k = Math.max(0, i - 3); k <= i; k++) {
      for (const m of [3, 4]) if (k + m >= i + 2 && isDictWord(text.slice(k, k + m)) && HAN.test(text.slice(k, k + m))) return false;
    }
    return true;
  }
  if (wordsAround) return false;
  // The sources' wording around the pair with one copy (坚定信|信心 → 坚定信心), which they never write
  // doubled — for a doubled form that is no common reduplication (第一大|大 could be 大大).
  // (Nor AABB: 方方面面.)
  if (wordFreq(text[i] + text[i]) >= COMMON_REDUPLICATION || !HAN.test(text.slice(Math.max(0, i - 1), i + 3)) || text[i + 2] === text[i + 3] || (i >= 2 && text[i - 2] === text[i - 1])) return false;
  // The second copy begins a word (信|信心), or stands alone before one (老旧|旧|小区), or one copy
  // makes a word of the dictionary with what follows (市民|民|化 → 市民化).
  const makesWord = () => [...oneCopyWords(text, i)].some(({ word }) => HAN.test(word) && isDictWord(word));
  if (!isDictWord(text.slice(i + 1, i + 3)) && !isDictWord(text.slice(i + 2, i + 4)) && !makesWord()) return false;
  // (Each window all Han: the pair may open a sentence, 。非物|物质.)
  for (const [from, to] of [[i - 2, i + 3], [i - 1, i + 4]]) {
    if (from < 0 || to > text.length || !HAN.test(text.slice(from, to))) continue;
    const single = text.slice(from, i + 1) + text.slice(i + 2, to);
    if (index.frequency(single) > 0 && index.frequency(text.slice(from, to)) === 0) return true;
  }
  return false;
}

/** How much commoner a word must be with one copy than the word the second copy begins (近年来 3,723 beside 年来 3). */
const SINGLE_COPY_OUTWEIGHS = 50;

/**
 * Whether a word of three or four characters the pair at `i` makes with one copy (近年|年来 → 近年来)
 * is far commoner than `begun`, the word the second copy begins.
 */
function outweighedBySingle(text: string, i: number, begun: string): boolean {
  for (const { word } of oneCopyWords(text, i)) {
    if (HAN.test(word) && isDictWord(word) && wordFreq(word) >= SINGLE_COPY_OUTWEIGHS * Math.max(1, wordFreq(begun))) return true;
  }
  return false;
}

/**
 * The windows of four, then three characters that the pair at `i` leaves with one copy (近年|年来 →
 * 近年来), each taking in the character after the pair (进一步|步 is the words' to judge).
 */
function* oneCopyWords(text: string, i: number): Generator<{ start: number; word: string }> {
  for (const n of [4, 3]) {
    for (let start = Math.max(0, i - n + 1); start <= i; start++) {
      const word = text.slice(start, i + 1) + text.slice(i + 2, start + n + 1);
      if (word.length === n && start + n > i + 1) yield { start, word };
    }
  }
}

/**
 * A term the sources use repeatedly, begun before the pair, that one copy would complete and the
 * sources never write with the character doubled (天津峰|峰会 → 天津峰会, 地下综合|合管廊 → 地下综合管廊):
 * a slip even where the doubled form is a word of the dictionary (峰峰, a place).
 */
function splitsSourceTerm(text: string, i: number, index: CorpusIndex, marked = false): boolean {
  // (Numerals double on their own: 二〇二〇.)
  if (NUMERALS.test(text[i])) return false;
  const before = Math.min(i, MAX_UNIT - 2);
  // The text with the second copy gone; the kept copy at `before`.
  const single = text.slice(i - before, i + 1) + text.slice(i + 2, i + MAX_UNIT);
  if (!HAN.test(single.slice(before - 1, before + 2))) return false;
  for (let s = before - 1; s >= 0; s--) {
    for (let e = Math.min(single.length, s + MAX_UNIT); e >= before + 2 && e - s >= 3; e--) {
      const info = index.term(single.slice(s, e));
      if (!info || info.count < 2 || weaklyMined(info) || (marked && info.kinds.size === 1 && info.kinds.has('formulation'))) continue;
      const written = text.slice(i - before + s, i + 2 + (e - before - 1));
      if (index.frequency(written) === 0) return true;
    }
  }
  return false;
}

/** Whether text[at] is a Han character that begins no dictionary word of two characters or more (nor doubles, as in AABB: 团团伙伙). */
function leavesFragment(text: string, at: number): boolean {
  if (!HAN.test(text[at] ?? '') || text[at + 1] === text[at]) return false;
  for (let n = 2; n <= 4 && at + n <= text.length; n++) if (isDictWord(text.slice(at, at + n))) return false;
  return true;
}

/**
 * A verb doubled for a short, tentative action (多研究研究, 好好学习学习, 商量商量吧, 来说说), or one
 * of a series of them (说说、讨论讨论), or exclaimed as a clause of its own (恭喜恭喜！).
 */
function isTentative(text: string, i: number, unit: string): boolean {
  // jieba tags some such verbs as nouns (商量/n): the word before decides, not the tag. One
  // character must be a verb the dictionary reduplicates (说说, 看看).
  const pos = dictEntry(unit)?.pos ?? 'x';
  if (unit.length === 1 ? !/^v/.test(pos) || !isReduplicable(unit) : unit.length !== 2 || FUNCTION_POS.test(pos)) return false;
  const after = text[i + 2 * unit.length];
  const before = text.slice(Math.max(0, i - 5), i);
  // A two-character verb doubled for a try takes no aspect particle after it (研究了研究, not
  // 审议审议了).
  if (unit.length === 2 && /[了过]/.test(after ?? '')) return false;
  // 多 and 再 must be adverbs of their own (多看看, 再研究研究), not the end of a word (更多|成果成果,
  // 许多); 来 and 去 may end one (坐下来|说说, 过去|看看). And 看 after the doubled verb must not
  // begin a word (参加参加|看望), nor follow a plain noun (情况情况看).
  const adverb = TENTATIVE_BEFORE.exec(before.slice(-2))?.[0];
  const endsLongerWord = (a: string) => /^[多再]$/.test(a) && ((i >= 2 && isDictWord(text.slice(i - 2, i))) || (i >= 3 && isDictWord(text.slice(i - 3, i))));
  if (adverb && !endsLongerWord(adverb)) return true;
  // (…or asked of people named between: 再请大家研究研究, 让我们讨论讨论.)
  if (TENTATIVE_ASKED.test(text.slice(Math.max(0, i - 8), i))) return true;
  if (after === '吧') return true;
  // Said twice as a clause of its own and exclaimed (恭喜恭喜！ “欢迎欢迎！”): a greeting or a cheer, not
  // a slip inside running text.
  if (/^[！!]/.test(text.slice(i + 2 * unit.length)) && (i === 0 || /[\s，。！？；：“‘「（]/.test(text[i - 1]))) return true;
  if (after === '看' && pos !== 'n' && !isDictWord(text.slice(i + 2 * unit.length, i + 2 * unit.length + 2))) return true;
  // Quoted as a saying of its own (习惯说一句“研究研究”): the words of a speaker, whatever the
  // closing mark (one typed the wrong way round is punctuation's to report).
  // (…or opening a quoted saying as its own clause: “规划规划，纸上画画，墙上挂挂”.)
  if (/[“‘「]/.test(text[i - 1] ?? '') && /[”’」“‘，、！]/.test(after ?? '')) return true;
  // Said by someone of what they or the listeners will do, ending the clause (“…我们会后马上研究研究，”):
  // spoken words, in which a two-character verb doubled without an object is a try, not a slip.
  if (unit.length === 2 && /[，。！？；”’」]/.test(after ?? '') && insideQuotation(text, i)) {
    const clause = text.slice(0, i).split(/[，。！？；：“‘「]/).pop() ?? '';
    if (SPEAKER_SUBJECT.test(clause)) return true;
  }
  // The doubled verb before the pause is itself tentative (来说说、讨论讨论; not 提升提升、完善完善).
  const series = TENTATIVE_SERIES.exec(before);
  if (series && isTentative(text, i - series[0].length, series[1])) return true;
  // …or a tentative verb of the form A一A follows in the series (讨论讨论、到现场看一看).
  const next = text.slice(i + 2 * unit.length, i + 2 * unit.length + 16).split(/[。！？；]/)[0];
  return /^[、，]/.test(next) && TENTATIVE_ONE.test(next);
}
/** A person as the subject of a spoken clause (我们会后马上…, 你们回去…). */
const SPEAKER_SUBJECT = /^(?:我们|咱们|大家|你们|我|你|您)/;

/** Whether text[i] lies inside a double quotation opened before it in the paragraph and not yet closed. */
function insideQuotation(text: string, i: number): boolean {
  const open = Math.max(text.lastIndexOf('“', i), text.lastIndexOf('「', i));
  return open >= 0 && text.lastIndexOf('”', i) < open && text.lastIndexOf('」', i) < open;
}
/** Asking people to try something (请大家, 让我们一起): the doubled verb after it is a try. */
const TENTATIVE_ASKED = /(?:再|请|让|不妨)(?:大家|我们|你们|咱们|他们|她们|同志们|各位|他|她|你|我)(?:再|一起|好好|认真)?$/;
/** A verb doubled around 一 (看一看, 想一想): tentative whatever the words before it. */
const TENTATIVE_ONE = /(\p{Script=Han})一\1/u;
/** A doubled verb and a pause before: the next doubled verb goes on the series (说说、讨论讨论). */
const TENTATIVE_SERIES = /(\p{Script=Han}{1,2})\1[、，]$/u;

/** 各, 这, 那, 某, 哪, 每: the words a measure word follows in place of a numeral. */
function isDemonstrative(c: string): boolean {
  return c === '每' || dictEntry(c)?.pos === 'r';
}

/** A measure word: 一 + it is a numeral word in the dictionary (一年, 一遍), or 一步 itself. */
function isMeasure(unit: string): boolean {
  const word = unit.length === 1 ? '一' + unit : unit.startsWith('一') ? unit : '';
  return !!word && (dictEntry(word)?.pos.startsWith('m') ?? false);
}
