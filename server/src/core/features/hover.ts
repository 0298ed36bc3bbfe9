// Hover: what the sources say about the term or quotation under the cursor. Short Chinese
// Markdown: the term, its definition, its full or short forms, up to three source sentences
// (verbatim, with article and a file:// link to the line), and how often the sources use it.
// Where no term is under the cursor, the longest wording around it that the sources use gets
// the same sentences (世界最大区域组织 → 26国参与、…的世界最大区域组织).
import { pathToFileURL } from 'node:url';
import type { CorpusIndex, TermInfo } from '../index/corpus';
import { sourceAuthors } from '../index/authors';
import { findQuotes, findTitles, isTermLike } from '../index/miner';
import type { SourceSentence } from '../index/sentences';
import { t } from '../l10n';
import type { SourceRef, TermKind } from '../types';
import { quoteAt, shortFormsOf, termAt, type QuoteHit } from './termAt';
import { isQuoteEndMark, trimEndWhere } from '../text/trim';
import { dictEntry, tokenize } from '../lang/segmenter';

export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}

/** Sentences longer than this are shown as a window around the term. */
const MAX_SHOWN = 160;
const WINDOW = 60;
/** Quotations shorter than this (in Chinese characters) are treated as terms only. */
const MIN_QUOTE = 4;

/** Escapes the few characters that Markdown would read as markup in Chinese prose. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}

/** A file:// URI opening `file` at a 0-based line (the fragment is 1-based: #L12). */
export function fileLink(file: string, line: number): string {
  const href = pathToFileURL(file).href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return `${href}#L${line + 1}`;
}

/** 《title》 第N行 as a Markdown link to the place, then author and dateline when known. */
export function sourceLabel(index: CorpusIndex, ref: SourceRef): string {
  const place = index.placeOf(ref);
  const article = index.article(ref);
  const name = article?.title ? `《${article.title}》` : (ref.file.split(/[\\/]/).pop() ?? ref.file);
  const link = `[${escapeMarkdown(name)} ${t(`第${place.line + 1}行`, `line ${place.line + 1}`)}](${fileLink(ref.file, place.line)})`;
  const extra = [article?.author, article?.dateline].filter((x): x is string => !!x).map(escapeMarkdown);
  return [link, ...extra].join(' · ');
}

/** The sentence text shown for a ref: verbatim, windowed around the ref when very long. */
export function shownSentence(sentence: SourceSentence, ref: SourceRef): string {
  const s = sentence.text;
  if (s.length <= MAX_SHOWN) return s;
  const at = Math.max(0, ref.start - sentence.start);
  const from = Math.max(0, at - WINDOW);
  const to = Math.min(s.length, at + (ref.end - ref.start) + WINDOW);
  return (from > 0 ? '…' : '') + s.slice(from, to) + (to < s.length ? '…' : '');
}

export interface PickedSentence {
  sentence: SourceSentence;
  /** The term's occurrence in the sentence (or the sentence itself). */
  ref: SourceRef;
}

function lengthScore(n: number): number {
  if (n < 10) return -4;
  if (n < 20) return 0;
  if (n <= 90) return 3;
  if (n <= 150) return 1;
  return -2;
}

function balanced(s: string): boolean {
  const count = (re: RegExp) => (s.match(re) ?? []).length;
  return count(/“/g) === count(/”/g) && count(/‘/g) === count(/’/g) && count(/《/g) === count(/》/g);
}

/**
 * How well a sentence shows a term: the sources mark it there (“…”, 《…》, an abbreviation in
 * brackets) +1; the sentence is a fragment of a longer quotation (unbalanced marks) −2; the
 * use is only part of a longer quoted name or title (‘上海合作组织可持续发展年’) −1.
 */
/** What follows a term its sentence describes: 是, 已经成为, 作为, 即, 被誉为. */
const DESCRIBED_BONUS = 2.5;
const DESCRIBED_AS = /^(?:是|就是|即|乃|既是|则是|意味着|已经成为|已成为|成为|正成为|日益成为|被誉为|被称为|作为)/;

