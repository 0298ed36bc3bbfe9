// The language service facade: one object whose methods are the features. It knows nothing of
// LSP, VS Code or the terminal; the server, the CLI and the tests all drive it.
import { defaultConfig, type PolicyConfig } from './config';
import { blankLineBetween, Paragraph, paragraphContext, splitParagraphs, type DraftParagraph } from './draft';
import { CorpusIndex } from './index/corpus';
import { t } from './l10n';
import { startsWithHeadingMarker } from './features/symbols';
import { RULES } from './rules';
import { reflow } from './sources/reflow';
import { lastAtOrBefore } from './text/sortedSearch';
import { splitsSurrogatePair } from './text/surrogates';
import { ownCopy } from './util/ownCopy';
import type { Rule, RuleFinding } from './rules/types';
import { silentLogger, type Finding, type Fix, type Logger, type TextRange } from './types';

interface CachedParagraph {
  findings: Array<RuleFinding & { rule: Rule }>;
  /** Its share of PARAGRAPH_CACHE_BUDGET. */
  size: number;
  /** The paragraph text it is cached under: a string of its own, not a slice of a draft. */
  key: string;
}

/** Paragraph results are reused while the text, index and configuration stay the same. */
const PARAGRAPH_CACHE_LIMIT = 20000;
/**
 * …and while the cached paragraphs and findings stay below this size (characters of paragraph
 * text plus FINDING_COST per finding). A count alone did not bound memory: a 140,000-character
 * line edited keystroke by keystroke kept a copy of itself and its thousands of findings per
 * keystroke, and the server ran out of memory after a few hundred edits (issue 7).
 */
const PARAGRAPH_CACHE_BUDGET = 16_000_000;
const FINDING_COST = 250; // a finding weighs about as much as 250 characters (500 bytes)

export interface PolicyServiceOptions {
  index?: CorpusIndex;
  config?: PolicyConfig;
  logger?: Logger;
  rules?: readonly Rule[];
}

export class PolicyService {
  private currentIndex: CorpusIndex;
  private currentConfig: PolicyConfig;
  private readonly logger: Logger;
  private readonly rules: readonly Rule[];
  private readonly cache = new Map<string, CachedParagraph>();
  private cacheSize = 0;

  constructor(options: PolicyServiceOptions = {}) {
    this.currentIndex = options.index ?? CorpusIndex.empty();
    this.currentConfig = options.config ?? defaultConfig();
    this.logger = options.logger ?? silentLogger;
    this.rules = options.rules ?? RULES;
  }

  get index(): CorpusIndex {
    return this.currentIndex;
  }

  get config(): PolicyConfig {
    return this.currentConfig;
  }

  setIndex(index: CorpusIndex): void {
    this.currentIndex = index;
    this.clearCache();
  }

  setConfig(config: PolicyConfig): void {
    this.currentConfig = config;
    this.clearCache();
  }

  private clearCache(): void {
    this.cache.clear();
    this.cacheSize = 0;
  }

  /** Every finding in the text, sorted by position; paragraphs unchanged since the last call are not re-checked. */
  check(text: string, isCancelled?: () => boolean): Finding[] {
    const out: Finding[] = [];
    const paragraphs = joinWrappedLines(text, splitParagraphs(text));
    const texts = paragraphs.map((para) => (para.lines.length === 1 ? para.lines[0].text : para.lines.map((l) => l.text).join('')));
    for (let k = 0; k < paragraphs.length; k++) {
      const para = paragraphs[k];
      if (isCancelled?.()) break;
      const joined = texts[k];
      const last = para.lines[para.lines.length - 1];
      const next = paragraphs[k + 1]?.lines[0];
      const { quotationGoesOn, inList, endsBlock } = paragraphContext(texts, k, !next || blankLineBetween(text, last.end, next.start));
      for (const found of this.checkParagraph(joined, quotationGoesOn, inList, endsBlock)) {
        // A range that takes in a line break the paragraph was joined over keeps its message, not
        // its fix — unless the same edit fits on one side of the break (精品⏎精品 → delete the second).
        const f = para.lines.length > 1 ? narrowedToFit(found, joined, (s, e) => para.toDoc(e, true) - para.toDoc(s, false) === e - s) : found;
        const start = para.toDoc(f.start, false);
        const end = f.end === f.start ? start : para.toDoc(f.end, true);
        const whole = end - start === f.end - f.start;
        const finding = this.findingAt(whole ? f : { ...f, replacements: [] }, start, end, text);
        if (finding) out.push(finding);
      }
    }
    return dedupe(out);
  }

