// quote-mismatch: a quotation (“…”, or words after 指出：/强调：/说：) that nearly matches a source
// sentence without matching it exactly. Flags each differing span, offers the source wording,
// and links the source place. Exact quotes, fragments and quotes with no near source stay silent.
import { t } from '../l10n';
import { toSimplified } from '../lang/variants';
import { align, anchoredPart, type AlignEdit } from '../text/align';
import { sharedEnds } from '../text/sharedEnds';
import type { CorpusIndex } from '../index/corpus';
import type { SourceSentence } from '../index/sentences';
import { findQuotes } from '../index/miner';
import { dictEntry, tokenize } from '../lang/segmenter';
import type { ParagraphDoc, Rule, RuleContext, RuleFinding } from './types';
import { charClass, isQuoteEndMark, trimEndWhere, trimStartWhere } from '../text/trim';

/** Marks around a source sentence's wording: quotation marks, brackets, a colon before it, end marks after it. */
const SOURCE_HEAD_MARK = charClass('“”‘’「」（）()《》：:', true);
const SOURCE_END_MARK = charClass('。！？，；、…“”‘’「」（）()》', true);

/** Marks that end a clause inside a source sentence. */
const CLAUSE_MARK = /^[，；：]$/;

/** Quotations shorter than this (in Chinese characters) are terms, not statements. */
const MIN_QUOTE = 8;
/** Quotations this long (in Chinese characters) are statements, whose numbers are quoted too. */
const MIN_STATEMENT = 15;
const INTRO = /(?:指出|强调|表示|说|讲|写道)[：:]/g;

interface QuoteSpan {
  start: number;
  end: number;
}

/** Quotation spans: “…” at the outer level, or the sentence after an unquoted 指出：. */
export function quotationSpans(text: string): QuoteSpan[] {
  // Outer quotations are those no other pair encloses: an opening mark left unclosed before one
  // (打击“三股势力“到…：“有了和平…”) does not make it a nested one.
  // findQuotes lists pairs by their opening mark, so the furthest close seen tells.
  const spans: QuoteSpan[] = [];
  let furthestClose = -1;
  for (const q of findQuotes(text)) {
    if (q.close > furthestClose) spans.push({ start: q.open + 1, end: q.close });
    furthestClose = Math.max(furthestClose, q.close);
  }
  for (const m of text.matchAll(INTRO)) {
    const start = m.index! + m[0].length;
    if (text[start] === '“') continue;
    const stop = text.slice(start).search(/[。！？]/);
    const end = stop < 0 ? text.length : start + stop;
    if (!spans.some((s) => s.start < end && start < s.end)) spans.push({ start, end });
  }
  return spans.sort((a, b) => a.start - b.start);
}

const NUMERAL_CHARS = '〇零一二三四五六七八九十百千万亿两0-9０-９';
const NUMERALS_ONLY = new RegExp(`^[${NUMERAL_CHARS}]+$`);
const NOT_WORDING = new RegExp(`[${NUMERAL_CHARS}\\s\\p{P}]`, 'gu');

/** The Chinese wording of a string: numerals and punctuation removed. */
function wording(s: string): string {
  return s.replace(NOT_WORDING, '');
}

function chinese(s: string): number {
  return s.replace(/[^\u3400-\u9fff]/g, '').length;
}

/** The text with known short forms written out (上合组织 → 上海合作组织), as sources often quote the full name. */
function expandAliases(text: string, index: CorpusIndex): string {
  let out = text;
  for (let n = Math.min(8, text.length); n >= 2; n--) {
    for (let i = 0; i + n <= out.length; i++) {
      const full = index.term(out.slice(i, i + n))?.fullForm;
      if (full && !full.startsWith('《')) {
        out = out.slice(0, i) + full + out.slice(i + n);
        i += full.length - 1;
      }
    }
  }
  return out;
}