/** Whether the sentence says what the term used at `ref` is or has become (联合国是…, 上海合作组织已经成为…). */
function describes(sentence: SourceSentence, ref: SourceRef, term: string): boolean {
  let after = ref.start - sentence.start + term.length;
  // (Past the mark that closes the term as the sources quote it: “上海精神”作为…的国际关系新理念.)
  if (/[”’》）]/.test(sentence.text[after] ?? '')) after++;
  return DESCRIBED_AS.test(sentence.text.slice(after, after + 6));
}

/** What a leader or a document said, quoted: the term inside “…” after 强调：, 指出：…. */
const SAID_BONUS = 1.5;
const SAID_BEFORE = /(?:强调|指出|表示|提出|要求|说|讲|明确|宣布|写道)[：:]?$/;

/** Whether the term at `ref` stands inside a quotation its sentence attributes to a speaker (习近平总书记强调：“加快推进韧性城市建设…”). */
function saidOf(sentence: SourceSentence, ref: SourceRef, term: string): boolean {
  const at = ref.start - sentence.start;
  const q = findQuotes(sentence.text).find((x) => x.open < at && at + term.length <= x.close);
  return !!q && q.close - q.open - 1 > term.length + 2 && SAID_BEFORE.test(sentence.text.slice(Math.max(0, q.open - 4), q.open));
}

function shapeScore(sentence: SourceSentence, ref: SourceRef, term: string): number {
  let score = 0;
  if ([`“${term}”`, `‘${term}’`, `《${term}》`, `（${term}）`, `简称${term}`].some((m) => sentence.text.includes(m))) score += 1;
  if (!balanced(sentence.text)) score -= 2;
  const at = ref.start - sentence.start;
  // A sentence that says what the term is or has become tells most (上海合作组织已经成为…世界最大区域组织).
  // (Enough to outweigh the length of a sentence that leads into it: …的声明》强调：“联合国是第二次世界大战最重要胜利成果之一….)
  if (describes(sentence, ref, term)) score += DESCRIBED_BONUS;
  else if (saidOf(sentence, ref, term)) score += SAID_BONUS;
  const spans = [...findQuotes(sentence.text), ...findTitles(sentence.text)];
  const inside = spans.find((q) => q.open < at && at + term.length <= q.close && q.close - q.open - 1 > term.length);
  if (inside && isTermLike(sentence.text.slice(inside.open + 1, inside.close))) score -= 1;
  return score;
}

/** Occurrences a hover weighs at most (a sample of a frequent term's): each costs a sentence lookup and a scoring. */
const MAX_CONSIDERED = 300;

/**
 * The most informative source sentences for a term: the defining sentence first, then
 * sentences of moderate length from different articles, where the sources mark the term
 * (“…”, 《…》, an abbreviation in brackets) slightly preferred.
 */
export function pickSentences(index: CorpusIndex, term: TermInfo, max = 3): PickedSentence[] {
  // (In file order already, as every list of occurrences.)
  const occ = index.sampleOccurrences(term.text, MAX_CONSIDERED);
  const def = term.definition?.ref;
  const cands = new Map<string, PickedSentence & { score: number; article: string }>();
  const consider = (ref: SourceRef, bonus: number) => {
    const sentence = index.sentenceAt(ref);
    if (!sentence) return;
    const key = `${sentence.file}#${sentence.start}`;
    const known = cands.get(key);
    // (Each use in the sentence is weighed: the second may be the one it describes, 和联合国成立… |
    // 联合国是第二次世界大战最重要胜利成果之一.)
    const score = lengthScore(sentence.text.length) + bonus + shapeScore(sentence, ref, term.text);
    if (known) {
      if (score > known.score) Object.assign(known, { ref, score });
      return;
    }
    cands.set(key, { sentence, ref, score, article: `${ref.file}#${ref.article}` });
  };
  if (def) {
    // The defining sentence, linked at the term's use right after the definition when there is one.
    const sentence = index.sentenceAt(def);
    const use = sentence && index.occurrencesWithin(term.text, def.file, sentence.start, sentence.end - term.text.length + 1)[0];
    consider(use ?? def, 10);
  }
  for (const r of occ) consider(r, 0);
  if (cands.size === 0) for (const r of term.refs) consider(r, 0);

  const out: Array<PickedSentence & { article: string }> = [];
  const pool = [...cands.values()];
  while (out.length < max && pool.length) {
    let bestAt = 0;
    let bestScore = -Infinity;
    pool.forEach((c, i) => {
      let s = c.score;
      if (out.some((o) => o.article === c.article)) s -= 4;
      if (out.some((o) => o.sentence.file === c.sentence.file)) s -= 1;
      if (s > bestScore) {
        bestScore = s;
        bestAt = i;
      }
    });
    out.push(pool.splice(bestAt, 1)[0]);
  }
  return out.map(({ sentence, ref }) => ({ sentence, ref }));
}