  private checkParagraph(slice: string, quotationGoesOn?: boolean, inList?: boolean, endsBlock?: boolean): Array<RuleFinding & { rule: Rule }> {
    // The same text with a quotation going on after it, out of any list, or before a blank line, is
    // another entry (see quotationGoesOn, ParagraphDoc.inList, ParagraphDoc.endsBlock).
    const suffix = (quotationGoesOn ? GOES_ON_KEY : '') + (inList === false ? NO_LIST_KEY : '') + (endsBlock ? ENDS_BLOCK_KEY : '');
    const lookup = suffix ? slice + suffix : slice;
    const hit = this.cache.get(lookup);
    if (hit) {
      // Refresh recency, under the entry's own key (see below: never the slice).
      this.cache.delete(lookup);
      this.cache.set(hit.key, hit);
      return hit.findings;
    }
    // The paragraph is a slice of the whole draft, and V8 keeps a slice's parent string alive: a
    // cached key (or a finding's message quoting it) would retain a full copy of the document per
    // edit — with 200 documents and 10,000 edits, 100 MB that closing the documents never gave
    // back (issue 7). A copy of its own cuts the tie.
    const text = ownCopy(slice);
    const paragraph = new Paragraph(text, quotationGoesOn, inList, endsBlock);
    const key = suffix ? text + suffix : text;
    const ctx = { index: this.currentIndex, config: this.currentConfig };
    const findings: Array<RuleFinding & { rule: Rule }> = [];
    for (const rule of this.rules) {
      if (this.currentConfig.rules[rule.id] === 'off') continue;
      try {
        for (const f of rule.check(paragraph, ctx)) {
          if (f.start >= 0 && f.end <= text.length && f.start <= f.end) findings.push({ ...wholeCodePoints(text, f), rule });
        }
      } catch (e) {
        this.logger.error(t(`规则 ${rule.id} 出错：${(e as Error).message}`, `Rule ${rule.id} failed: ${(e as Error).message}`));
      }
    }
    const allowed = this.currentConfig.allow.filter(Boolean);
    const kept = allowed.length ? findings.filter((f) => !isAllowed(text, f, allowed)) : findings;
    const size = text.length + FINDING_COST * kept.length;
    // Oldest first; a paragraph bigger than the whole budget is not cached at all.
    while (this.cache.size && (this.cache.size >= PARAGRAPH_CACHE_LIMIT || this.cacheSize + size > PARAGRAPH_CACHE_BUDGET)) {
      const [oldest, entry] = this.cache.entries().next().value as [string, CachedParagraph];
      this.cache.delete(oldest);
      this.cacheSize -= entry.size;
    }
    if (size <= PARAGRAPH_CACHE_BUDGET) {
      this.cache.set(key, { key, findings: kept, size });
      this.cacheSize += size;
    }
    return kept;
  }

  /** The finding for the draft's [start, end), with its fixes. */
  private findingAt(f: RuleFinding & { rule: Rule }, start: number, end: number, text: string): Finding | undefined {
    const severity = this.currentConfig.rules[f.rule.id] ?? f.rule.defaultSeverity;
    if (severity === 'off') return undefined;
    return { start, end, rule: f.rule.id, severity, message: f.message, replacements: f.replacements, fixes: fixesOf(text, start, end, f.replacements), related: f.related };
  }

  /** The rule ids whose fixes are applied by "fix all safe problems". */
  safeRuleIds(): Set<string> {
    return new Set(this.rules.filter((r) => r.safe).map((r) => r.id));
  }
}