/**
 * A stretch of the source sentence with exactly the quotation's characters in another order: the
 * part that differs ([start, end) of the quotation) and the source's wording of it. A character
 * count slides over the sentence, so each window costs one step.
 */
function reorderedIn(body: string, sentence: string): { start: number; end: number; source: string; window: string } | undefined {
  const n = body.length;
  if (n < MIN_QUOTE || sentence.length < n) return undefined;
  const diff = new Map<string, number>();
  let off = 0;
  const bump = (c: string, d: number) => {
    const before = diff.get(c) ?? 0;
    const after = before + d;
    off += (after !== 0 ? 1 : 0) - (before !== 0 ? 1 : 0);
    if (after === 0) diff.delete(c);
    else diff.set(c, after);
  };
  for (const c of body) bump(c, 1);
  for (let k = 0; k < sentence.length; k++) {
    bump(sentence[k], -1);
    if (k >= n) bump(sentence[k - n], 1);
    if (k < n - 1 || off !== 0) continue;
    const window = sentence.slice(k - n + 1, k + 1);
    if (window === body) return undefined;
    let start = 0;
    while (body[start] === window[start]) start++;
    let end = n;
    while (body[end - 1] === window[end - 1]) end--;
    // Items of an enumeration or clauses that changed places (a mark inside the moved part), not a
    // character or two by chance, nor a verb put after its object (建设X for X建设: other wording).
    // Two items joined by 和, 与 or 及 that traded places (正能量和稳定性 for 稳定性和正能量) are such items too.
    const moved = body.slice(start, end);
    const source = window.slice(start, end);
    const swappedAround = [...moved].some((c, p) => /[和与及]/.test(c) && p >= 2 && moved.length - p - 1 >= 2 && source === moved.slice(p + 1) + c + moved.slice(0, p));
    // So are two words that traded places, the rest quoted word for word (人文合作交流 for 人文交流合作,
    // 发展融合 for 融合发展).
    const swappedWords = [...moved].some((_c, p) => p >= 2 && moved.length - p >= 2 && source === moved.slice(p) + moved.slice(0, p) && bothWords(moved.slice(0, p), moved.slice(p)));
    if (end - start < MIN_MOVED || !(/[、，；]/.test(moved) || swappedAround || swappedWords)) return undefined;
    return { start, end, source, window };
  }
  return undefined;
}
const MIN_MOVED = 4;

/** Two words of the dictionary. */
function bothWords(a: string, b: string): boolean {
  return !!dictEntry(a) && !!dictEntry(b);
}

/** Where the draft writes right a phrase the source misspells: [offset in the draft, length]. */
function sourceTyposFixedIn(sourceText: string, body: string, index: CorpusIndex): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [typo, right] of index.typoPhrases()) {
    if (!sourceText.includes(typo)) continue;
    for (let at = body.indexOf(right); at >= 0; at = body.indexOf(right, at + 1)) out.push([at, right.length]);
  }
  return out;
}