function kindLabel(kind: TermKind): string {
  switch (kind) {
    case 'quoted':
      return t('引号术语', 'quoted term');
    case 'defined':
      return t('有定义', 'defined');
    case 'alias':
      return t('简称', 'short form');
    case 'title':
      return t('文件名称', 'title');
    case 'formulation':
      return t('固定表述', 'formulation');
    case 'listed':
      return t('并列表述', 'listed phrase');
    case 'paired':
      return t('括注名称', 'name in parentheses');
    case 'person':
      return t('人物', 'person');
  }
}

const KIND_ORDER: TermKind[] = ['defined', 'quoted', 'alias', 'title', 'formulation', 'listed', 'paired', 'person'];

function articleCount(index: CorpusIndex, term: TermInfo): number {
  return Math.max(index.articlesContaining(term.text), term.articles);
}

function quoteBlock(index: CorpusIndex, sentence: SourceSentence, ref: SourceRef): string {
  // A sentence that is a quotation whole is often attributed by the next one, right after its
  // closing mark (…大地才能繁荣。”习近平主席曾引用乌兹别克斯坦谚语…): who said it comes along.
  // So does the next sentence after a short one that states a principle (必须坚持底线思维和极限思维。):
  // it is what the source says the principle means.
  let attribution = '';
  const quotation = /[”’」]$/.test(sentence.text);
  // (A short one may be a heading, its paragraph after a line break: CR LF at most.)
  const short = !quotation && sentence.text.length < SHORT_SENTENCE && /[。；]$/.test(sentence.text);
  for (let gap = 0; gap <= (short ? 2 : quotation ? 0 : -1); gap++) {
    const next = index.sentenceAt({ file: sentence.file, start: sentence.end + gap, end: sentence.end + gap + 1, article: sentence.article });
    if (!next || next.start !== sentence.end + gap) continue;
    if (next.text.length <= (quotation ? MAX_ATTRIBUTION : MAX_SHOWN)) attribution = next.text;
    break;
  }
  return `> ${escapeMarkdown(shownSentence(sentence, ref) + attribution)}  \n> —— ${sourceLabel(index, ref)}`;
}
/** Longest sentence after a quotation shown with it as its attribution. */
const MAX_ATTRIBUTION = 80;
/** A sentence shorter than this (in UTF-16 units) is shown with the one after it. */
const SHORT_SENTENCE = 20;

/** The Markdown section about one term. */
export function termMarkdown(index: CorpusIndex, term: TermInfo, maxSentences = 3): string {
  const parts: string[] = [];
  const kinds = KIND_ORDER.filter((k) => term.kinds.has(k) || (k === 'alias' && term.fullForm));
  parts.push(`**${escapeMarkdown(term.text)}**${kinds.length ? `　_${kinds.map(kindLabel).join(' · ')}_` : ''}`);
  const full = term.fullForm ? index.term(term.fullForm) : undefined;
  const definition = term.definition ?? full?.definition;
  if (definition) parts.push(`${term.kinds.has('person') ? t('**身份**：', '**Office**: ') : t('**含义**：', '**Meaning**: ')}${escapeMarkdown(definition.text)}`);
  if (term.fullForm) parts.push(`${t('**全称**：', '**Full form**: ')}${escapeMarkdown(term.fullForm)}`);
  const shorts = shortFormsOf(index, term.text);
  if (shorts.length) parts.push(`${t('**简称**：', '**Short forms**: ')}${shorts.map(escapeMarkdown).join(t('、', ', '))}`);
  const inner = shortFormsInside(index, term.text);
  if (inner.length) parts.push(`${t('**其中简称**：', '**Short forms in it**: ')}${inner.map((x) => `${escapeMarkdown(x.text)} → ${escapeMarkdown(x.fullForm)}`).join(t('；', '; '))}`);
  for (const p of pickSentences(index, term, maxSentences)) parts.push(quoteBlock(index, p.sentence, p.ref));
  const count = Math.max(term.count, index.frequency(term.text));
  if (count > 0) {
    const articles = articleCount(index, term);
    parts.push(t(`来源中出现 ${count} 次，见于 ${articles} 篇文章。`, `Used ${count} times in ${articles} source article(s).`));
  }
  return parts.join('\n\n');
}