/** Marks a cache key as that of a paragraph whose quotation may go on in the next (a noncharacter: never in text). */
const GOES_ON_KEY = '\uffff';
const NO_LIST_KEY = '\ufffe';
const ENDS_BLOCK_KEY = '\ufdd0';
/** A line that ends in a Chinese character or a mark inside a sentence goes on. */
const GOES_ON_AT_END = /(?:\p{Script=Han}|[，、：“‘《（—])$/u;
const HAN_AT_START = /^\p{Script=Han}/u;
/** Open lines from which a wrap width must hold three quarters of them, not half (see wrapStyle). */
const MANY_OPEN_LINES = 20;
/** Wrapped lines per closed one above which a file is not read as wrapped prose (see wrapStyle). */
const MAX_LINES_PER_PARAGRAPH = 12;
/** Lines narrower than this (columns) are titles or list items as often as wrapped prose. */
const MIN_WRAP_WIDTH = 40;
/**
 * A line wrapped at width W fills W − WRAP_SLACK … W columns: wrapped by hand, lines stop up to six
 * characters short (a drafter's lines of 32 to 37 characters; 8 columns missed their short lines).
 */
const WRAP_SLACK = 12;

/** Columns a line takes in an editor: two for a wide (East Asian) character, one for others. */
function columns(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // A surrogate pair (𠮷, planes 2–3) is one wide character: its low half adds nothing.
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0xd840 && c <= 0xd8bf);
    n += wide ? 2 : 1;
  }
  return n;
}

/** How a draft's lines wrap: at a width most lines fill, or (a few lines only) wherever prose lines stop inside a sentence. */
type WrapStyle = { width: number } | { few: true };

/** Lines of prose shorter than this (characters) may be titles or list items when no wrap width tells. */
const MIN_WRAPPED_LINE = 30;
/** Inside a wrapped paragraph a line may be shorter (wrapped by hand, not by the editor). */
const MIN_WRAPPED_LINE_INSIDE = 10;
/** At most this many lines stopping inside a sentence, and no width: each may be a wrap. */
const FEW_OPEN_LINES = 3;

/**
 * How the draft is wrapped by hand, if it is. Most lines that stop inside a sentence filling the
 * same number of columns give its width; a few such lines may be wraps too. A file of one sentence
 * per line without end marks has many such lines of every length: they stay apart.
 */
function wrapStyle(lines: DraftParagraph[]): WrapStyle | undefined {
  const widths: number[] = [];
  for (const l of lines) if (GOES_ON_AT_END.test(l.text) && !startsWithHeadingMarker(l.text)) widths.push(columns(l.text));
  if (widths.length === 0) return undefined;
  // Paragraphs end: in prose wrapped by hand, one line in a few closes a sentence. A file of lines
  // that nearly all go on is a list of sentences without end marks (one a line), not wrapped prose.
  const closed = lines.filter((l) => !GOES_ON_AT_END.test(l.text)).length;
  if (widths.length > FEW_OPEN_LINES && closed * MAX_LINES_PER_PARAGRAPH < widths.length) return undefined;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: { width: number; lines: number } | undefined;
  for (const width of counts.keys()) {
    if (width < MIN_WRAP_WIDTH) continue;
    let n = 0;
    for (let w = width - WRAP_SLACK; w <= width; w++) n += counts.get(w) ?? 0;
    if (!best || n > best.lines || (n === best.lines && width > best.width)) best = { width, lines: n };
  }
  // A few lines may stray from the width (a title, a short point); among many, a width that half of
  // them happen to fill is no wrap (sentences one a line: 59 % of LEMON's 3,780 fall in one band,
  // 85–97 % of the lines of drafts wrapped by hand).
  const share = widths.length >= MANY_OPEN_LINES ? 0.75 : 0.5;
  if (best && best.lines >= 2 && best.lines >= share * widths.length) return { width: best.width };
  return widths.length <= FEW_OPEN_LINES ? { few: true } : undefined;
}

/**
 * A line of prose that goes on in the next line (a hard wrap): it stops inside a sentence, no blank
 * line follows, the next line begins with a Chinese character, it is no heading (十、激发…活力，
 * 繁荣发展社会主义文化), and it fills the draft's wrap width — or, with no width to tell, it is a
 * long line of prose. A line a wrap led into may be shorter.
 */