/** The parts of one quoted piece that differ from its nearest source sentence. */
function mismatches(piece: string, offset: number, index: CorpusIndex): RuleFinding[] {
  const written = trimEndWhere(piece, isQuoteEndMark);
  // A quotation marks the source's own quotations with single marks (秉持‘上海精神’ for 秉持“上海精神”):
  // both compared with double marks, reported and fixed as the draft writes them.
  const nested = /[‘’]/.test(written);
  const canon = (x: string) => (nested ? x.replace(/‘/g, '“').replace(/’/g, '”') : x);
  const body = canon(written);
  const report = (edits: AlignEdit[], sourceWording: string, sentence: SourceSentence) =>
    findingsOf(nested ? edits.map((e) => ({ ...e, replacement: e.replacement.replace(/“/g, '‘').replace(/”/g, '’') })) : edits, written, offset, sourceWording, sentence, index);
  if (chinese(body) < MIN_QUOTE) return [];
  if (index.frequency(body) > 0) return /[。！？]$/.test(piece) ? droppedEnding(body, offset, index) : [];
  if (index.frequency(expandAliases(body, index)) > 0) return [];
  const best = index.sentences.similar(body, 0.5, 5)[0];
  if (!best) return [];
  // The source's words in another order (要合作不要对抗、要团结不要分裂 for 要团结不要分裂、要合作不要对抗):
  // one finding over the part that moved, whatever the character diff would make of it.
  const moved = reorderedIn(body, canon(best.sentence.text));
  if (moved) return report([{ start: moved.start, end: moved.end, replacement: moved.source }], moved.window, best.sentence);
  // The source sentence may carry its own quotation marks and end punctuation: wording only.
  // When it strings several quotations together (“…”“没有安全，就谈不上发展”“…”), the one the
  // draft quotes is the source's wording, with its own ends.
  const trim = (x: string) => trimEndWhere(trimStartWhere(x, SOURCE_HEAD_MARK), SOURCE_END_MARK);
  // Within a long source sentence, the part the quotation can repeat (a character diff over the
  // whole sentence may tie the quote's characters to earlier words: 加|快, 强|化).
  const wholeSource = canon(trim(best.sentence.text));
  // An item of the source's enumeration left out of the quotation, or one added to it, the others
  // quoted word for word (管行业必须管安全、管生产经营必须管安全 without its 管业务必须管安全): one
  // finding, however many characters the item holds.
  const item = itemEdit(body, wholeSource);
  if (item) return report([item.edit], item.sourceWording, best.sentence);
  let sourceText = anchoredPart(body, wholeSource);
  const reachesEnd = wholeSource.endsWith(sourceText);
  let a = align(body, sourceText, true);
  // The source part may run on past a clause mark near the quotation's length, and the diff tie its
  // last characters to the words after the mark (…文明差异性 for …文明多样性，在求同存异: 异 paired
  // with 存异's): the part up to that mark, where it aligns as well, is the one quoted.
  if (!CLAUSE_MARK.test(body[body.length - 1] ?? '')) {
    for (let m = 0; m < sourceText.length; m++) {
      if (!CLAUSE_MARK.test(sourceText[m]) || m < 0.7 * body.length || m > 1.3 * body.length) continue;
      const clipped = align(body, sourceText.slice(0, m), true);
      if (clipped.same > a.same || (clipped.same === a.same && clipped.edits.length <= a.edits.length && a.sourceEnd > m)) {
        sourceText = sourceText.slice(0, m);
        a = clipped;
      }
    }
  }
  for (const q of findQuotes(best.sentence.text)) {
    const quoted = canon(trim(best.sentence.text.slice(q.open + 1, q.close)));
    if (q.depth !== 0 || quoted.length === sourceText.length || chinese(quoted) < MIN_QUOTE) continue;
    const b = align(body, quoted, true);
    // The draft quotes that piece whole (its first and last words included), with a few changes.
    if (b.same >= 0.7 * body.length && b.sourceStart === 0 && b.sourceEnd === quoted.length) {
      sourceText = quoted;
      a = b;
      break;
    }
  }
  // Words added before or after the quoted source words frame the quotation; they do not misquote it
  // — unless they go with a change right beside them (发展的基础 for 发展之基: 的 → 之 and 础 added).
  const framing = (e: AlignEdit) => e.replacement === '' && (e.start === 0 || e.end === body.length);
  const besideChange = (e: AlignEdit) => a.edits.some((o) => o !== e && !framing(o) && o.start <= e.end + 1 && e.start <= o.end + 1);
  a.edits = a.edits.filter((e) => !(framing(e) && !besideChange(e)));
  // Punctuation and quotation marks inside the quote (“三亿人” vs 三亿人) are not wording, and a
  // number changed into another (“十五五” for “十四五”) is an update, not a misquote — but a figure in a
  // quoted sentence, as long as a statement, is quoted too (“中方建议将2024年确定为…” for 2025年).
  // (Figures, not the numerals of a name: “…第十五个五年规划” for 第十四个 is the plan now in force.)
  const numberChange = (e: AlignEdit) => e.end > e.start && /^[0-9０-９]+$/.test(body.slice(e.start, e.end)) && /^[0-9０-９]+$/.test(e.replacement);
  const statement = chinese(body) >= MIN_STATEMENT;
  a.edits = a.edits.filter((e) => /[\u3400-\u9fff]/.test(wording(body.slice(e.start, e.end) + e.replacement)) || (statement && numberChange(e)));
  // The source's traditional or variant character (its own typo: 二戰史观) is the draft's simplified
  // one: quoting it right is no misquote.
  a.edits = a.edits.filter((e) => !(e.end - e.start === e.replacement.length && toSimplified(e.replacement) === body.slice(e.start, e.end)));
  // Nor are the source's other slips: a word it writes twice (提升提升, 因地制宜宜) and a phrase it
  // misspells (资旅产业 beside its usual 文旅产业) that the draft writes right.
  a.edits = a.edits.filter((e) => !(e.start === e.end && (body.endsWith(e.replacement, e.start) || body.startsWith(e.replacement, e.end))));
  const rightForms = sourceTyposFixedIn(sourceText, body, index);
  a.edits = a.edits.filter((e) => !rightForms.some(([at, len]) => at <= e.start && e.end <= at + len));
  // A numeral where the source has words counts things its own way (“五自由便利和一安全有序流动”):
  // another slogan, not a misquote.
  if (a.edits.some((e) => e.end > e.start && NUMERALS_ONLY.test(body.slice(e.start, e.end)) && !(statement && numberChange(e)))) return [];
  const cutAtStart = a.sourceStart > 0;
  let cutAtEnd = a.sourceEnd < sourceText.length;
  // A quotation the draft closes as a whole sentence whose last word is another (…人民幸福的保障。”
  // for …人民幸福的生命线。): the diff pairs it with the source's characters of the same length and
  // leaves the rest of the source's last word out; the whole of it is the replacement.
  const tail = sourceText.slice(a.sourceEnd);
  const closesSentence = reachesEnd && /[。！？]$/.test(piece);
  const last = a.edits[a.edits.length - 1];
  if (cutAtEnd && closesSentence && last && last.end === body.length && last.end > last.start && /^[\u3400-\u9fff]{1,3}$/.test(tail)) {
    last.replacement += tail;
    cutAtEnd = false;
  }
  // Likewise a last word changed where the source's word ends at a mark a character or two later
  // (…社会民意根基” for …社会民意基础”: the diff pairs 基 with 基 and leaves 础 out): the rest of
  // the source's word belongs to the replacement.
  const wordRest = /^[\u3400-\u9fff]{1,2}(?=[，。；：！？”’」]|$)/.exec(tail)?.[0];
  if (cutAtEnd && wordRest && last && last.end > last.start && last.end === body.length - 1 && last.start >= body.length - 3) {
    last.replacement += body.slice(last.end) + wordRest;
    last.end = body.length;
    a.sourceEnd += wordRest.length;
    cutAtEnd = false;
  }
  // A quote whose first or last words differ from the middle of a longer source sentence
  // (“全球百强创新集群” beside 全球百强创新型企业) quotes some other phrase that shares words with it.
  // One that stops where a clause of the source does (…与产业创新融合” for …与产业创新协同，统筹…)
  // quotes that clause whole: its last word changed is a misquote; so for one that begins after a
  // clause mark.
  const endsAtClause = cutAtEnd && CLAUSE_MARK.test(sourceText[a.sourceEnd] ?? '');
  const startsAtClause = cutAtStart && CLAUSE_MARK.test(sourceText[a.sourceStart - 1] ?? '');
  if (a.edits.some((e) => (cutAtStart && !startsAtClause && e.start === 0) || (cutAtEnd && !endsAtClause && e.end === body.length))) return [];
  // A quotation the draft closes as a whole sentence (…人文交流。”) that stops a word or two short
  // of the source sentence's end (…人文交流合作。) has dropped those words.
  if (cutAtEnd && closesSentence && /^[\u3400-\u9fff]{1,4}$/.test(tail)) a.edits.push({ start: body.length, end: body.length, replacement: tail });
  // (A change at the marks of a quotation inside it, or words added or left out beside them —
  // 弘扬‘上海精神’：上合组织在行动 beside 弘扬“上海精神”的“上合组织行动” — is another slogan built of the
  // same words; a word changed before them is a misquote: 坚持‘上海精神’ for 践行.)
  const atInnerMarks = (e: AlignEdit) => {
    const around = e.start === e.end || e.replacement === '' ? body.slice(Math.max(0, e.start - 1), e.end + 1) : body.slice(e.start, e.end);
    return /[“”]/.test(around + e.replacement);
  };
  // (A long quotation that repeats the source sentence all but a character or two is that sentence,
  // whatever the marks the slip is beside: 践行‘上海精神’因而取得成功.)
  const nearlyWhole = body.length >= LONG_NESTED_QUOTE && a.same >= 0.9 * body.length;
  if (nested && !nearlyWhole && a.edits.some(atInnerMarks)) return [];
  const changed = a.edits.reduce((n, e) => n + Math.max(e.end - e.start, e.replacement.length), 0);
  if (a.edits.length === 0 || a.same < 0.7 * body.length || changed > Math.max(2, 0.25 * body.length)) return [];
  return report(a.edits, sourceText.slice(a.sourceStart, a.sourceEnd), best.sentence);
}