/**
 * The short forms the sources spell out that a longer term holds (上合组织 of 上合组织大家庭 → 上海合作组织),
 * longest first and not overlapping.
 */
function shortFormsInside(index: CorpusIndex, text: string): Array<{ text: string; fullForm: string }> {
  const out: Array<{ text: string; fullForm: string; start: number }> = [];
  for (let n = text.length - 1; n >= 2; n--) {
    for (let a = 0; a + n <= text.length; a++) {
      const full = index.term(text.slice(a, a + n))?.fullForm;
      if (!full || text.includes(full) || out.some((x) => x.start < a + n && a < x.start + x.text.length)) continue;
      out.push({ text: text.slice(a, a + n), fullForm: full, start: a });
    }
  }
  return out.sort((x, y) => x.start - y.start).map(({ text, fullForm }) => ({ text, fullForm }));
}

function chineseLength(s: string): number {
  return (s.match(/[\u3400-\u9fff]/g) ?? []).length;
}

/** Where a quotation comes from: an exact source passage, or the nearest source sentence. */
export function quoteSource(index: CorpusIndex, quote: QuoteHit, offset: number): string | undefined {
  const body = trimEndWhere(quote.text, isQuoteEndMark);
  if (chineseLength(body) < MIN_QUOTE) return undefined;
  const exact = index.frequency(body) > 0 ? index.occurrences(body, 50) : [];
  if (exact.length) {
    const ref = exact.find((r) => index.sentenceAt(r)) ?? exact[0];
    const sentence = index.sentenceAt(ref);
    const statement = index.statements.find((s) => s.ref.file === ref.file && s.ref.start <= ref.start && ref.end <= s.ref.end);
    const head = t('**引文出处**：与来源原文一致', '**Quotation source**: matches the source exactly') + (statement?.speaker ? t(`（${statement.speaker}）`, ` (${statement.speaker})`) : '');
    const more = exact.length > 1 ? t(`来源中共出现 ${exact.length} 次。`, `Found ${exact.length} times in the sources.`) : '';
    const block = sentence ? quoteBlock(index, sentence, ref) : `—— ${sourceLabel(index, ref)}`;
    return [head, block, more].filter(Boolean).join('\n\n');
  }
  // Near match: the quoted sentence under the cursor (or the longest one) against the sources.
  const pieces: Array<{ text: string; start: number }> = [];
  const re = /[^。！？；]+/g;
  for (const m of body.matchAll(re)) pieces.push({ text: m[0], start: quote.start + m.index! });
  const rel = pieces.find((p) => p.start <= offset && offset <= p.start + p.text.length) ?? pieces.sort((a, b) => b.text.length - a.text.length)[0];
  if (!rel || chineseLength(rel.text) < MIN_QUOTE) return undefined;
  const best = index.sentences.similar(rel.text, 0.5, 3)[0];
  if (!best) return undefined;
  const share = best.votes / Math.max(1, best.grams);
  if (share < 0.5) return undefined;
  const head = t(`**近似来源**：相似度 ${Math.round(share * 100)}%`, `**Nearest source**: ${Math.round(share * 100)}% similar`);
  return `${head}\n\n${quoteBlock(index, best.sentence, best.sentence)}`;
}

/** Shortest and longest wording of the sources shown where no term is under the cursor. */
const MIN_PHRASE = 4;
/** A name of three characters (杜尚别) is shown too. */
const MIN_NAME = 3;
/** A name of two characters (亚信) is shown where the dictionary tags it as one (see SHORT_NAME_POS). */
const MIN_SHORT_NAME = 2;
/** Tags of names of organisations, places and other proper nouns, and of short forms. */
const SHORT_NAME_POS = /^(nz|nt|ns|nrt|j)$/;
const MAX_PHRASE = 16;