function wrapsInto(text: string, line: DraftParagraph, next: DraftParagraph, style: WrapStyle, continued: boolean): boolean {
  // (One line break between them: a blank line, \n\n, ends a paragraph; \r\n is one break.)
  const gap = text.slice(line.end, next.start);
  if ((gap !== '\n' && gap !== '\r\n' && gap !== '\r') || !GOES_ON_AT_END.test(line.text) || !HAN_AT_START.test(next.text)) return false;
  const width = columns(line.text);
  const filled = 'width' in style && width >= style.width - WRAP_SLACK && width <= style.width;
  // A next line far wider than the wrap width was never wrapped at it: it is a paragraph of its own
  // (a heading before a long unwrapped paragraph: 十、…，繁荣发展社会主义文化⏎文化繁荣兴盛是…。).
  if ('width' in style && columns(next.text) > style.width + WRAP_SLACK) return false;
  // A point opened by an ordinal (第一、要深入挖掘…，围绕…) that fills the wrap width with clauses is
  // prose wrapped like the rest; a heading is shorter or stands alone.
  if (startsWithHeadingMarker(line.text) && !(filled && /[，；]/.test(line.text))) return false;
  if (continued) return line.text.length >= MIN_WRAPPED_LINE_INSIDE;
  if ('width' in style) return filled;
  return line.text.length >= MIN_WRAPPED_LINE && /[，。；、]/.test(line.text);
}

/** One quick fix per replacement of text[start, end). */
function fixesOf(text: string, start: number, end: number, replacements: string[]): Fix[] {
  const found = text.slice(start, end);
  return replacements.map((r) => {
    // A replacement that keeps the start or the end of the range deletes the rest (提升提升 → 提升).
    const rest = r && found.length > r.length ? (found.startsWith(r) ? found.slice(r.length) : found.endsWith(r) ? found.slice(0, found.length - r.length) : '') : '';
    const deleted = r === '' ? found : rest;
    return {
      title: deleted ? t(`删除「${deleted}」`, `Delete "${deleted}"`) : t(`改为「${r}」`, `Change to "${r}"`),
      edits: [{ start, end, newText: r }],
    };
  });
}

/**
 * A finding whose range crosses a line break the text was joined over (`fits` is false), narrowed
 * to the same edit without the text it keeps (精品精品 → 精品 is 精品|精品 → 精品|): its shared start or
 * end is left out when the rest fits. Anything else is returned as it is.
 */
function narrowedToFit<F extends TextRange & { replacements: string[] }>(f: F, joined: string, fits: (start: number, end: number) => boolean): F {
  if (f.replacements.length !== 1 || fits(f.start, f.end)) return f;
  const found = joined.slice(f.start, f.end);
  const r = f.replacements[0];
  let prefix = 0;
  while (prefix < r.length && found[prefix] === r[prefix]) prefix++;
  if (prefix > 0 && fits(f.start + prefix, f.end)) return { ...f, start: f.start + prefix, replacements: [r.slice(prefix)] };
  let suffix = 0;
  while (suffix < r.length && found[found.length - 1 - suffix] === r[r.length - 1 - suffix]) suffix++;
  if (suffix > 0 && fits(f.start, f.end - suffix)) return { ...f, end: f.end - suffix, replacements: [r.slice(0, r.length - suffix)] };
  return f;
}

/** Lines of one paragraph, checked as one text without the line breaks. */
interface JoinedParagraph {
  lines: DraftParagraph[];
  /** The draft offset of an offset into the joined text; an end offset at a join stays on the line before. */
  toDoc(at: number, isEnd: boolean): number;
}

/** Lines wrapped by hand (…的精品⏎精品线路) are joined into their paragraph, so that every rule reads across the wrap. */
function joinWrappedLines(text: string, lines: DraftParagraph[]): JoinedParagraph[] {
  const out: JoinedParagraph[] = [];
  const style = wrapStyle(lines);
  for (let k = 0; k < lines.length; k++) {
    const group = [lines[k]];
    while (style && k + 1 < lines.length && wrapsInto(text, lines[k], lines[k + 1], style, group.length > 1)) group.push(lines[++k]);
    const starts: number[] = [];
    let at = 0;
    for (const l of group) {
      starts.push(at);
      at += l.text.length;
    }
    out.push({
      lines: group,
      toDoc(pos: number, isEnd: boolean): number {
        // The line holding pos (binary search: a paragraph may be wrapped over thousands of lines).
        let i = Math.max(0, lastAtOrBefore(starts, pos));
        if (isEnd && i > 0 && starts[i] === pos) i--;
        return group[i].start + pos - starts[i];
      },
    });
  }
  return out;
}