/** Characters of a quotation with marks inside that, repeated nearly whole, quotes its source sentence (see atInnerMarks). */
const LONG_NESTED_QUOTE = 20;

/**
 * Characters of an item whose absence is a misquote: lists of single words (“绿色、共享、开放、廉洁”)
 * are as often another list of the same values.
 */
const MIN_ITEM = 4;
/** Most items in a row left out of a quotation, or added to it, that make one finding. */
const MAX_ITEMS_LEFT_OUT = 3;
/** Places of the quotation's first and last items looked at in the source sentence. */
const MAX_ITEM_PLACES = 8;
/** Items of an enumeration or clauses, each with the mark that ends it. */
const ITEM_END = /(?<=[、，；])/;

/**
 * The quotation `body` is the source's wording with one inner item of its enumeration left out or
 * added (or a few in a row: a clause of two items), every other item the same: the edit that restores it. The first and last items must be
 * there (a quotation may begin or stop at any item).
 */
function itemEdit(body: string, sentence: string): { edit: AlignEdit; sourceWording: string } | undefined {
  const quoted = body.split(ITEM_END);
  if (quoted.length < 2) return undefined;
  const first = quoted[0];
  const last = quoted[quoted.length - 1];
  // (A few places of each end are tried: a long sentence of short repeated items would make it quadratic.)
  let froms = 0;
  for (let from = sentence.indexOf(first); from >= 0 && froms++ < MAX_ITEM_PLACES; from = sentence.indexOf(first, from + 1)) {
    let tos = 0;
    for (let to = sentence.indexOf(last, from + first.length); to >= 0 && tos++ < MAX_ITEM_PLACES; to = sentence.indexOf(last, to + 1)) {
      const sourceWording = sentence.slice(from, to + last.length);
      const original = sourceWording.split(ITEM_END);
      // (Up to a few items in a row: a clause of two, 强化城市自然灾害防治，统筹城市防洪体系和内涝治理；.)
      const d = Math.abs(quoted.length - original.length);
      if (d < 1 || d > MAX_ITEMS_LEFT_OUT) continue;
      const dropped = original.length > quoted.length;
      const [longer, shorter] = dropped ? [original, quoted] : [quoted, original];
      for (let k = 1; k + d < longer.length; k++) {
        const run = longer.slice(k, k + d).join('');
        if (chinese(run) < MIN_ITEM || !longer.every((x, j) => (j >= k && j < k + d) || x === shorter[j < k ? j : j - d])) continue;
        const at = quoted.slice(0, k).join('').length;
        return { edit: dropped ? { start: at, end: at, replacement: run } : { start: at, end: at + run.length, replacement: '' }, sourceWording };
      }
    }
  }
  return undefined;
}