/**
 * The longest wording around the cursor that the sources use (世界最大区域组织, 闭环流程), cut at
 * the draft's word boundaries: a phrase the index does not list as a term, whose source
 * sentences still show what it stands for (26国参与、…的世界最大区域组织).
 */
export function sourcePhraseAt(index: CorpusIndex, text: string, offset: number): { start: number; end: number; text: string } | undefined {
  const [runStart, runEnd] = cjkRunAround(text, offset);
  if (runEnd - runStart < MIN_SHORT_NAME) return undefined;
  const run = text.slice(runStart, runEnd);
  // Word boundaries of the run (its ends are cut by the window, so they count as boundaries too).
  const bounds = new Set<number>([0, run.length]);
  // …and where a function word or the copula begins or ends: a phrase does not open or close with
  // one (联合国是).
  const weakStart = new Set<number>();
  const weakEnd = new Set<number>();
  /** Words of two or three characters that name something (杜尚别, 亚信), as start:end: shown though shorter than a phrase. */
  const names = new Set<string>();
  for (const tok of tokenize(run)) {
    bounds.add(tok.start).add(tok.end);
    if (tok.text.length === MIN_NAME && /^n/.test(dictEntry(tok.text)?.pos ?? 'n')) names.add(`${tok.start}:${tok.end}`);
    // (…and of two that the dictionary tags as a name or short form: 亚信, 东盟.)
    if (tok.text.length === MIN_SHORT_NAME && SHORT_NAME_POS.test(dictEntry(tok.text)?.pos ?? '')) names.add(`${tok.start}:${tok.end}`);
    if (!EDGE_FUNCTION_POS.test(dictEntry(tok.text)?.pos ?? '') && tok.text !== '是') continue;
    weakStart.add(tok.start);
    weakEnd.add(tok.end);
  }
  const at = offset - runStart;
  for (let n = Math.min(MAX_PHRASE, run.length); n >= MIN_SHORT_NAME; n--) {
    for (let s = Math.max(0, at - n + 1); s <= at && s + n <= run.length; s++) {
      if (!bounds.has(s) || !bounds.has(s + n) || weakStart.has(s) || weakEnd.has(s + n)) continue;
      if (n < MIN_PHRASE && !names.has(`${s}:${s + n}`)) continue;
      const phrase = run.slice(s, s + n);
      if (index.frequency(phrase) > 0) return { start: runStart + s, end: runStart + s + n, text: phrase };
    }
  }
  return undefined;
}
const CJK = /[\u3400-\u9fff]/;

/** The run of Chinese characters around the cursor, at most MAX_PHRASE on each side: [start, end). */
function cjkRunAround(text: string, offset: number): [number, number] {
  let start = offset;
  while (start > 0 && offset - start < MAX_PHRASE && CJK.test(text[start - 1])) start--;
  let end = offset;
  while (end < text.length && end - offset < MAX_PHRASE && CJK.test(text[end])) end++;
  return [start, end];
}
/** Prepositions, conjunctions, particles and interjections: no phrase opens or closes with one (中 of 中白 may). */
const EDGE_FUNCTION_POS = /^(p|c|u\w*|y|e|o)$/;

/** An author of the sources named under the cursor (陶希东): the articles they signed. */
function authorAt(index: CorpusIndex, text: string, offset: number): HoverResult | undefined {
  for (const [name, refs] of sourceAuthors(index)) {
    for (let s = Math.max(0, offset - name.length + 1); s <= offset; s++) {
      if (!text.startsWith(name, s)) continue;
      const lines = refs.slice(0, MAX_AUTHOR_ARTICLES).map((r) => `- ${sourceLabel(index, r)}`);
      const head = `**${escapeMarkdown(name)}**　${t('_来源作者_', '_author in the sources_')}`;
      return { markdown: [head, lines.join('\n')].join('\n\n'), start: s, end: s + name.length };
    }
  }
  return undefined;
}
const MAX_AUTHOR_ARTICLES = 10;

/**
 * The name of the dictionary (an organisation, a place, a noun of two characters or more) at `at` in
 * `phrase`, shorter than it, when the sources say what it is (联合国是第二次世界大战最重要胜利成果之一).
 */