/** A finding is dropped when its text lies inside an occurrence of an allowed word. */
function isAllowed(text: string, f: TextRange, allow: string[]): boolean {
  for (const word of allow) {
    for (let at = text.indexOf(word, Math.max(0, f.end - word.length)); at >= 0 && at <= f.start; at = text.indexOf(word, at + 1)) {
      if (at <= f.start && f.end <= at + word.length) return true;
    }
  }
  return false;
}

/**
 * Two rules flagging the same range: the first rule in the list speaks — but a quotation of the
 * sources' is quote-mismatch's, which gives the sentence quoted (“这要归功于中方” is a misquotation
 * before it is a misspelt word).
 */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  const quoteFirst = (f: Finding) => (f.rule === 'quote-mismatch' ? 0 : 1);
  return findings
    .sort((a, b) => a.start - b.start || a.end - b.end || quoteFirst(a) - quoteFirst(b))
    .filter((f) => {
      const key = `${f.start}:${f.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/**
 * Applies the first replacement of each finding, skipping any that overlaps one already applied.
 * Returns the new text and the findings applied.
 */
export function applyFixes(text: string, findings: Finding[]): { text: string; applied: Finding[] } {
  const applied: Finding[] = [];
  let out = '';
  let at = 0;
  for (const f of [...findings].sort((a, b) => a.start - b.start || a.end - b.end)) {
    if (f.start < at || f.replacements.length === 0) continue;
    out += text.slice(at, f.start) + f.replacements[0];
    at = f.end;
    applied.push(f);
  }
  return { text: out + text.slice(at), applied };
}

export function createPolicyService(options: PolicyServiceOptions = {}): PolicyService {
  return new PolicyService(options);
}

/**
 * Checks a file as it stands on disk. Newspaper text set in columns (one paragraph over many short
 * lines) is checked on its rebuilt paragraphs, so that quotations and words broken over lines are
 * read whole; findings are mapped back to the file, and a fix is kept only where the mapped range
 * is unbroken in the file.
 */
/** Average characters per line of text set in newspaper columns (the seeds': 17.5); a draft wrapped by hand runs wider. */
const MAX_COLUMN_LINE = 24;

export function checkFileText(service: PolicyService, original: string): Finding[] {
  const paragraphs0 = splitParagraphs(original);
  const lines = paragraphs0.length;
  // Column-set text is made of short lines; anything else is checked as it is, without rebuilding
  // (prose wrapped by hand at a wider width is joined by the service itself, as in the editor).
  const averageLine = paragraphs0.reduce((n, p) => n + p.text.length, 0) / Math.max(1, lines);
  if (lines < 8 || averageLine > MAX_COLUMN_LINE) return service.check(original);
  const rebuilt = reflow(original);
  const paragraphs = rebuilt.text ? rebuilt.text.split('\n').length : 0;
  if (lines < 8 || paragraphs > lines * 0.8) return service.check(original);
  const map = rebuilt.map;
  const fits = (s: number, e: number) => {
    const r = map.rangeToOriginal(s, e);
    return r.end - r.start === e - s;
  };
  return service.check(rebuilt.text).map((found) => {
    const f = narrowedToFit(found, rebuilt.text, fits);
    if (f !== found) f.fixes = fixesOf(rebuilt.text, f.start, f.end, f.replacements);
    const { start, end } = map.rangeToOriginal(f.start, f.end);
    const contiguous = end - start === f.end - f.start;
    const replacements = contiguous ? f.replacements : [];
    return {
      ...f,
      start,
      end,
      replacements,
      fixes: contiguous ? f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, ...map.rangeToOriginal(e.start, e.end) })) })) : [],
    };
  });
}

/**
 * A finding whose range would split a character outside the BMP (𠮷: two UTF-16 units) is widened to
 * the whole character, its replacements carrying the half it took in, so that a fix applies as before
 * and no editor is asked to cut a character in two. A rule's offsets may land there when they count a
 * character before or after a gap as one unit.
 */
export function wholeCodePoints(text: string, f: RuleFinding): RuleFinding {
  let { start, end } = f;
  let before = '';
  let after = '';
  if (splitsSurrogatePair(text, start)) before = text[--start];
  if (end > start && splitsSurrogatePair(text, end)) after = text[end++];
  if (!before && !after) return f;
  return { ...f, start, end, replacements: f.replacements.map((r) => before + r + after) };
}