/** One finding per edit of the quotation `body` (at `offset`), quoting the source's wording and place. */
function findingsOf(edits: AlignEdit[], body: string, offset: number, sourceWording: string, sentence: SourceSentence, index: CorpusIndex): RuleFinding[] {
  const title = index.article(sentence)?.title;
  const where = title ? t(`（《${title}》）`, ` (“${title}”)`) : '';
  const related = index.relatedPlace(sentence, t('来源原文', 'Source text'));
  return mergeNearEdits(edits, body).map((e) => {
    const found = body.slice(e.start, e.end);
    // Where the draft left words out, the range takes in the characters on both sides of the gap
    // (幸福[的线] → 的生命线), so that it is never empty and shows where the words belong.
    const gap = e.start === e.end;
    // (An item of a list left out after its mark, 韧性、[文明、]智慧: the range takes the item before the
    // mark's last character too, so that it touches the words on both sides of the gap.)
    const itemGap = gap && e.start >= 2 && /[、，；]/.test(body[e.start - 1]) && e.replacement.endsWith(body[e.start - 1]);
    const start = gap ? Math.max(0, e.start - (itemGap ? 2 : 1)) : e.start;
    const end = gap ? Math.min(body.length, e.end + 1) : e.end;
    const replacement = gap ? body.slice(start, e.start) + e.replacement + body.slice(e.end, end) : e.replacement;
    return {
      start: offset + start,
      end: offset + Math.max(end, start + 1),
      message: found && !e.replacement
        ? t(`引文与来源不一致：来源没有「${found}」；原文：“${sourceWording}”${where}`, `Quotation differs from the source: "${found}" is not there; source: “${sourceWording}”${where}`)
        : found
        ? t(`引文与来源不一致：「${found}」来源作「${e.replacement}」；原文：“${sourceWording}”${where}`, `Quotation differs from the source: "${found}" is "${e.replacement}" there; source: “${sourceWording}”${where}`)
        : t(`引文与来源不一致：来源此处有「${e.replacement}」；原文：“${sourceWording}”${where}`, `Quotation differs from the source: it has "${e.replacement}" here; source: “${sourceWording}”${where}`),
      replacements: [replacement],
      related,
    };
  });
}