function nameWithin(index: CorpusIndex, phrase: string, at: number): TermInfo | undefined {
  const word = tokenize(phrase).find((w) => w.start <= at && at < w.end);
  if (!word || word.text.length < 2 || word.text.length === phrase.length || !/^n/.test(dictEntry(word.text)?.pos ?? '')) return undefined;
  for (const ref of index.sampleOccurrences(word.text, MAX_CONSIDERED)) {
    const sentence = index.sentenceAt(ref);
    if (sentence && describes(sentence, ref, word.text)) {
      return termOrWording(index, word.text);
    }
  }
  return undefined;
}

const FIGURE_CHAR = /[0-9０-９.．]/;
/** Characters after a number read as its unit (亿美元, 万亿美元, 国, %). */
const MAX_FIGURE_UNIT = 4;

/**
 * The number under the cursor with as much of its unit as the sources write with it (51‸24亿美元 →
 * 5124亿美元; 2‸6国 → 26国): a figure they give. A bare number needs three digits or more.
 */
function figureAt(index: CorpusIndex, text: string, offset: number): { start: number; end: number; text: string } | undefined {
  let at = offset;
  if (!FIGURE_CHAR.test(text[at] ?? '') && at > 0 && FIGURE_CHAR.test(text[at - 1])) at--;
  // (On the unit, the number before it: 80周‸年.)
  let back = at;
  while (back > 0 && offset - back < MAX_FIGURE_UNIT && /[\u3400-\u9fff%％]/.test(text[back] ?? '')) back--;
  const onUnit = !FIGURE_CHAR.test(text[at] ?? '') && back < at && /[0-9０-９]/.test(text[back] ?? '');
  if (onUnit) at = back;
  if (!/[0-9０-９]/.test(text[at] ?? '') && !(FIGURE_CHAR.test(text[at] ?? '') && /[0-9０-９]/.test(text[at - 1] ?? ''))) return undefined;
  let start = at;
  while (start > 0 && FIGURE_CHAR.test(text[start - 1]) && at - start < MAX_FIGURE) start--;
  let digitsEnd = at;
  while (digitsEnd < text.length && FIGURE_CHAR.test(text[digitsEnd]) && digitsEnd - start < MAX_FIGURE) digitsEnd++;
  // (Not the point that ends a sentence after it: 2.3万亿美元 keeps its point, 2025. loses it.)
  while (digitsEnd > start && /[.．]/.test(text[digitsEnd - 1])) digitsEnd--;
  if (!/^[0-9０-９]/.test(text.slice(start, digitsEnd))) return undefined;
  for (let end = Math.min(text.length, digitsEnd + MAX_FIGURE_UNIT); end >= digitsEnd; end--) {
    const unit = text.slice(digitsEnd, end);
    if (unit && !/^[\u3400-\u9fff%％]+$/.test(unit)) continue;
    if (!unit && digitsEnd - start < 3) break;
    if (onUnit && end <= offset) break;
    // (A per cent sign in either width, as the sources write it: 60% for their 60％.)
    const typed = text.slice(start, end);
    const figure = [typed, typed.replace(/%/g, '％'), typed.replace(/％/g, '%')].find((x) => index.frequency(x) > 0);
    // (Whole in the sources: not the tail of a longer number, 15124亿 for 5124亿.)
    if (figure && index.occurrences(figure, 20).some((r) => !FIGURE_CHAR.test(index.fileByPath(r.file)?.source.text[r.start - 1] ?? ''))) return { start, end, text: figure };
  }
  return undefined;
}
const MAX_FIGURE = 24;

/**
 * The word of two characters or more under the cursor (no function word) when the sources say what it
 * is, means or has become (互信是…, 互信意味着…, 平等既是…): a word they explain, though no term.
 */