/**
 * Edits one shared character apart are one change of wording (预防 → 防控 aligns as 预 left out
 * before 防 and 控 added after it): one finding replaces the whole of it.
 */
function mergeNearEdits(edits: AlignEdit[], body: string): AlignEdit[] {
  const out: AlignEdit[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && e.start - last.end <= 1 && (last.start < last.end || e.start < e.end)) {
      out[out.length - 1] = { start: last.start, end: e.end, replacement: last.replacement + body.slice(last.end, e.start) + e.replacement };
    } else out.push({ ...e });
  }
  return out;
}

/** Characters a sentence of the sources ends with. */
const SENTENCE_END = /[。！？”’]/;

/**
 * A verbatim quotation that the draft closes as a whole sentence (…扩大国际人文交流。”) but that
 * the sources everywhere go on with a word or two to their sentence's end (…人文交流合作。): the
 * words were dropped. Quoting the start of a longer sentence, cut at a comma, is left alone.
 */
function droppedEnding(body: string, offset: number, index: CorpusIndex): RuleFinding[] {
  const positions = index.suffixArray.positions(body, 50);
  let tail: string | undefined;
  for (const p of positions) {
    const after = index.joined.slice(p + body.length, p + body.length + 5);
    const m = /^([\u3400-\u9fff]{1,4})(.)/.exec(after);
    if (!m || !SENTENCE_END.test(m[2]) || (tail !== undefined && tail !== m[1])) return [];
    tail = m[1];
  }
  if (!tail) return [];
  const ref = index.occurrences(body + tail, 1)[0];
  const sentence = ref && index.sentenceAt(ref);
  const title = ref && index.article(ref)?.title;
  const where = title ? t(`（《${title}》）`, ` (“${title}”)`) : '';
  const sourceWording = body + tail;
  const last = body.length - 1;
  return [
    {
      start: offset + last,
      end: offset + body.length,
      message: t(`引文与来源不一致：来源此处还有「${tail}」；原文：“${sourceWording}”${where}`, `Quotation differs from the source: it goes on with "${tail}" there; source: “${sourceWording}”${where}`),
      replacements: [body[last] + tail],
      related: sentence ? index.relatedPlace(sentence, t('来源原文', 'Source text')) : undefined,
    },
  ];
}