function describedWordAt(index: CorpusIndex, text: string, offset: number): { term: TermInfo; start: number; end: number } | undefined {
  const [runStart, runEnd] = cjkRunAround(text, offset);
  const word = tokenize(text.slice(runStart, runEnd)).find((w) => w.start <= offset - runStart && offset - runStart < w.end);
  if (!word || word.text.length < 2 || EDGE_FUNCTION_POS.test(dictEntry(word.text)?.pos ?? '') || /^[rdmq]/.test(dictEntry(word.text)?.pos ?? '')) return undefined;
  for (const ref of index.sampleOccurrences(word.text, MAX_CONSIDERED)) {
    const sentence = index.sentenceAt(ref);
    if (!sentence || !describes(sentence, ref, word.text)) continue;
    // (The word itself, not the end of a longer one: 政治互信是… describes 政治互信.)
    const before = sentence.text[ref.start - sentence.start - 1] ?? '';
    if (CJK.test(before) && !/[的之与和及、]/.test(before)) continue;
    return { term: termOrWording(index, word.text), start: runStart + word.start, end: runStart + word.end };
  }
  return undefined;
}

/** The index's term for `text`, or the sources' wording as one with no kind (互信, 5124亿美元, 世界最大区域组织). */
function termOrWording(index: CorpusIndex, text: string): TermInfo {
  return index.term(text) ?? { text, kinds: new Set(), count: index.frequency(text), articles: 0, refs: [] };
}

/** A hover on wording of the sources that is no term (a figure, a phrase): its sentences, the heading tagged with `head`. */
function wordingHover(index: CorpusIndex, found: { start: number; end: number; text: string }, head: string): HoverResult {
  const info: TermInfo = { text: found.text, kinds: new Set(), count: index.frequency(found.text), articles: 0, refs: [] };
  return { markdown: termMarkdown(index, info, 3).replace(/^(\*\*[^\n]*\*\*)/, `$1　${head}`), start: found.start, end: found.end };
}

export function getHover(index: CorpusIndex, text: string, offset: number): HoverResult | undefined {
  if (index.isEmpty) return undefined;
  const hit = termAt(index, text, offset);
  const quote = quoteAt(text, offset);
  // A quotation that is exactly the term needs no separate source section.
  const quoteMd = quote && !(hit && hit.start === quote.start && hit.end === quote.end) ? quoteSource(index, quote, offset) : undefined;
  if (!hit && !quoteMd) {
    const author = authorAt(index, text, offset);
    if (author) return author;
    // A figure the sources give (5124亿美元, 26国): the sentences that give it.
    const figure = figureAt(index, text, offset);
    if (figure) return wordingHover(index, figure, t('_来源数据_', '_figure of the sources_'));
    // No term: how the sources use the words under the cursor, if they use them.
    const phrase = sourcePhraseAt(index, text, offset);
    if (!phrase) {
      // …or what they say the word under it is (互信 → 互信是国际合作发展的本质特征。…互信意味着…).
      const word = describedWordAt(index, text, offset);
      return word && { markdown: termMarkdown(index, word.term, 3), start: word.start, end: word.end };
    }
    return wordingHover(index, phrase, t('_来源用语_', '_wording of the sources_'));
  }
  const marked = hit && (hit.delimited || hit.term.kinds.size > (hit.term.kinds.has('formulation') ? 1 : 0) || hit.term.fullForm);
  const sections: string[] = [];
  let range: { start: number; end: number };
  if (hit && (marked || !quoteMd)) {
    sections.push(termMarkdown(index, hit.term, quoteMd ? 2 : 3));
    if (quoteMd) sections.push(quoteMd);
    // A phrase the sources merely repeat (维护联合国权威) says little of the name under the cursor in
    // it (联合国): what they say the name is comes after it.
    const name = !marked && !quoteMd ? nameWithin(index, hit.term.text, offset - hit.start) : undefined;
    if (name) sections.push(termMarkdown(index, name, 1));
    // A phrase found only by its shape (a listed item, a recurring formulation: 互利为合作之基) says
    // less than what the sources say the word under the cursor is (互利则是…).
    const guessed = !quoteMd && !name && !hit.delimited && !hit.term.definition && !hit.term.fullForm && [...hit.term.kinds].every((k) => k === 'listed' || k === 'formulation');
    const word = guessed ? describedWordAt(index, text, offset) : undefined;
    if (word && word.end - word.start < hit.end - hit.start) sections.push(termMarkdown(index, word.term, 2));
    range = { start: hit.start, end: hit.end };
  } else {
    sections.push(quoteMd!);
    if (hit) sections.push(termMarkdown(index, hit.term, 1));
    range = { start: quote!.start, end: quote!.end };
  }
  return { markdown: sections.join('\n\n---\n\n'), ...range };
}