/** Items of a quoted list (three or more, of one to eight characters: “宜业、宜居、宜游”). */
const QUOTED_LIST = /^\p{Script=Han}{1,8}(?:、\p{Script=Han}{1,8}){2,}$/u;
/** Characters of a source's list looked at around the pair of items that finds it. */
const MAX_SOURCE_LIST = 80;

/**
 * A quoted list of the sources' with one of their items left out (“宜业、宜居、宜游” for 宜业、宜居、宜乐、
 * 宜游) or its items in another order (“美观、绿色” of their 适用、经济、绿色、美观): quoting, the draft
 * claims their list. Found by two neighbouring items of the draft's, as the sources write them.
 */
function quotedListSlip(inner: string, start: number, index: CorpusIndex): RuleFinding | undefined {
  if (!QUOTED_LIST.test(inner) || index.frequency(inner) > 0) return undefined;
  const items = inner.split('、');
  const key = (list: string[]) => [...list].sort().join('、');
  for (let k = 0; k + 1 < items.length; k++) {
    const pair = `${items[k]}、${items[k + 1]}`;
    for (const pos of index.suffixArray.positions(pair, 20)) {
      let from = pos;
      while (from > 0 && pos - from < MAX_SOURCE_LIST && /[\p{Script=Han}、]/u.test(index.joined[from - 1])) from--;
      let to = pos + pair.length;
      while (to < index.joined.length && to - pos < MAX_SOURCE_LIST && /[\p{Script=Han}、]/u.test(index.joined[to])) to++;
      const theirs = index.joined.slice(from, to).split('、');
      // (Their first and last items may run on into the words around the list: 创造|宜业 … 宜游|的.)
      const trimmed = theirs.map((item, j) => (j === 0 ? item.slice(-items[0].length) : j === theirs.length - 1 ? item.slice(0, items[items.length - 1].length) : item));
      const leftOut = trimmed.length === items.length + 1 && trimmed.some((_, j) => trimmed.filter((__, i) => i !== j).join('、') === inner) && items.every((x) => trimmed.includes(x));
      const reordered = trimmed.length === items.length && key(trimmed) === key(items) && trimmed.join('、') !== inner;
      if (!leftOut && !reordered) continue;
      // (Their list as a whole, exactly: the trimmed ends must be items of theirs, not parts of longer ones.)
      const right = trimmed.join('、');
      const at = index.suffixArray.positions(right, 1)[0];
      if (at === undefined) continue;
      const place = index.refAt(at, at + right.length);
      return {
        start,
        end: start + inner.length,
        message: leftOut ? t(`引文与来源不符：来源作「${right}」，漏了一项`, `The quotation differs from the sources: they write "${right}", an item is left out`) : t(`引文与来源不符：来源作「${right}」，次序不同`, `The quotation differs from the sources: they write "${right}", in another order`),
        replacements: [right],
        related: place ? index.relatedPlace(place, t('来源原文', 'Source text')) : undefined,
      };
    }
  }
  return undefined;
}

/** Shortest quoted saying compared with the sources' (shorter ones are names and terms: term-typo's). */
const MIN_SHORT_QUOTE = 5;
/** Places of its first or last characters looked at in the sources. */
const MAX_SHORT_QUOTE_PLACES = 200;
/** Most characters of a word changed in a short saying. */
const MAX_SHORT_QUOTE_EDIT = 2;
/** Words that make a quotation a saying, not a name: pronouns, adverbs, prepositions, conjunctions, particles. */
const SAYING_POS = /^(r|d|p|c|u\w*|y)$/;

/**
 * A short quotation (fewer than MIN_QUOTE characters) that the sources quote with one word of one or
 * two characters other (“这要归功于中国”), the draft's wording quoted nowhere: a saying misquoted.
 * Only sayings, words of grammar among them: a short quoted name with a word changed may be another
 * name (“城市更新计划” beside “城市更新行动”).
 */
function shortQuoteSlip(body: string, offset: number, index: CorpusIndex): RuleFinding[] {
  const n = body.length;
  if (n < MIN_SHORT_QUOTE || !/^[\u3400-\u9fff]+$/.test(body) || index.frequency(body) > 0) return [];
  // (A verb and a word of grammar: 春天的盛会 is a name of a thing.)
  const words = tokenize(body).map((w) => dictEntry(w.text)?.pos ?? '');
  if (!words.some((pos) => SAYING_POS.test(pos)) || !words.some((pos) => /^v/.test(pos))) return [];
  const joined = index.joined;
  /** Their quotations that differ from the draft's by one short word, with where they differ. */
  const theirs = new Map<string, { start: number; end: number }>();
  for (const [probe, shift] of [[body.slice(0, 3), 0], [body.slice(-3), n - 3]] as const) {
    for (const pos of index.suffixArray.positions(probe, MAX_SHORT_QUOTE_PLACES)) {
      const s = pos - shift;
      if (joined[s - 1] !== '“' || joined[s + n] !== '”') continue;
      const quoted = joined.slice(s, s + n);
      const shared = sharedEnds(body, quoted);
      const end = n - shared.end;
      if (end > shared.start && end - shared.start <= MAX_SHORT_QUOTE_EDIT) theirs.set(quoted, { start: shared.start, end });
    }
  }
  if (theirs.size !== 1) return [];
  const [[quoted, edit]] = theirs;
  const ref = index.occurrences(`“${quoted}”`, 1)[0];
  const sentence = ref && index.sentenceAt(ref);
  if (!sentence) return [];
  return findingsOf([{ ...edit, replacement: quoted.slice(edit.start, edit.end) }], body, offset, quoted, sentence, index);
}

export const quoteMismatchRule: Rule = {
  id: 'quote-mismatch',
  description: '引文与来源原句几乎一致却有出入：标出不同之处，给出原文与出处',
  defaultSeverity: 'warning',
  safe: false,
  check(p: ParagraphDoc, ctx: RuleContext): RuleFinding[] {
    if (ctx.index.isEmpty) return [];
    const out: RuleFinding[] = [];
    for (const span of quotationSpans(p.text)) {
      // A quotation may hold several source sentences: compare each.
      const inner = p.text.slice(span.start, span.end);
      const list = quotedListSlip(inner, span.start, ctx.index);
      if (list) {
        out.push(list);
        continue;
      }
      // A short quoted saying of theirs with a word changed (“这要归因于中国” for “这要归功于中国”).
      if (p.text[span.start - 1] === '“' && chinese(inner) < MIN_QUOTE) {
        out.push(...shortQuoteSlip(inner, span.start, ctx.index));
        continue;
      }
      let at = 0;
      for (const piece of inner.split(/(?<=[。！？])/)) {
        out.push(...mismatches(piece, span.start + at, ctx.index));
        at += piece.length;
      }
    }
    return out;
  },
};
