// punctuation: Chinese punctuation slips inside one paragraph (GB/T 15834).
//  - unpaired “” ‘’ 《》 （） 【】 〈〉 「」 『』 〔〕: the lonely mark is flagged, without a fix (only the
//    writer knows where the partner belongs) — unless it is a copy typed twice (deleted) or one of
//    two quotation marks facing the same way around text (“上海精神“: turned), or a pair facing
//    away from each other (”上海精神“: both turned), or a closing mark of another kind typed for the
//    partner (《…战略〉, “一刀切’, 《决定>: replaced);
//  - half-width , ; : ? ! . between Chinese characters → ，；：？！。 (not 3.5, URLs, English), and
//    , ; : after a number inside Chinese text (增长18.5%;举办);
//  - doubled marks ，， 。。 、、 ；； ：： ？？ ！！ → one; "..." or 。。。 → ……; a pause mark
//    next to a sentence end (，。 。，) → the end mark alone; 第三、 opening a sentence → 第三，;
//    （二）、 → （二）;
//  - ASCII quotes around Chinese text → “” ‘’; ASCII parentheses around Chinese text or inside a
//    Chinese sentence (模型(CIM)平台) → （）;
//  - a dash typed with hyphens (改革开放--这是) → ——; a lone … in Chinese text → ……; a span of years
//    joined by a hyphen (2021-2025年) → —;
//  - 、 where GB/T 15834 has none: in an approximate number (两、三个月), before the conjunction of a
//    list's last item (、和) or before 等; 。 after ……; 2、 opening a paragraph → 2..
// A quotation running over several paragraphs opens each of them with “ and closes only the last:
// an unmatched “ or ‘ opening the paragraph (or after a colon) is therefore not flagged where the
// next paragraph goes on with the quotation (or when the caller does not know the next paragraph).
import { t } from '../l10n';
import type { CorpusIndex } from '../index/corpus';
import type { Rule, RuleFinding } from './types';
import { charClass, trimEndWhere } from '../text/trim';
import { dictEntry, isDictWord, tokenize, wordFreq } from '../lang/segmenter';

const HAN = /\p{Script=Han}/u;
const HAN_RUN = /^\p{Script=Han}+$/u;
const OPENERS: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '（': '）', '【': '】', '〈': '〉', '「': '」', '『': '』', '〔': '〕', '(': ')' };
const CLOSERS: Record<string, string> = Object.fromEntries(Object.entries(OPENERS).map(([o, c]) => [c, o]));
/** Parentheses of either width pair with each other: （…) is one mistake (the width), not two lonely marks. */
const FAMILY: Record<string, string> = { '(': '（', ')': '）' };
const FULL_WIDTH: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '.': '。', '(': '（', ')': '）' };
/** Marks after which Chinese text continues (closing marks) and before which it starts (opening marks). */
const CJK_CLOSING = /[”’》）】〉」』〕]/;
const CJK_OPENING = /[“‘《（【〈「『〔]/;
/** Each quotation mark and the mark facing the other way. */
const QUOTE_PAIRS: Record<string, string> = { '“': '”', '”': '“', '‘': '’', '’': '‘' };
const BRACKETS = /[“”‘’《》（）【】〈〉「」『』〔〕()]/g;
const HALF_WIDTH = /[,;:?!.．]/g;
const DOUBLED = /([，。、；：？！])\1+/g;
/** A pause mark right before or after a sentence end (，。 or 。，): the pause mark goes. */
const CLASHING = /[，、；：](?=[。！？])|(?<=[。！？])[，、；：]/g;
const NUMERALS = /^[\s　]*(?:[一二三四五六七八九十百]+|\d+)$/;
/** Closing marks and spaces after a paragraph's final punctuation. */
const TRAILING_CLOSER = charClass('”’》）」』】〕)', true);

export const punctuationRule: Rule = {
  id: 'punctuation',
  description: '标点符号错误：不成对的引号书名号括号、中文里的半角标点、重复标点',
  defaultSeverity: 'warning',
  safe: true,
  check(paragraph, ctx) {
    const text = paragraph.text;
    const out: RuleFinding[] = [];
    unpaired(text, out, ctx?.index, paragraph.quotationGoesOn);
    // (Before halfWidth: its ； for a final ; gives way to the 。 on the same range.)
    finalSemicolon(text, out, paragraph.inList);
    finalComma(text, out, paragraph.endsBlock);
    questionMarkOnStatement(text, out);
    halfWidth(text, out, ctx?.index);
    spaceAroundMarks(text, out);
    doubled(text, out);
    asciiQuotes(text, out);
    nestedDoubleQuotes(text, out);
    lessGreaterTitles(text, out);
    dashesAndEllipses(text, out, ctx?.index);
    ordinalPause(text, out);
    misusedPauses(text, out, ctx?.index);
    commaInList(text, out);
    framedListComma(text, out);
    commasBeforeDeng(text, out);
    if (ctx?.index) sourceListComma(text, out, ctx.index);
    if (ctx?.index) sourceDashes(text, out, ctx.index);
    if (ctx?.index) quotedTitles(text, out, ctx.index);
    if (ctx?.index) earlyTitleEnds(text, out, ctx.index);
    return dedupe(out);
  },
};

function finding(start: number, end: number, message: string, replacement?: string): RuleFinding {
  return { start, end, message, replacements: replacement === undefined ? [] : [replacement] };
}

/** Character before `i`, skipping nothing; surrogate pairs are read whole. */
function charBefore(text: string, i: number): string {
  if (i <= 0) return '';
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1];
}

function charAt(text: string, i: number): string {
  if (i >= text.length) return '';
  const c = text.codePointAt(i)!;
  return String.fromCodePoint(c);
}

const isHan = (c: string): boolean => c !== '' && HAN.test(c);
/** Chinese text (or a Chinese mark) on the left of a half-width mark. */
const chineseBefore = (c: string): boolean => isHan(c) || CJK_CLOSING.test(c);
/** Chinese text (or a Chinese mark) on the right. */
const chineseAfter = (c: string): boolean => isHan(c) || CJK_OPENING.test(c);

/** The longest term the sources put in `mark` (quoted after “, titled after 《) that starts at text[at]. */
function namedAfter(text: string, at: number, mark: string, index: CorpusIndex): string | undefined {
  const kind = mark === '“' ? 'quoted' : mark === '《' ? 'title' : undefined;
  if (!kind) return undefined;
  for (let n = Math.min(MAX_NAMED, text.length - at); n >= 2; n--) {
    const info = index.term(text.slice(at, at + n));
    if (info?.kinds.has(kind) && info.count >= 1) return info.text;
  }
  return undefined;
}
/** The note that introduces a short form, up to the short form's closing mark: 以下简称《意见》, 下称“两个确立”. */
const SHORT_FORM_NOTE = /^(?:以下简称|以下称|下称|简称)(?:《[^《》（）]{1,20}》|“[^“”（）]{1,20}”|[\p{Script=Han}]{2,8}(?=[，。；]))/u;
/** An acronym in brackets with Chinese or a clause mark right after it: CIM of 模型（CIM平台, SCO of 组织（SCO。, 5G of 网络（5G、 */
const ACRONYM_NOTE = /^(?:[A-Z][A-Za-z0-9]{1,11}|[0-9][A-Za-z][A-Za-z0-9]{0,8})(?=\p{Script=Han}|[，。；！？、])/u;
/** Longest quoted or titled name looked for after a lonely opening mark. */
const MAX_NAMED = 40;
/**
 * The kinds of official documents (the 公文 kinds of GB/T 9704 and the usual others): a title after
 * a lonely 《 that ends in one at a clause mark ends there (印发《全市城市体检工作方案，→ …方案》，).
 */
const DOCUMENT_KIND = /(?:决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|纪要|规划|方案|计划|纲要|办法|规定|条例|细则|准则|章程|标准|指南|指引|宣言|声明|倡议|白皮书|要点|清单|公约|协定|条约|法典|守则|规则|制度)$/;
/** A title's text after 《 up to the clause mark that follows it. */
const TITLE_BEFORE_MARK = new RegExp(`^[^，。；：！？、\\s《》“”‘’（）()]{2,${MAX_NAMED}}(?=[，。；：！？、]|\\s|$)`, 'u');

function unpaired(text: string, out: RuleFinding[], index?: CorpusIndex, quotationGoesOn?: boolean): void {
  const asciiPaired = new Set<number>();
  const stack: Array<{ ch: string; at: number }> = [];
  const openCount = new Map<string, number>(); // per family, so a closer without partner costs no stack walk
  const count = (family: string, d: number) => openCount.set(family, (openCount.get(family) ?? 0) + d);
  const familyOf = (ch: string) => FAMILY[ch] ?? ch;
  const closers: number[] = [];
  /** Lonely opening marks inside a closed pair, each with the first lonely closing mark after it there. */
  const enclosed: Array<{ open: { ch: string; at: number }; close: number }> = [];
  let edges: Edges | undefined;
  // The same mark typed twice (《天津宣言》》): the lonely copy is deleted, wherever it stands.
  const typedTwice = (ch: string, at: number) => text[ch in OPENERS ? at + 1 : at - 1] === ch;
  // An opening mark that opens nothing, right before a clause mark (摇动”“，), is extra too.
  const opensNothing = (ch: string, at: number) => ch in OPENERS && ch !== '(' && /^[，。；：！？、,.;:!?]/.test(text.slice(at + 1, at + 2));
  // Two lonely 《 around a title, the second before a clause mark, the end, or the closing mark of a
  // pair around both (发表《天津宣言《，, 以下简称《意见《）): the second was typed for 》 — not an extra
  // copy, which the mark typed twice is. Reported when so.
  const secondTitleMarkTurned = (a: { ch: string; at: number }, b: { ch: string; at: number }, closing?: number): boolean => {
    if (a.ch !== '《' || b.ch !== '《' || typedTwice('《', b.at)) return false;
    const inner = text.slice(a.at + 1, b.at);
    if (inner.length > MAX_NAMED || !HAN.test(inner) || /[《》“”‘’，。；：！？、]/.test(inner)) return false;
    if (b.at + 1 !== closing && !/^([，。；：！？、,.;:!?]|$)/.test(text.slice(b.at + 1, b.at + 2))) return false;
    out.push(finding(b.at, b.at + 1, t('书名号方向有误，应为「》」', 'The title mark faces the wrong way: 「》」'), '》'));
    return true;
  };
  const lonely = (ch: string, at: number) => {
    if (typedTwice(ch, at) || opensNothing(ch, at)) {
      out.push(finding(at, at + 1, t(`多余的「${ch}」`, `Extra 「${ch}」`), ''));
      return;
    }
    const partner = OPENERS[ch] ?? CLOSERS[ch];
    // An opening mark before a name the sources quote or title so (“美丽中国, 《天津宣言): closed after
    // it; a bracket that introduces a short form (（以下简称《意见》) closes after the short form.
    // So does one around an acronym that Chinese or a clause mark follows at once (模型（CIM平台,
    // 组织（SCO。).
    // And a 《 before a document's title that ends in its kind at a clause mark (《…工作方案，).
    const titled = () => {
      const title = TITLE_BEFORE_MARK.exec(text.slice(at + 1, at + 2 + MAX_NAMED))?.[0];
      return title && DOCUMENT_KIND.test(title) ? title : undefined;
    };
    const named = ch === '（' ? (SHORT_FORM_NOTE.exec(text.slice(at + 1, at + 1 + MAX_NAMED)) ?? ACRONYM_NOTE.exec(text.slice(at + 1, at + 1 + MAX_NAMED)))?.[0] : ch in OPENERS && index ? namedAfter(text, at + 1, ch, index) ?? (ch === '《' ? titled() : undefined) : undefined;
    if (named) {
      out.push(finding(at, at + 1 + named.length, t(`「${ch}」没有配对的「${partner}」`, `「${ch}」 has no matching 「${partner}」`), ch + named + partner));
      return;
    }
    out.push(finding(at, at + 1, t(`「${ch}」没有配对的「${partner}」`, `「${ch}」 has no matching 「${partner}」`)));
  };
  for (const m of text.matchAll(BRACKETS)) {
    const i = m.index;
    const ch = m[0];
    if (ch in OPENERS) {
      stack.push({ ch, at: i });
      count(familyOf(ch), 1);
      continue;
    }
    // A single mark inside a quotation closed by a double one, the quotation closing after it (“…秉持‘上海
    // 精神”，…。”): the first ” was typed for ’.
    if (ch === '”' && stack.length >= 2 && stack[stack.length - 1].ch === '‘' && stack[stack.length - 2].ch === '“' && /^[^“”‘’]*”/.test(text.slice(i + 1))) {
      stack.pop();
      count(familyOf('‘'), -1);
      out.push(finding(i, i + 1, t('「‘」应以「’」配对，「”」有误', '「‘」 is closed by 「’」, not 「”」'), '’'));
      continue;
    }
    const opener = CLOSERS[ch];
    const family = familyOf(opener);
    let k = openCount.get(family) ? stack.length - 1 : -1;
    while (k >= 0 && familyOf(stack[k].ch) !== family) k--;
    if (k < 0) {
      // A list number closed by a parenthesis opening the paragraph (1）, 一）) or a half-width one.
      if (ch === ')' || (ch === '）' && NUMERALS.test(text.slice(0, i)))) continue;
      closers.push(i);
      continue;
    }
    // The marks opened after the partner and never closed are lonely — but for one a closing mark of
    // another kind inside the pair was typed for (（以下简称“意见》）: see mismatched below).
    const left = stack.splice(k + 1);
    for (let s = 0; s < left.length; s++) {
      const open = left[s];
      count(familyOf(open.ch), -1);
      // (Two lonely 《 in the pair, the second right before its closing mark: （以下简称《意见《）.)
      if (s + 1 < left.length && secondTitleMarkTurned(open, left[s + 1], i)) {
        count(familyOf(left[++s].ch), -1);
        continue;
      }
      const close = closers.find((c) => c > open.at && c < i);
      if (close !== undefined) enclosed.push({ open, close });
      else lonely(open.ch, open.at);
    }
    const open = stack.pop()!;
    count(family, -1);
    if (open.ch !== opener) {
      // （…) or (…）: one side has the wrong width; with Chinese inside or around, both should be
      // full-width (网络(5G）、).
      const inner = text.slice(open.at + 1, i);
      if (HAN.test(inner) || chineseContext(text, open.at, i + 1)) {
        const bad = open.ch === '(' ? open.at : i;
        out.push(finding(bad, bad + 1, t(`中文括号应为全角「（）」`, 'Parentheses around Chinese text should be full-width 「（）」'), FULL_WIDTH[text[bad]]));
      }
    } else if (opener === '(' && ((HAN.test(text.slice(open.at + 1, i)) && chineseContext(text, open.at, i + 1)) || chineseOnBothSides(text, open.at, i + 1))) {
      const msg = t(`中文括号应为全角「（）」`, 'Parentheses around Chinese text should be full-width 「（）」');
      out.push(finding(open.at, open.at + 1, msg, '（'), finding(i, i + 1, msg, '）'));
    }
  }
  // Two lonely quotation marks of the same direction around text (“上海精神“, ”上海精神”): one of
  // them faces the wrong way.
  const turned = (ats: number[], fix: (a: number, b: number) => number): Set<number> => {
    const done = new Set<number>();
    for (let k = 0; k + 1 < ats.length; k++) {
      const a = ats[k];
      const b = ats[k + 1];
      if (text[a] !== text[b] || !QUOTE_PAIRS[text[a]] || !HAN.test(text.slice(a + 1, b)) || done.has(a)) continue;
      // A mark typed twice (““) is an extra copy, reported as such; turning its neighbour instead
      // would leave the next fix to turn another (“指出：““…).
      if (typedTwice(text[a], a) || typedTwice(text[b], b)) continue;
      const wrong = fix(a, b);
      const right = QUOTE_PAIRS[text[wrong]];
      out.push(finding(wrong, wrong + 1, t(`引号方向有误，应为「${right}」`, `The quotation mark faces the wrong way: 「${right}」`), right));
      done.add(a).add(b);
    }
    return done;
  };
  const turnedOpeners = turned(stack.map((o) => o.at), (_a, b) => b);
  const turnedClosers = turned(closers, (a) => a);
  /** Whether `open` and `close` are a lonely opening mark and a closing mark of another kind typed for its partner (reported). */
  const mismatched = (open: { ch: string; at: number }, close: number): boolean => {
    if (turnedOpeners.has(open.at) || open.ch === '(' || typedTwice(open.ch, open.at)) return false;
    if (text[close] === ')' || typedTwice(text[close], close) || !HAN.test(text.slice(open.at + 1, close))) return false;
    if (/[“”‘’《》（）【】〈〉「」『』〔〕()"]/.test(text.slice(open.at + 1, close))) return false;
    const right = OPENERS[open.ch];
    // (A quotation mark before a document's name closed by 》 is the slip: 以下简称“意见》 → 《意见》.)
    if (open.ch === '“' && text[close] === '》' && DOCUMENT_KIND.test(text.slice(open.at + 1, close))) {
      out.push(finding(open.at, open.at + 1, t('「》」应以「《」配对，「“」有误', '「》」 is opened by 「《」, not 「“」'), '《'));
    } else out.push(finding(close, close + 1, t(`「${open.ch}」应以「${right}」配对，「${text[close]}」有误`, `「${open.ch}」 is closed by 「${right}」, not 「${text[close]}」`), right));
    turnedOpeners.add(open.at);
    turnedClosers.add(close);
    return true;
  };
  for (const { open, close } of enclosed) if (!mismatched(open, close)) lonely(open.ch, open.at);
  // A closing mark followed by its opening mark around text (”上海精神“): the pair faces away
  // from each other; both are turned.
  for (const close of closers) {
    const open = stack.find((o) => o.at > close && !turnedOpeners.has(o.at));
    if (turnedClosers.has(close) || !open || QUOTE_PAIRS[text[close]] !== open.ch || !HAN.test(text.slice(close + 1, open.at))) continue;
    if (text.slice(close + 1, open.at).includes(text[close]) || text.slice(close + 1, open.at).includes(open.ch)) continue;
    // Either mark may belong to a quotation over several paragraphs (繁荣。”他强调：“…): then leave both.
    edges ??= new Edges(text, quotationGoesOn);
    if (edges.continuedFromPrevious(close) || edges.continuesToNext(open.at)) continue;
    for (const at of [close, open.at]) {
      const right = QUOTE_PAIRS[text[at]];
      out.push(finding(at, at + 1, t(`引号方向有误，应为「${right}」`, `The quotation mark faces the wrong way: 「${right}」`), right));
    }
    turnedClosers.add(close);
    turnedOpeners.add(open.at);
  }
  // A lonely opening mark and the next lonely closing mark of another kind around Chinese text, with
  // no mark between them (《…战略〉, “一刀切’): the closing one was typed for the opening one's partner.
  for (const open of stack) {
    const close = closers.find((c) => c > open.at && !turnedClosers.has(c));
    if (close !== undefined) mismatched(open, close);
  }
  // Two lonely 《 around a title, the second before a clause mark or the end (发表《天津宣言《，): the
  // second was typed for 》 — not an extra copy, which the mark typed twice is.
  for (let k = 0; k + 1 < stack.length; k++) {
    const [a, b] = [stack[k], stack[k + 1]];
    if (turnedOpeners.has(a.at) || turnedOpeners.has(b.at)) continue;
    if (secondTitleMarkTurned(a, b)) turnedOpeners.add(a.at).add(b.at);
  }
  // A half-width > typed for 》 (《决定>和《意见》).
  for (const open of stack) {
    if (open.ch !== '《' || turnedOpeners.has(open.at)) continue;
    const gt = text.indexOf('>', open.at + 1);
    if (gt < 0 || /[《》<]/.test(text.slice(open.at + 1, gt)) || !HAN.test(text.slice(open.at + 1, gt)) || gt - open.at > MAX_NAMED) continue;
    out.push(finding(gt, gt + 1, t('「《」应以「》」配对，「>」有误', '「《」 is closed by 「》」, not 「>」'), '》'));
    turnedOpeners.add(open.at);
  }
  // One ASCII " closing a Chinese opening mark (“走走看看") or opening for a Chinese closing one:
  // the " is the slip.
  const firstAscii = text.indexOf('"');
  const loneAscii = firstAscii >= 0 && firstAscii === text.lastIndexOf('"') ? firstAscii : -1;
  const asciiPartner = (right: string) => {
    out.push(finding(loneAscii, loneAscii + 1, t(`中文引号应为「${right}」`, `The quotation mark should be 「${right}」`), right));
    asciiPaired.add(loneAscii);
  };
  for (const open of stack) {
    if (turnedOpeners.has(open.at)) continue;
    if (open.ch === '“' && loneAscii > open.at && !asciiPaired.has(loneAscii) && HAN.test(text.slice(open.at + 1, loneAscii))) {
      asciiPartner('”');
      continue;
    }
    if (open.ch === '(') continue; // a lonely half-width "(" is rarely prose: a formula, a smiley…
    edges ??= new Edges(text, quotationGoesOn);
    if (typedTwice(open.ch, open.at) || !edges.continuesToNext(open.at)) lonely(open.ch, open.at);
  }
  for (const f of closers) {
    if (turnedClosers.has(f)) continue;
    // (A 》 after << typed for 《, reported there: <<…协定》.)
    if (text[f] === '》' && /[<＜]{2}\p{Script=Han}[^《》]*$/u.test(text.slice(Math.max(0, f - MAX_NAMED - 2), f))) continue;
    if (text[f] === '”' && loneAscii >= 0 && loneAscii < f && !asciiPaired.has(loneAscii) && HAN.test(text.slice(loneAscii + 1, f))) {
      asciiPartner('“');
      continue;
    }
    edges ??= new Edges(text, quotationGoesOn);
    if (typedTwice(text[f], f) || !edges.continuedFromPrevious(f)) lonely(text[f], f);
  }
}

// A quotation or parenthesis may run over several paragraphs: it then opens at the start of a
// paragraph or, for a block quotation, after a colon (指出：“…), and closes at the start or the
// end of a later one, or after the end of a quoted sentence (…。”). A line without final
// punctuation may also be a wrapped line rather than a paragraph (a long title broken inside 《》):
// its opening marks may close on the next line, and a closing mark with no punctuation before it
// may continue the previous line. Lonely marks in those places are not flagged; elsewhere they are.
/** Where a paragraph's text begins and ends, computed once per paragraph with lonely marks. */
const CLAUSE_MARK = /[，。；：！？]/;

class Edges {
  /** Index of the first non-space character. */
  readonly first: number;
  /** Index after the last character that is neither punctuation nor space. */
  readonly lastWord: number;
  /** Index of the first punctuation mark (text.length when none). */
  readonly firstMark: number;
  /** The paragraph ends with final punctuation (possibly followed by closing marks). */
  readonly final: boolean;
  /** Index of the last clause mark (，。；：！？), or -1. */
  readonly lastClauseMark: number;
  constructor(
    private readonly text: string,
    /** Whether the next paragraph goes on with a quotation (undefined: unknown, so it may). */
    private readonly quotationGoesOn?: boolean,
  ) {
    this.first = text.search(/\S/);
    let k = text.length;
    while (k > 0 && /[\p{P}\s]/u.test(text[k - 1])) k--;
    this.lastWord = k;
    const mark = text.search(/\p{P}/u);
    this.firstMark = mark < 0 ? text.length : mark;
    this.final = /[。！？；：…!?;:.]/.test(trimEndWhere(text.slice(k), TRAILING_CLOSER).slice(-1));
    let c = text.length - 1;
    while (c >= 0 && !CLAUSE_MARK.test(text[c])) c--;
    this.lastClauseMark = c;
  }

  continuesToNext(at: number): boolean {
    let k = at;
    while (k > 0 && /\s/.test(this.text[k - 1])) k--;
    // Only a quotation runs over paragraphs closed by their own end marks (each opening with “, the
    // last closing it); a title or a bracket goes on only from a line broken inside it, with no clause
    // of the sentence after it there (《意见提出，改造…起来， has gone on past its title).
    if (!QUOTE_PAIRS[this.text[at]]) return !this.final && at > this.lastClauseMark;
    if (!(k === 0 || this.text[k - 1] === '：' || this.text[k - 1] === ':' || !this.final)) return false;
    // A quotation opened in a closed paragraph goes on only where the next paragraph shows it does
    // (opens with “ again, or closes it): in the last paragraph, or before one that does not, it is left open.
    return !(this.final && this.quotationGoesOn === false && (this.text[at] === '“' || this.text[at] === '‘'));
  }

  continuedFromPrevious(at: number): boolean {
    // (A closing mark after the last words, then the full stop, ends a quotation run into this
    // sentence — …的追求”。 — which opened here, not in an earlier paragraph.)
    if (at >= this.lastWord && (this.text[at] === '”' || this.text[at] === '’') && HAN.test(this.text[at - 1] ?? '') && this.text[at + 1] === '。') return false;
    if (at <= this.first || at >= this.lastWord) return true;
    if ((this.text[at] === '”' || this.text[at] === '’') && '。！？…'.includes(this.text[at - 1])) return true; // …道路。”习近平说
    return !this.final && at <= this.firstMark; // 试点工作方案》的通知
  }
}

/** Chinese on at least one side outside the pair: 煤层气(煤矿瓦斯)开发, not f(x) or (ICANN). */
function chineseContext(text: string, start: number, end: number): boolean {
  return chineseBefore(charBefore(text, start)) || chineseAfter(charAt(text, end)) || start === 0;
}

/**
 * Chinese right before the pair and right after it (城市信息模型(CIM)平台, 标准(2016)的): a
 * parenthesis inside a Chinese sentence, whatever it holds, is full-width (GB/T 15834). At the
 * edge of Chinese text (see (ICANN), f(x)=…) it may belong to other writing.
 */
function chineseOnBothSides(text: string, start: number, end: number): boolean {
  return isHan(charBefore(text, start)) && (isHan(charAt(text, end)) || /[，。、；：！？]/.test(charAt(text, end)));
}

/**
 * 第一，第二， (其一， 首先，) open the points of a passage with a comma, as 一、二、 take 、 (GB/T 15834): 第三、要…
 * at the start of a sentence is a slip. 第一、二产业 and 第一、第二批 list ordinals and stay.
 */
const ORDINAL_PAUSE = /(?<=^|[。！？；：，\n]\s*)(?:第[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十]|首先|其次)、(?![第其首一二三四五六七八九十〇零\d])/g;

/** A list number in brackets ((二), (3)) is closed by its bracket: a pause mark after it is one too many. */
const BRACKETED_NUMBER_PAUSE = /(?<=^|[。！？；：，\n]\s*)[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)]、/g;

/** An Arabic list number opening a paragraph takes the full stop of GB/T 15834 (2. 深化…), not 、. */
const ARABIC_NUMBER_PAUSE = /^[\s　]*\d{1,2}、(?=\p{Script=Han}|[“《（])/u;

/** An Arabic list number inside a paragraph, after the clause before it (…机制；2、深入…): bracketed there, （2）. */
const RUN_IN_NUMBER_PAUSE = /(?<=[；。：])\d{1,2}、(?=\p{Script=Han}|[“《（])/gu;

function ordinalPause(text: string, out: RuleFinding[]): void {
  const arabic = ARABIC_NUMBER_PAUSE.exec(text);
  if (arabic) {
    const at = arabic.index + arabic[0].length - 1;
    out.push(finding(at, at + 1, t('阿拉伯数字序号后应用下脚点「.」', 'An Arabic list number takes 「.」'), '.'));
  }
  for (const m of text.matchAll(RUN_IN_NUMBER_PAUSE)) {
    const number = m[0].slice(0, -1);
    out.push(finding(m.index, m.index + m[0].length, t(`段中序号应作「（${number}）」`, `A list number inside a paragraph is written 「（${number}）」`), `（${number}）`));
  }
  for (const m of text.matchAll(ORDINAL_PAUSE)) {
    const at = m.index + m[0].length - 1;
    out.push(finding(at, at + 1, t(`序次语「${m[0].slice(0, -1)}」后应用逗号「，」`, `An ordinal such as ${m[0].slice(0, -1)} takes a comma 「，」`), '，'));
  }
  for (const m of text.matchAll(BRACKETED_NUMBER_PAUSE)) {
    const at = m.index + m[0].length - 1;
    const number = m[0].slice(0, -1);
    out.push(finding(at, at + 1, t(`括号序号「${number}」后不加顿号`, `A bracketed list number such as ${number} takes no 「、」`), ''));
  }
}

/** Values of the numerals that give an approximate number when two neighbours stand together (三四个). */
const NUMERAL_VALUE: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** Two neighbouring numerals (or 三五) parted by 、 before what they count (两、三个月), not an ordinal list (第一、二批; 一、二、三). */
const APPROXIMATE_PAUSE = /(?<![第\d０-９〇零一二两三四五六七八九十、])([一二两三四五六七八九])、([二三四五六七八九十])(?=[个位名人次天日周岁条项件家所种批成倍十百千万亿]|年(?!级))/g;
/** How much commoner the word after a conjunction must be than a word the conjunction begins (文化 beside 和文) for the conjunction to be read. */
const OVERLAPPING_WORD_RATIO = 10;
/** A pause mark before a conjunction that joins the last item of a list (电梯、停车位、和充电桩). */
const PAUSE_BEFORE_CONJUNCTION = /、(?=以及|或者|及|和|或)/g;

/**
 * Pause marks and stops where GB/T 15834 has none: between two numerals of an approximate number
 * (两、三个月 → 两三个月), before the conjunction of a list's last item (、和 → 和), a semicolon ending
 * a quotation the text goes on after (；”这些 → 。”), and a full stop after an ellipsis (……。 → ……).
 */
function misusedPauses(text: string, out: RuleFinding[], index?: CorpusIndex): void {
  for (const m of text.matchAll(APPROXIMATE_PAUSE)) {
    // (After words, not opening a heading: 三、四个意识.)
    // (三五 is the other usual pair: 三五年.)
    const pair = NUMERAL_VALUE[m[2]] === NUMERAL_VALUE[m[1]] + 1 || m[1] + m[2] === '三五';
    if (!pair || !HAN.test(text[m.index - 1] ?? '')) continue;
    const at = m.index + 1;
    out.push(finding(at, at + 1, t(`相邻数字连用表示概数，中间不用顿号（${m[1]}${m[2]}）`, `Neighbouring numerals of an approximate number take no 「、」 (${m[1]}${m[2]})`), ''));
  }
  for (const m of text.matchAll(PAUSE_BEFORE_CONJUNCTION)) {
    // The conjunction, not a word it begins (、和平, 、及时, 、与会).
    const at = m.index + 1;
    const conjunction = text.startsWith('以及', at) ? '以及' : text.startsWith('或者', at) ? '或者' : text[at];
    // …and only in a list of three items or more, whose earlier items a 、 parts in the same clause:
    // a 、 alone before 和 may part two phrases of their own (求同存异、和合共生).
    const clause = text.slice(0, m.index).split(/[，。；：！？,;:!?]/).pop() ?? '';
    // (A word the conjunction begins that a far commoner word after it overlaps is no reading: 科技、
    // 和文化旅游 reads 和|文化, not 和文 — but 、或有金融工具 reads 或有.)
    const begun = longestWordAt(text, at);
    const after = longestWordAt(text, at + conjunction.length);
    const beginsWord =
      begun > conjunction.length && !(after >= 2 && conjunction.length + after > begun && wordFreq(text.slice(at + conjunction.length, at + conjunction.length + after)) >= OVERLAPPING_WORD_RATIO * wordFreq(text.slice(at, at + begun)));
    if (!HAN.test(text[at - 2] ?? '') || beginsWord || !clause.includes('、')) continue;
    out.push(finding(m.index, at, t(`连词「${conjunction}」前不用顿号`, `No 「、」 before the conjunction 「${conjunction}」`), ''));
  }
  // 、 before 等 (燃气、等): 等 closes the list, it is no item of it (not 、等级, 、等待).
  for (const m of text.matchAll(/(?<=\p{Script=Han})、(?=等)/gu)) {
    // (Nor before a word the dictionary lacks that 等 begins, as jieba's HMM reads it: 评语、等次.)
    const word = tokenize(text.slice(m.index + 1, m.index + 5), true)[0];
    if (longestWordAt(text, m.index + 1) > (text.startsWith('等等', m.index + 1) ? 2 : 1) || (word && word.text.length > 1 && word.text !== '等等')) continue;
    out.push(finding(m.index, m.index + 1, t('「等」前不用顿号', 'No 「、」 before 「等」'), ''));
  }
  // 、 before the particle 的 (绿色、智慧、的“好房子”): the list is over, 的 ties it to its noun
  // (not before a word 的 begins: 、的确).
  for (const m of text.matchAll(/(?<=\p{Script=Han})、(?=的)/gu)) {
    if (longestWordAt(text, m.index + 1) > 1) continue;
    out.push(finding(m.index, m.index + 1, t('「的」前不用顿号', 'No 「、」 before 「的」'), ''));
  }
  // A semicolon closing a quotation that the text goes on after with a sentence of its own
  // (提出：“…合作；”这些部署…): the quoted sentence ends there, with a full stop.
  for (const m of text.matchAll(/；(?=[”’]\p{Script=Han})/gu)) {
    out.push(finding(m.index, m.index + 1, t('引语到此结束，句末应用句号「。」', 'The quotation ends here: a full stop, not a semicolon'), '。'));
  }
  // A full stop closing a quotation that is part of the sentence (关于“…发展。”的重要论述), or that the
  // sentence goes on after with a pause (提出“加快建设完整社区。”，并要求…): a quotation used as a
  // phrase keeps no full stop of its own (GB/T 15834 4.1.3.1).
  for (const m of text.matchAll(/(?<=\p{Script=Han})。(?=”[的，、；：])/gu)) {
    // (The particle, not a word it begins: 。”的确.)
    if (text[m.index + 2] === '的' && longestWordAt(text, m.index + 2) > 1) continue;
    out.push(finding(m.index, m.index + 1, t('引语作句子成分时，引号内句末不用句号', 'A quotation that is part of the sentence takes no full stop inside'), ''));
  }
  // A full stop inside a quotation that opened in the middle of the writer's sentence (要“看准方向、
  // …更有作为。”各成员国…): the quotation is part of that sentence, whose full stop goes after the
  // closing mark (GB/T 15834 4.1.3.1). After a colon or a sentence's end the quotation is a sentence
  // of its own and keeps its full stop inside.
  // (A mark after the quotation is another check's: 。”的, 。”，.)
  // After a verb of saying (指出“…。”), the quotation is a sentence of its own whose colon is missing;
  // after 强调 or 提出 too when it holds clauses (强调“加快…建设，健全…体系。”). Another quotation may
  // follow then (强调“…。”“…。”).
  // (So does one opened after a comma of the writer's sentence, 当今世界，“…十字路口。” — not after a verb of
  // saying and its comma, 指出，“…。”, a quoted sentence of its own.)
  const stopOutside = (at: number) => finding(at, at + 2, t('引语作句子的一部分时，句号应放在引号外', 'A quotation that is part of the sentence takes its full stop outside'), '”。');
  for (const m of text.matchAll(/(?<=\p{Script=Han})。”(?=\p{Script=Han}|\s|$|“|\d)(?!的)/gu)) {
    const open = text.lastIndexOf('“', m.index);
    if (open < 1 || text.lastIndexOf('”', m.index) > open || /[：:]/.test(text.slice(open, m.index))) continue;
    if (text[open - 1] === '，') {
      const clause = text.slice(Math.max(0, open - 3), open - 1);
      const saying = SAYING_BEFORE_QUOTE.exec(clause)?.[0] ?? SAYING_BEFORE_SENTENCE.exec(clause)?.[0];
      // (Nor a quotation of sentences: 。 inside it.)
      if (open < 3 || !HAN.test(text[open - 2]) || text[m.index + 2] === '“' || /[。！？]/.test(text.slice(open, m.index))) continue;
      // (正如…所指出的，“…。”: what was said, quoted whole, is written both ways; so is a quotation the
      // sources end with its full stop inside.)
      if (!saying && (/所\p{Script=Han}{1,3}的$/u.test(text.slice(Math.max(0, open - 6), open - 1)) || (index && index.frequency(text.slice(open + 1, m.index) + '。”') > 0))) continue;
      // After a verb of saying and a comma, the quoted sentence with its full stop inside is one
      // quoted whole, which a colon introduces (指出，“…。” → 指出：“…。”); official texts write the
      // quotation either so or run into the sentence (指出，“…”。 17 times to once).
      if (saying) out.push(finding(open - 1, open, t(`「${saying}」后引用完整的话，应用冒号`, `A whole sentence quoted after 「${saying}」 takes a colon`), '：'));
      else out.push(stopOutside(m.index));
      continue;
    }
    if (!HAN.test(text[open - 1])) continue;
    // After a preposition the quotation is its object, inside the sentence that goes on (把“…城市。”列为):
    // no full stop at all.
    if (COVERB_BEFORE_QUOTE.test(text[open - 1]) && tokenize(text.slice(Math.max(0, open - 4), open)).pop()?.text.length === 1 && HAN.test(text[m.index + 2] ?? '')) {
      out.push(finding(m.index, m.index + 1, t('引语作句子成分时，引号内句末不用句号', 'A quotation that is part of the sentence takes no full stop inside'), ''));
      continue;
    }
    const before = text.slice(Math.max(0, open - 2), open);
    // A quotation of the sources' is written as they write it: with a colon before it or run into the
    // sentence (宣布“全方位开展…社会民意基础”…).
    const sourceForm = quotedFormInSources(text.slice(open + 1, m.index), index);
    const verb = sourceForm === 'run-in' ? undefined : SAYING_BEFORE_QUOTE.exec(before)?.[0] ?? (/[，；]/.test(text.slice(open, m.index)) || sourceForm === 'colon' ? SAYING_BEFORE_SENTENCE.exec(before)?.[0] : undefined);
    if (verb) out.push(finding(open - verb.length, open, t(`「${verb}」后引用完整的话，应加冒号`, `A whole sentence quoted after 「${verb}」 takes a colon`), verb + '：'));
    else if (text[m.index + 2] !== '“') out.push(stopOutside(m.index));
  }
  // The reverse: a quoted sentence of clauses after a verb of saying and a colon (指出：“…，…”。) keeps
  // its full stop inside (GB/T 15834 4.1.3.1; official texts write it so sixteen times out of seventeen).
  for (const m of text.matchAll(/(?<=\p{Script=Han})”。/gu)) {
    const open = text.lastIndexOf('“', m.index);
    if (open < 3 || text[open - 1] !== '：' || text.lastIndexOf('”', m.index - 1) > open || !/[，；]/.test(text.slice(open, m.index))) continue;
    const before = text.slice(Math.max(0, open - 3), open - 1);
    if (!SAYING_BEFORE_QUOTE.test(before) && !SAYING_BEFORE_SENTENCE.test(before)) continue;
    // (Not a quotation the sources close so themselves, without a full stop of its own: the draft's is outside.)
    if (sourcesCloseSo(text, open, m.index, index)) continue;
    out.push(finding(m.index, m.index + 2, t('引用的完整句子，句号应放在引号内', 'A whole sentence quoted keeps its full stop inside the quotation marks'), '。”'));
  }
  // A quotation that makes the whole sentence, opening it and closing it (。“…目标。…推陈出新”。), is a
  // sentence of its own: its full stop goes inside (GB/T 15834 4.1.3.1; official texts, 47 to none).
  for (const m of text.matchAll(/(?<=\p{Script=Han})”。/gu)) {
    const open = text.lastIndexOf('“', m.index);
    if (open < 0 || text.lastIndexOf('”', m.index - 1) > open || m.index - open <= MIN_QUOTED_SENTENCE) continue;
    const before = text.slice(0, open).trimEnd();
    if (before !== '' && !/[。！？]$/.test(before)) continue;
    // (Not a heading that quotes a term, “一带一路”。, nor a quotation of a source that ends so.)
    if (!/[，；。]/.test(text.slice(open, m.index)) || sourcesCloseSo(text, open, m.index, index)) continue;
    out.push(finding(m.index, m.index + 2, t('独立成句的引语，句号应放在引号内', 'A quotation that is a sentence of its own keeps its full stop inside'), '。”'));
  }
  for (const m of text.matchAll(/(?<=…)。/g)) {
    out.push(finding(m.index, m.index + 1, t('省略号后不用句号', 'No full stop after an ellipsis'), ''));
  }
  // 、 between two predicates of the copula (…是人口规模巨大的现代化、是全体人民共同富裕的现代化):
  // clauses, which a comma parts (GB/T 15834 4.5.3.1: 、 parts words and phrases).
  for (const m of text.matchAll(/(?<=\p{Script=Han})、(?=是\p{Script=Han})/gu)) {
    const clause = text.slice(0, m.index).split(PAUSE_OR_CLAUSE_MARK).pop() ?? '';
    // Both 是 the copula, a word of its own (not 是否, 是非, 于是), the first after some words of
    // its clause's subject, and the items long enough to be clauses (还是、是 is none).
    const copulaAt = (s: string, k: number) => s[k] === '是' && longestWordAt(s, k) === 1 && (k === 0 || !isDictWord(s.slice(k - 1, k + 1)));
    let first = 1;
    while (first < clause.length && !copulaAt(clause, first)) first++;
    if (clause.length - first < MIN_PREDICATE || !copulaAt(text, m.index + 1)) continue;
    const next = text.slice(m.index + 1).split(PAUSE_OR_CLAUSE_MARK)[0];
    if (next.length < MIN_PREDICATE) continue;
    out.push(finding(m.index, m.index + 1, t('「是……」并列的是分句，分句间用逗号', 'Predicates of 是 in parallel are clauses: a comma between them'), '，'));
  }
}
/**
 * Verbs of saying that introduce a whole quoted sentence with a colon (指出：“…。”). 强调 and 提出 are
 * left out: official texts mostly run their quotation into the sentence (强调“…”。, 提出“…”。), but
 * see SAYING_BEFORE_SENTENCE.
 */
const SAYING_BEFORE_QUOTE = /(?:指出|表示|说|认为|写道|宣布|宣示|坦言|直言|介绍|表明|重申|寄语|呼吁)$/;
/** Prepositions whose object a quotation may be (把“…”列为, 以“…”为指引). */
const COVERB_BEFORE_QUOTE = /^[把将以对从与同跟被让由向]$/;
/** 强调 and 提出 introduce a quoted sentence of clauses with a colon as the others do (强调：“…，…。”), and so does a saying named before the colon (引用谚语：“…，…。”). */
const SAYING_BEFORE_SENTENCE = /(?:强调|提出|谚语|俗语|古语|古话|名言|格言|诗句|箴言)$/;
/** Characters at a quotation's start that find it in the sources (see quotedFormInSources). */
const QUOTED_START = 8;

/**
 * How the sources write a quotation that starts as `body` does: after a colon, run into their
 * sentence, or neither (not theirs, one of a list of quotations, or both ways).
 */
function quotedFormInSources(body: string, index: CorpusIndex | undefined): 'colon' | 'run-in' | undefined {
  if (!index || index.isEmpty || body.length < QUOTED_START) return undefined;
  const forms = new Set<string>();
  for (const at of index.suffixArray.positions('“' + body.slice(0, QUOTED_START), MAX_QUOTED_PLACES)) {
    const before = index.joined[at - 1] ?? '';
    // (After another quotation, “…”“…”, a list of them: neither.)
    forms.add(before === '：' ? 'colon' : HAN.test(before) ? 'run-in' : 'other');
  }
  return forms.size === 1 && !forms.has('other') ? ([...forms][0] as 'colon' | 'run-in') : undefined;
}
const MAX_QUOTED_PLACES = 20;

/**
 * Whether the sources end a quotation with the words that end the draft's (text[open] is its “, text[close]
 * its ”) and close it there with no full stop of their own: the quotation is part of a sentence of
 * theirs, whatever word the draft changed earlier in it (…推动文化和旅游协调发展，…陶冶心灵之美”).
 */
function sourcesCloseSo(text: string, open: number, close: number, index: CorpusIndex | undefined): boolean {
  return !!index && index.frequency(text.slice(Math.max(open + 1, close - QUOTE_TAIL), close) + '”') > 0;
}
/** Characters at the end of a quotation that find the sources' place for it. */
const QUOTE_TAIL = 8;
/** Characters a quotation holds before it may be a sentence of its own (see the whole-sentence quotation). */
const MIN_QUOTED_SENTENCE = 8;
/** Characters from 是 that make a predicate a clause (是人口规模巨大的现代化), not a short phrase. */
const MIN_PREDICATE = 5;
const PAUSE_OR_CLAUSE_MARK = /[，。；：！？,;:!?、]/;

/** A comma at `at` typed for the 、 of a list. */
function listComma(at: number): RuleFinding {
  return finding(at, at + 1, t('并列词语之间应用顿号「、」，不用逗号', 'Items of a list are parted by 「、」, not a comma'), '、');
}

/**
 * A comma typed for the 、 after the first item of a list (推进数字化，网络化、智能化新型…): the object
 * of a verb or preposition, and two items or more parted by 、 after the comma, all of the same length
 * and last character. A clause of its own before the comma (近年来，现代化、信息化; 加强保护，…) is no
 * item: it is no noun after a verb or preposition.
 */
function commaInList(text: string, out: RuleFinding[]): void {
  for (let c = text.indexOf('，'); c >= 0; c = text.indexOf('，', c + 1)) {
    for (const size of [2, 3]) {
      const first = text.slice(c - size, c);
      if (c - size < 1 || !HAN_RUN.test(first) || !HAN.test(text[c - size - 1])) continue;
      const items = [first];
      let j = c + 1;
      for (;;) {
        const item = text.slice(j, j + size);
        if (!HAN_RUN.test(item) || item.length !== size) break;
        items.push(item);
        if (text[j + size] !== '、') break;
        j += size + 1;
      }
      // (The items share their last character, which marks them as one list: a list closed by 等 alone
      // may as well begin a clause of its own, 点亮夜色，青花、玲珑等传统陶瓷.)
      if (items.length < 3 || !items.every((x) => x[size - 1] === first[size - 1])) continue;
      const words = tokenize(text.slice(Math.max(0, c - size - 6), c));
      const offset = Math.max(0, c - size - 6);
      const before = words.find((w) => w.end + offset === c - size);
      const governs = before && /^(v|vn|p)$/.test(dictEntry(before.text)?.pos ?? '');
      const nounFirst = !/^(v|vd|vn|a|ad|d|t|r)$/.test(dictEntry(first)?.pos ?? 'n') && words.some((w) => w.start + offset === c - size);
      if (!governs || !nounFirst) continue;
      out.push(listComma(c));
      break;
    }
  }
}

/** Short items parted by commas (or commas and 、) and closed by 等, after the words the list begins in (围绕非遗，文物，文创，美食等领域). */
// (From the first comma on, the words before it being Chinese; its repetition bounded, so that a long
// run of characters or of short items costs no backtracking.)
/** Items of a framed list: as long as this at least (全球发展倡议、全球安全倡议，全球文明倡议). */
const MIN_FRAMED_ITEM = 3;
const MAX_FRAMED_ITEM = 10;

/**
 * A comma among the 、 of a list whose items share their frame — the same length, first and last
 * characters, all different (全球发展倡议、全球安全倡议，全球文明倡议; 第二款、第三款，第四款): one list,
 * one mark. Items so alike are seldom anything else (twice in 6 M characters of official text, once
 * a slip); verb phrases sharing an end only (依靠群众、引领群众，深入群众) may be clauses. Figures of
 * one unit are framed alike (3000亿，4000亿、5000亿).
 */
function framedListComma(text: string, out: RuleFinding[]): void {
  for (const m of text.matchAll(/[，、](\p{Script=Han}{3,10})(?=[，、])/gu)) {
    const middle = m[1];
    const n = middle.length;
    const first = m.index;
    const second = first + 1 + n;
    if (text[first] === text[second]) continue;
    const before = text.slice(first - n, first);
    const after = text.slice(second + 1, second + 1 + n);
    const framed = (item: string) => item.length === n && HAN_RUN.test(item) && item[0] === middle[0] && item[n - 1] === middle[n - 1];
    if (n < MIN_FRAMED_ITEM || n > MAX_FRAMED_ITEM || first < n || !framed(before) || !framed(after) || new Set([before, middle, after]).size < 3) continue;
    const comma = text[first] === '，' ? first : second;
    out.push(listComma(comma));
  }
  // Figures of one unit, the same way (突破3000亿，4000亿、5000亿美元).
  for (const m of text.matchAll(FIGURE_IN_LIST)) {
    const first = m.index;
    const second = first + m[0].length;
    if (text[first] === text[second]) continue;
    const unit = m[1].slice(-1);
    const before = FIGURE_BEFORE.exec(text.slice(Math.max(0, first - MAX_FIGURE), first))?.[0];
    const after = FIGURE_AFTER.exec(text.slice(second + 1, second + 1 + MAX_FIGURE))?.[0];
    if (!before || !after || before.slice(-1) !== unit || after.slice(-1) !== unit || new Set([before, m[1], after]).size < 3) continue;
    // (The figure before is whole: no digit or point runs on before it.)
    if (/[0-9０-９.．]/.test(text[first - before.length - 1] ?? '')) continue;
    out.push(listComma(text[first] === '，' ? first : second));
  }
}
/** A figure with its unit (3000亿, 12.5%) between two marks, each a comma or a 、. */
const FIGURE_IN_LIST = /[，、]([0-9０-９]+(?:[.．][0-9０-９]+)?[\p{Script=Han}%％])(?=[，、])/gu;
const FIGURE_BEFORE = /[0-9０-９]+(?:[.．][0-9０-９]+)?[\p{Script=Han}%％]$/u;
const FIGURE_AFTER = /^[0-9０-９]+(?:[.．][0-9０-９]+)?[\p{Script=Han}%％]/u;
/** Longest figure with its unit looked at around a list's comma. */
const MAX_FIGURE = 16;

const COMMA_LIST_BEFORE_DENG = /(?<=\p{Script=Han})(?:[，、]\p{Script=Han}{1,6}){1,12}(?=等)/gu;
/** Longest item of a list parted by commas alone; where a 、 parts some, items as long as MAX_MIXED_ITEM (雪地足球赛，青年交流营等). */
const MAX_COMMA_ITEM = 4;
const MAX_MIXED_ITEM = 6;
/** Fewest whole items, after the first, that make commas before 等 a list's (two where a 、 parts some of them). */
const MIN_COMMA_LIST_ITEMS = 3;
const MIN_MIXED_LIST_ITEMS = 2;

/**
 * Commas typed for the 、 of a list of short items closed by 等 (围绕非遗，文物，文创，美食等领域 →
 * 非遗、文物、文创、美食): clauses of four characters or fewer do not end in 等. The list begins in the
 * words before its first comma (围绕|非遗), and after the last piece that begins with a verb, a
 * preposition or an adverb (…内涵，围绕非遗，: the clause before is none of its items). Two items
 * after the first may be a clause and a list (转让财产损失，坏账损失，自然灾害等).
 */
function commasBeforeDeng(text: string, out: RuleFinding[]): void {
  for (const m of text.matchAll(COMMA_LIST_BEFORE_DENG)) {
    // (pieces[0] is empty: the words before the first mark, where the list begins, stay outside the match.)
    const pieces = m[0].split(/[，、]/);
    // Items all of one length, the words before the first mark too, are one list whatever verbs they
    // begin with (文化展示、特色商业，休闲体验等; 养老、托育、就医，购物等) — not a preposition: 劣者汰，对巡视等.
    const size = pieces[1].length;
    const oneLength = size >= 2 && size <= MAX_COMMA_ITEM && pieces.length - 1 >= MIN_COMMA_LIST_ITEMS - 1 && pieces.slice(1).every((x) => x.length === size) && HAN_RUN.test(text.slice(Math.max(0, m.index - size), m.index)) && m.index >= size;
    // (Not where 等 begins a word: 确定风险等级.)
    if (longestWordAt(text, m.index + m[0].length) > 1) continue;
    let first = 0;
    for (let k = 1; k < pieces.length; k++) {
      const words = tokenize(pieces[k]);
      if (words.length > 1 && (oneLength ? /^(p|c|d)/ : /^(v|p|c|d)/).test(dictEntry(words[0].text)?.pos ?? '')) first = k;
    }
    // The marks before the items from `first` on. A 、 among them makes a list of fewer items — for
    // the commas after it (燃气、桥梁，供水排水等); one before a 、 may end a clause of its own
    // (点亮夜色，青花、玲珑等传统陶瓷).
    const marks: number[] = [];
    for (let k = 0, at = m.index; k < pieces.length - 1; k++) {
      at += pieces[k].length;
      if (k >= first) marks.push(at);
      at += 1;
    }
    const firstPause = marks.findIndex((at) => text[at] === '、');
    const items = pieces.length - 1 - first;
    if (firstPause < 0) {
      if (items >= MIN_COMMA_LIST_ITEMS && pieces.slice(first + 1).every((x) => x.length <= MAX_COMMA_ITEM)) for (const at of marks) out.push(listComma(at));
      continue;
    }
    // With a 、 before it, only a comma before the last item, whose items on both sides are things (燃气、
    // 桥梁，供水排水等重点领域): a comma before more items parted by 、 begins another list (干旱、洪涝
    // 灾害，台风、风雹…等), and one between actions ends a clause (及时生产、配送，医疗机构等采购方).
    const last = marks[marks.length - 1];
    const lastItem = pieces[pieces.length - 1];
    if (text[last] !== '，' || items < MIN_MIXED_LIST_ITEMS || marks.slice(firstPause, -1).some((at) => text[at] === '，')) continue;
    if (lastItem.startsWith('等') || isDictWord(lastItem.slice(-1) + '等')) continue;
    // (The last item a thing by its first word or its last, the head: 供水|排水, 休闲|体验; or items all of one length.)
    const thing = (word: string | undefined) => !!word && !/^(v|a|d|p|c|r)/.test(dictEntry(word)?.pos ?? 'n');
    const before = tokenize(pieces[pieces.length - 2]).pop()?.text;
    const lastWords = tokenize(lastItem);
    if (!oneLength && (!thing(before) || !(thing(lastWords[0]?.text) || thing(lastWords[lastWords.length - 1]?.text)))) continue;
    out.push(listComma(last));
  }
}

/**
 * A comma typed for the 、 of a list the sources write (团结互信，安危共担、互利共赢 → 团结互信、安危共担、…):
 * the two characters before the comma, the item after it, a 、 and the next item are their wording
 * with a 、, and they never write it with the comma.
 */
function sourceListComma(text: string, out: RuleFinding[], index: CorpusIndex): void {
  for (let c = text.indexOf('，'); c >= 0; c = text.indexOf('，', c + 1)) {
    // …or its last item (安全、经济，人文合作 → 安全、经济、人文 as the sources write the list).
    const pauseBefore = text.lastIndexOf('、', c - 1);
    // (Items of a word or two: longer ones are groups a comma may part, 有关部门、有关人民团体，中央….)
    if (pauseBefore >= 2 && c - pauseBefore - 1 >= 2 && c - pauseBefore - 1 <= MAX_LAST_ITEM && HAN_RUN.test(text.slice(pauseBefore + 1, c)) && HAN_RUN.test(text.slice(pauseBefore - 2, pauseBefore))) {
      const head = text.slice(pauseBefore - 2, c);
      const next = text.slice(c + 1, c + 3);
      if (HAN_RUN.test(next) && next.length === 2 && index.frequency(head + '、' + next) > 0 && index.frequency(head + '，' + next) === 0) {
        out.push(listComma(c));
        continue;
      }
    }
    const pause = text.indexOf('、', c + 1);
    if (pause < 0 || pause - c - 1 < 2 || pause - c - 1 > MAX_LIST_ITEM || !HAN_RUN.test(text.slice(c - 2, c)) || !HAN_RUN.test(text.slice(c + 1, pause))) continue;
    // (The next item's first two characters: what follows it is the draft's, 人文|等领域.)
    const next = text.slice(pause + 1, pause + 3);
    if (!HAN_RUN.test(next) || next.length < 2) continue;
    const tail = text.slice(c + 1, pause + 1) + next;
    if (index.frequency(text.slice(c - 2, c) + '、' + tail) > 0 && index.frequency(text.slice(c - 2, c + 1) + tail) === 0) {
      out.push(listComma(c));
    }
  }
}

/** Longest item before a comma that ends a list the sources write with 、 (see sourceListComma). */
const MAX_LAST_ITEM = 4;

/**
 * A title the sources give in book-title marks and never quote, quoted (党的二十届三中全会“决定”提出 →
 * 《决定》): their marks.
 */
/** Characters after a closing 》 looked at for the rest of a title of the sources (see earlyTitleEnds). */
const MAX_TITLE_TAIL = 10;

/**
 * A 》 typed before the end of a title of the sources (《中共中央国务院关于推动城市高质量发展》的意见 →
 * …发展的意见》): the title closes where they close it.
 */
function earlyTitleEnds(text: string, out: RuleFinding[], index: CorpusIndex): void {
  for (const m of text.matchAll(/《([^《》\n]{2,80})》(\p{Script=Han}{1,10})/gu)) {
    if (index.frequency(`《${m[1]}》`) > 0) continue;
    const tail = m[2];
    for (let n = Math.min(tail.length, MAX_TITLE_TAIL); n >= 1; n--) {
      if (index.frequency(`《${m[1]}${tail.slice(0, n)}》`) === 0) continue;
      const close = m.index + 1 + m[1].length;
      out.push(finding(close, close + 1 + n, t('书名号「》」位置有误，应在书名末尾，如来源所写', 'The 「》」 closes the title too early: the sources close it after'), tail.slice(0, n) + '》'));
      break;
    }
  }
}

function quotedTitles(text: string, out: RuleFinding[], index: CorpusIndex): void {
  for (const m of text.matchAll(/“(\p{Script=Han}{2,20})”/gu)) {
    const info = index.term(m[1]);
    if (!info?.kinds.has('title') || info.kinds.has('quoted') || index.frequency(m[0]) > 0 || index.frequency(`《${m[1]}》`) === 0) continue;
    out.push(finding(m.index, m.index + m[0].length, t('文件名应用书名号「《》」，如来源所写', 'The sources give this title in book-title marks 「《》」'), `《${m[1]}》`));
  }
  // The reverse: a name the sources quote and never title, in book-title marks (《光盘行动》 → “光盘行动”).
  // (Four to eight characters: a short form of a title, 《规则》, 《意见》, may be quoted elsewhere, and a
  // longer name may be an article's title that the sources quote as a phrase: 《着力建设安全可靠的韧性城市》.)
  for (const m of text.matchAll(/《(\p{Script=Han}{4,8})》/gu)) {
    const info = index.term(m[1]);
    if (!info?.kinds.has('quoted') || info.kinds.has('title') || index.frequency(m[0]) > 0 || index.frequency(`“${m[1]}”`) === 0) continue;
    out.push(finding(m.index, m.index + m[0].length, t('这不是书名，应用引号「“”」，如来源所写', 'No title: the sources quote this name with 「“”」'), `“${m[1]}”`));
  }
}

/**
 * Hyphens between the steps of a chain the sources write with dashes (“监测-研判-预警-处置” →
 * 监测—研判—预警—处置): their mark, as they write the chain. The last step keeps two characters.
 */
function sourceDashes(text: string, out: RuleFinding[], index: CorpusIndex): void {
  // (Three steps or more: two names joined by a hyphen, 中国-东盟, are written both ways.)
  // (Hyphens among dashes too: 监测-研判—预警—处置.)
  for (const m of text.matchAll(/\p{Script=Han}{1,8}(?:[-－—]\p{Script=Han}{1,8}){2,}/gu)) {
    if (!/[-－]/.test(m[0])) continue;
    // (The first step may follow words of the draft's own and the last run on into them: 建立|监测-…-处置|闭环.)
    const firstStep = m[0].search(/[-－]/);
    const lastStep = Math.max(m[0].lastIndexOf('-'), m[0].lastIndexOf('－'));
    found: for (let cut = 0; firstStep - cut >= 1; cut++) {
      for (let end = m[0].length; end > lastStep + 2; end--) {
        const chain = m[0].slice(cut, end);
        for (const dash of ['—', '——']) {
          const theirs = chain.replace(/[-－]/g, dash);
          if (index.frequency(theirs) === 0 || index.frequency(chain) > 0) continue;
          out.push(finding(m.index + cut, m.index + end, t(`连接号应为「${dash}」，如来源所写`, `The sources join these with 「${dash}」`), theirs));
          break found;
        }
      }
    }
  }
}

/** Longest list item looked at after a comma or a 、 (characters). */
const MAX_LIST_ITEM = 6;

/** Length of the longest dictionary word at text[at] (1 when there is none). */
function longestWordAt(text: string, at: number): number {
  for (let n = Math.min(4, text.length - at); n > 1; n--) if (isDictWord(text.slice(at, at + n))) return n;
  return 1;
}

/** Inside a web or mail address (https://例子.中国/a, 名字@例子.中国): its marks are its own. */
function inAddress(text: string, i: number): boolean {
  let start = i;
  while (start > 0 && i - start < 200 && !/[\s，。；：！？、“”（）《》]/.test(text[start - 1])) start--;
  return /:\/\/|^www\.|@/.test(text.slice(start, i));
}

/**
 * A semicolon ending a paragraph that is no item of a list (…为的是共同繁荣；⏎学习领会…): the
 * sentence ends there, with a full stop. Items of a list over paragraphs may end with one: numbered
 * ones ((一)…；, 1.…；, “（二）…；”, ——…；) and unnumbered ones after a paragraph ending with a
 * colon or semicolon (情形：⏎政府…；⏎政府…；), which `inList` tells (unknown: left alone).
 */
function finalSemicolon(text: string, out: RuleFinding[], inList: boolean | undefined): void {
  if (inList !== false || LIST_ITEM_START.test(text)) return;
  const end = trimEndWhere(text, TRAILING_CLOSER).length;
  const ch = text[end - 1];
  if ((ch === '；' || ch === ';') && isHan(charBefore(text, end - 1))) {
    out.push(finding(end - 1, end, t('段末不是列举项，句末应用句号「。」', 'The paragraph is no item of a list: its sentence ends with 「。」'), '。'));
  }
}
/**
 * A comma ending a paragraph of prose that a blank line or the end of the draft closes (…更舒心、更美好，⏎⏎):
 * the sentence ends there, with a full stop. Where a line follows directly it may be a hand-wrapped
 * line of the same sentence, which `endsBlock` leaves alone (undefined or false).
 */
function finalComma(text: string, out: RuleFinding[], endsBlock: boolean | undefined): void {
  if (!endsBlock) return;
  const end = text.trimEnd().length;
  const ch = text[end - 1];
  if (ch === '，' && isHan(charBefore(text, end - 1)) && countHan(text) >= MIN_PROSE_PARAGRAPH) {
    out.push(finding(end - 1, end, t('段末用了逗号，句末应用句号「。」', 'The paragraph ends with a comma: its sentence ends with 「。」'), '。'));
  }
}
/** Chinese characters a paragraph holds at least to be read as prose, not a label or greeting (同志们，). */
const MIN_PROSE_PARAGRAPH = 8;

function countHan(text: string): number {
  let n = 0;
  for (const ch of text) if (isHan(ch)) n++;
  return n;
}

/**
 * A question mark closing a sentence that asks nothing (…具有重要作用？习近平总书记强调…): no
 * question word, particle or A不A form anywhere in it — a statement, which ends with 。. (In 6.3 M
 * characters of official documents and news, one sentence of 38 ending with ？ held none of these, and
 * it asked 能有多快.)
 */
function questionMarkOnStatement(text: string, out: RuleFinding[]): void {
  for (let i = text.indexOf('？'); i >= 0; i = text.indexOf('？', i + 1)) {
    if (!isHan(charBefore(text, i)) || text[i + 1] === '？' || text[i - 1] === '？') continue;
    // The sentence: from the last end mark before it (a question may hold commas and quotations).
    let from = i;
    while (from > 0 && i - from < MAX_QUESTION && !/[。！？；!?;\n]/.test(text[from - 1])) from--;
    const sentence = text.slice(from, i);
    if (i - from >= MAX_QUESTION || countHan(sentence) < MIN_STATEMENT || ASKS.test(sentence)) continue;
    out.push(finding(i, i + 1, t('句中没有疑问的意思，句末应用句号「。」', 'The sentence asks nothing: it ends with 「。」'), '。'));
  }
}
/**
 * What makes a sentence a question: question words and particles, A不A and A没A (重要不重要 too), "A or B", a rhetorical
 * 不是, a closing 没有; one put to 你 or 您 may ask by its tone alone.
 */
const ASKS = /吗|嘛|呢|吧|乎|哉|欤|耶|么|什么|怎|如何|为何|何|哪|谁|几|多少|多[大快远高长久深广重难好]|是否|与否|难道|岂|可否|能否|不[正就也都]?是|究竟|到底|还是|啥|咋|[不没]有?$|你|您|妳|咱|(\p{Script=Han})[不没]\1|(\p{Script=Han}{2})[不没]\2/u;
/** A sentence shorter than this may be a heading's or a rhetorical fragment's (真的？). */
const MIN_STATEMENT = 8;
/** Characters looked back for the sentence's start (a paragraph may be one sentence of thousands). */
const MAX_QUESTION = 300;

/** The start of a numbered list item, or of one quoted or set off by a dash. */
const LIST_ITEM_START = /^[\s　]*(?:[“‘]|——|[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百\d]+[、.．]|[①-⑳]|第[一二三四五六七八九十百零〇\d]+[条款项章节]|[a-zA-Z][.)）])/;

function halfWidth(text: string, out: RuleFinding[], index?: CorpusIndex): void {
  for (const m of text.matchAll(HALF_WIDTH)) {
    const i = m.index;
    const ch = m[0];
    const before = charBefore(text, i);
    // After a number or per cent and before Chinese text, a comma, semicolon or colon of the
    // sentence (增长18.5%;举办…) is the Chinese one too.
    // (…a number inside Chinese text: not wz122, or a headline's 2018,)
    const numberRun = /[0-9.%％]+$/.exec(text.slice(Math.max(0, i - 20), i))?.[0].length ?? 0;
    const afterNumber = /[0-9%％]/.test(before) && /[,;:]/.test(ch) && isHan(charAt(text, i + 1)) && isHan(charBefore(text, i - numberRun));
    // A full stop after a number or per cent that ends a Chinese sentence (比重超过30%.) is 。 too;
    // a point between digits is a decimal point.
    const stopAfterNumber = ch === '.' && /[0-9%％]/.test(before) && !/[0-9.]/.test(charAt(text, i + 1)) && (charAt(text, i + 1) === '' || /[\s”’）》]/.test(charAt(text, i + 1)) || isHan(charAt(text, i + 1))) && isHan(charBefore(text, i - numberRun));
    if ((!chineseBefore(before) && !afterNumber && !stopAfterNumber) || inAddress(text, i)) continue;
    if (ch === '.' || ch === '．') {
      if (ch === '.' && text[i + 1] === '.') {
        // "..." after Chinese: an ellipsis (the dots after the first follow a dot, not Chinese, and are skipped).
        let j = i;
        while (text[j] === '.') j++;
        if (j - i >= 3) out.push(finding(i, j, t('省略号应为「……」', 'The ellipsis should be 「……」'), '……'));
        continue;
      }
      const after = charAt(text, i + 1);
      if (after !== '' && !chineseAfter(after)) continue;
      // 一.总体要求: a list number, which takes 、
      if (NUMERALS.test(text.slice(0, i))) {
        out.push(finding(i, i + 1, t('序号后应用顿号「、」', 'A list number takes 「、」'), '、'));
        continue;
      }
      // (The full-width full stop ． is a mark of scientific writing, not of Chinese sentences.)
      out.push(finding(i, i + 1, ch === '．' ? t('中文句末应用句号「。」，不用「．」', 'A Chinese sentence ends with 「。」, not 「．」') : t('中文句末应用全角句号「。」', 'A Chinese sentence ends with 「。」'), '。'));
      continue;
    }
    const after = charAt(text, i + 1);
    // At the end of a line the mark ends Chinese text too (各位朋友:⏎).
    const endOk = after === '' || after === '\n' || after === '\r';
    if (!endOk && !chineseAfter(after) && !(/\d/.test(after) && ch !== '?' && ch !== '!')) continue;
    const full = FULL_WIDTH[ch];
    // A comma where the sources write the same words on both sides parted by 、 (26国参与,在50多个领域
    // → 、), and never by ，: their pause.
    const pre = text.slice(Math.max(0, i - 2), i);
    const post = text.slice(i + 1, i + 3);
    if (ch === ',' && index && pre.length === 2 && HAN_RUN.test(pre) && post.length === 2 && index.frequency(`${pre}、${post}`) > 0 && index.frequency(`${pre}，${post}`) === 0) {
      out.push(finding(i, i + 1, t('中文中应使用全角标点：来源此处用顿号「、」', 'Use a full-width mark in Chinese text: the sources have 「、」 here'), '、'));
      continue;
    }
    out.push(finding(i, i + 1, t(`中文中应使用全角「${full}」`, `Use the full-width 「${full}」 in Chinese text`), full));
  }
}

/**
 * Spaces typed before a Chinese mark (产品 。, 配合 ，) or after one inside a sentence (合作， 推动):
 * a full-width mark carries its own space (GB/T 15834), so these show as gaps. Between sentences
 * (。 下一句), at a line's start (indentation) and after a colon (a form's blank: 填表单位：　　)
 * spaces are left alone.
 */
const SPACE_BEFORE_MARK = /(?<=[\p{Script=Han}”’》）])[ \u3000]+(?=[，。、；：！？])/gu;
const SPACE_AFTER_MARK = /(?<=[，、；]) +(?=[\p{Script=Han}“‘《（])/gu;

/** Characters looked back for a dateline or an article's number before a space (第一百二十三条). */
const MAX_HEAD = 12;
/** Characters looked back for an open quotation, title or bracket around a space. */
const MAX_SPAN_LOOKBACK = 500;
const SPACE_BETWEEN_HAN = /(?<=\p{Script=Han}) +(?=\p{Script=Han})/gu;
/** Where a space between characters is the layout's: a dateline (新华社北京9月20日电 ), an article's number (第一条 ). */
const SPACED_HEAD = /(?:电|第[一二三四五六七八九十百千零〇\d]+[编章节条款])$/u;
/** Marks that open a span inside which spaces may separate names and slogans (《中共中央 国务院关于…》, “锚定现代化 改革再深化”). */
const SPAN_MARKS: Array<[string, string]> = [['《', '》'], ['（', '）'], ['“', '”'], ['‘', '’'], ['(', ')']];

/**
 * A half-width space between two characters inside a sentence that ends (用好市民服务 热线，…。):
 * Chinese running text has none. Titles without a sentence end, datelines, article numbers, names
 * and slogans in brackets, quotation marks or title marks, and letter-spaced headings (重 点 任 务)
 * keep theirs.
 */
function spaceBetweenCharacters(text: string, out: RuleFinding[]): void {
  // Every look is bounded or moves forward only: a long paragraph must not make the check quadratic.
  const sentenceEnd = /[。！？]/g;
  let nextEnd = -1;
  for (const m of text.matchAll(SPACE_BETWEEN_HAN)) {
    const at = m.index;
    const end = at + m[0].length;
    if (nextEnd < end) {
      sentenceEnd.lastIndex = end;
      nextEnd = sentenceEnd.exec(text)?.index ?? Infinity;
    }
    if (nextEnd === Infinity) break;
    const head = text.slice(Math.max(0, at - MAX_HEAD), at).split(/[。！？]/).pop() ?? '';
    if (SPACED_HEAD.test(head)) continue;
    if (/\p{Script=Han} \p{Script=Han}/u.test(text.slice(Math.max(0, at - 4), at - 1) + '|' + text.slice(end + 1, end + 5))) continue;
    // (Within a bounded stretch before it: a long paragraph would make each look quadratic.)
    const before = text.slice(Math.max(0, at - MAX_SPAN_LOOKBACK), at);
    if (SPAN_MARKS.some(([open, close]) => before.lastIndexOf(open) > before.lastIndexOf(close))) continue;
    // (An address on either side keeps its space: 致信 张三@例子.中国 — looked for a bounded way, as
    // inAddress does: /\S*$/ on a long paragraph is quadratic.)
    if (inAddress(text, at) || /[@/]/.test(/^\S{0,200}/.exec(text.slice(end, end + 200))?.[0] ?? '')) continue;
    out.push(finding(at, end, t('汉字之间不空格', 'No space between Chinese characters'), ''));
  }
}

function spaceAroundMarks(text: string, out: RuleFinding[]): void {
  spaceBetweenCharacters(text, out);
  for (const m of text.matchAll(SPACE_BEFORE_MARK)) {
    out.push(finding(m.index, m.index + m[0].length, t(`「${text[m.index + m[0].length]}」前不空格`, `No space before 「${text[m.index + m[0].length]}」`), ''));
  }
  for (const m of text.matchAll(SPACE_AFTER_MARK)) {
    out.push(finding(m.index, m.index + m[0].length, t(`「${text[m.index - 1]}」后不空格`, `No space after 「${text[m.index - 1]}」`), ''));
  }
}

function doubled(text: string, out: RuleFinding[]): void {
  for (const m of text.matchAll(DOUBLED)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[1] === '。' && m[0].length >= 3) {
      out.push(finding(start, end, t('省略号应为「……」', 'The ellipsis should be 「……」'), '……'));
      continue;
    }
    // (Marked whole and fixed to one mark, as repeated words are: which copy is the extra one varies.)
    out.push(finding(start, end, t(`标点「${m[1]}」重复`, `「${m[1]}」 is doubled`), m[1]));
  }
  for (const m of text.matchAll(CLASHING)) {
    out.push(finding(m.index, m.index + 1, t(`「${m[0]}」与句末标点连用，应删去`, `「${m[0]}」 next to the sentence's end mark should go`), ''));
  }
  // A full stop both inside and outside a quotation's closing mark (…韧性城市。”。): one goes — the outer
  // one after a colon, where the quotation is a sentence of its own; else the inner one, the quotation
  // being part of the writer's sentence (就是“…城市”。).
  for (const m of text.matchAll(/[。！？](?=[”’]。)/g)) {
    const open = text.lastIndexOf(text[m.index + 1] === '”' ? '“' : '‘', m.index);
    const outer = open > 0 && /[：:]/.test(text[open - 1]);
    const at = outer ? m.index + 2 : m.index;
    out.push(finding(at, at + 1, t('引号内外都有句末标点，应删去一个', 'The sentence ends both inside and outside the quotation marks: one mark goes'), ''));
  }
  // A quotation run into the sentence as the words before 的 ends with no pause of its own (…要公正不要
  // 霸权，”的时代强音 → 霸权”的).
  for (const m of text.matchAll(/[，、；](?=[”’]的)/g)) {
    out.push(finding(m.index, m.index + 1, t(`引文作定语，引号内不用「${m[0]}」，应删去`, `A quotation used before 的 takes no 「${m[0]}」 inside its marks`), ''));
  }
  // A title ends with no full stop or pause of its own (《天津宣言。》; a question or exclamation may end one).
  for (const m of text.matchAll(/[。，、；：](?=》)/g)) {
    const open = text.lastIndexOf('《', m.index);
    if (open < 0 || m.index - open > MAX_TITLE || text.lastIndexOf('》', m.index) > open || open + 1 === m.index || /\n/.test(text.slice(open, m.index))) continue;
    out.push(finding(m.index, m.index + 1, t(`书名号内的标题不以「${m[0]}」结尾，应删去`, `A title does not end with 「${m[0]}」 inside 《》`), ''));
  }
}

/** Longest title looked back over for the 《 of a mark that ends it (see doubled). */
const MAX_TITLE = 80;

/** Longest text between ASCII quotes reported with its marks as one finding (see asciiQuotes). */
const MAX_QUOTED_TERM = 12;

/** Longest quotation inside a quotation looked at (a slogan or a name). */
const MAX_INNER_QUOTE = 30;

/**
 * Double quotation marks inside a quotation (指出：“…践行“上海精神”而取得成功。”): the inner ones are
 * single (GB/T 15834 4.1.3.4). Only where the marks of the paragraph pair up so, the outer quotation
 * closing in it.
 */
function nestedDoubleQuotes(text: string, out: RuleFinding[]): void {
  let outer = -1;
  let inner = -1;
  for (let i = text.indexOf('“'); i >= 0 && i < text.length; i++) {
    const c = text[i];
    if (c === '“') {
      if (outer < 0) outer = i;
      else if (inner < 0) inner = i;
      else return; // three deep: the marks are in a muddle another check reports
    } else if (c === '”') {
      if (inner >= 0) {
        const closeInner = i;
        const closeOuter = text.indexOf('”', i + 1);
        const reopened = text.indexOf('“', i + 1);
        // The outer quotation must close next, before any other opens.
        if (closeOuter < 0 || (reopened >= 0 && reopened < closeOuter)) return;
        if (closeInner - inner - 1 <= MAX_INNER_QUOTE && closeInner > inner + 1) {
          out.push(finding(inner, closeInner + 1, t('引号里面的引号应用单引号「‘’」', 'A quotation inside a quotation takes single marks 「‘’」'), `‘${text.slice(inner + 1, closeInner)}’`));
        }
        inner = -1;
      } else if (outer >= 0) outer = -1;
    }
  }
}

/**
 * A title between less-than and greater-than signs typed for book-title marks (<意见>提出 →
 * 《意见》提出): Chinese inside, Chinese or a mark outside (not x<5且y>3, nor <https://…>).
 */
function lessGreaterTitles(text: string, out: RuleFinding[]): void {
  for (const m of text.matchAll(/[<＜](\p{Script=Han}[\p{Script=Han}·—、\d]{0,38}\p{Script=Han}|\p{Script=Han})[>＞]/gu)) {
    const before = charBefore(text, m.index);
    const after = charAt(text, m.index + m[0].length);
    if (!(before === '' || chineseBefore(before) || /[\s，。、；：！？]/.test(before)) || !(after === '' || chineseAfter(after) || /[\s，。、；：！？]/.test(after))) continue;
    // (Inside a title they stand for the single marks of a title within it, 《关于印发<方案>的通知》, as
    // official texts often type them.)
    if (text.lastIndexOf('《', m.index) > text.lastIndexOf('》', m.index)) continue;
    out.push(finding(m.index, m.index + m[0].length, t('书名应用书名号「《》」', 'A title takes the book-title marks 「《》」'), `《${m[1]}》`));
  }
  // Doubled signs typed for one mark (<<上海合作组织贸易便利化协定》, 战略>>).
  for (const m of text.matchAll(/[<＜]{2}(?=\p{Script=Han})|(?<=\p{Script=Han})[>＞]{2}/gu)) {
    const mark = m[0][0] === '<' || m[0][0] === '＜' ? '《' : '》';
    out.push(finding(m.index, m.index + 2, t(`书名号应为「${mark}」`, `The book-title mark should be 「${mark}」`), mark));
  }
}

/** ASCII "…" or '…' around Chinese text → “…” ‘…’. Marks pair up in order. */
function asciiQuotes(text: string, out: RuleFinding[]): void {
  for (const [mark, open, close] of [['"', '“', '”'], ["'", '‘', '’']] as const) {
    const at: number[] = [];
    for (let i = text.indexOf(mark); i >= 0; i = text.indexOf(mark, i + 1)) at.push(i);
    if (mark === "'" && at.length % 2) continue; // apostrophes (China's) make single quotes unpairable
    for (let k = 0; k + 1 < at.length; k += 2) {
      const a = at[k], b = at[k + 1];
      // (Beside a Chinese mark of the same side, "…"” or “"…", the marks are typed twice over: the
      // checks of extra marks see to them, not a conversion that would leave one more.)
      if (!HAN.test(text.slice(a + 1, b)) || text[b + 1] === close || text[a - 1] === open) continue;
      // (Chinese quoted inside English, the "上海精神" spirit, keeps the English marks.)
      const lineStart = a === 0 || /[\r\n]/.test(text[a - 1]);
      if (!lineStart && !chineseBefore(charBefore(text, a)) && !chineseAfter(charAt(text, b + 1)) && !/[，。；：！？、,.;:!?]/.test(charAt(text, b + 1))) continue;
      const msg = t(`中文引号应为「${open}${close}」`, `Quotation marks around Chinese text should be 「${open}${close}」`);
      // A quoted term ("上海精神") is one slip with one fix; a quoted passage is marked at its two marks.
      const inner = text.slice(a + 1, b);
      if (inner.length <= MAX_QUOTED_TERM && !/[\p{P}\s]/u.test(inner)) out.push(finding(a, b + 1, msg, open + inner + close));
      else out.push(finding(a, a + 1, msg, open), finding(b, b + 1, msg, close));
    }
  }
}

/** Hyphens typed for a dash (改革开放--这是, －－) → ——; a lone … after Chinese → ……, the
 *  six-dot ellipsis of GB/T 15834. Ranges (2016—2020, 北京—上海) take one dash and are left alone. */
function dashesAndEllipses(text: string, out: RuleFinding[], index?: CorpusIndex): void {
  for (const m of text.matchAll(/(?:--|－－|—-|-—|－—|—－)[-－—]*/g)) {
    const i = m.index;
    // Also opening a paragraph: a subtitle (--论上海合作组织天津峰会).
    const before = text.slice(0, i).trim() === '' ? '' : charBefore(text, i);
    if (!(before === '' || chineseBefore(before)) || !chineseAfter(charAt(text, i + m[0].length))) continue;
    out.push(finding(i, i + m[0].length, t('破折号应为「——」', 'The dash should be 「——」'), '——'));
  }
  // A span of years joined by a hyphen (2021-2025年): GB/T 15834 4.13.3 joins the start and end of a
  // time with the dash 一字线 (2021—2025年); the hyphen joins the parts of one thing (a date 2025-11-27,
  // a model number). Official texts write the dash 223 times to 41 hyphens (most of those in titles
  // copied from web pages) and 36 full-width hyphens (－, which some publishers set for the dash: left
  // alone). Where the user's sources write years so, hyphen first, it is theirs.
  for (const m of text.matchAll(/(?<![\d.\-－–/])((?:19|20)\d\d)[-–]((?:19|20)\d\d)(?=年)/g)) {
    if (Number(m[2]) <= Number(m[1]) || (index && hyphenYearsInSources(index))) continue;
    const at = m.index + m[1].length;
    out.push(finding(at, at + 1, t('标示年份起止用一字线「—」', 'A span of years is joined by the dash 「—」'), '—'));
  }
  // Three dashes or more (财富———独特的): the dash is two.
  for (const m of text.matchAll(/—{3,}/g)) {
    if (!chineseBefore(charBefore(text, m.index)) || !chineseAfter(charAt(text, m.index + m[0].length))) continue;
    out.push(finding(m.index, m.index + m[0].length, t('破折号应为「——」', 'The dash should be 「——」'), '——'));
  }
  for (const m of text.matchAll(/(?<!…)…(?!…)/g)) {
    const i = m.index;
    const after = charAt(text, i + 1);
    if (!chineseBefore(charBefore(text, i)) || !(after === '' || chineseAfter(after) || /[”’》）。！？，；：]/.test(after))) continue;
    out.push(finding(i, i + 1, t('省略号应为「……」', 'The ellipsis should be 「……」'), '……'));
  }
}

const hyphenYearsByIndex = new WeakMap<CorpusIndex, boolean>();

/** Whether the sources join spans of years with a hyphen (2021-2025年) at least as often as with a dash. */
function hyphenYearsInSources(index: CorpusIndex): boolean {
  let theirs = hyphenYearsByIndex.get(index);
  if (theirs === undefined) {
    let hyphen = 0;
    let dash = 0;
    for (const m of index.joined.matchAll(/(?:19|20)\d\d([-－–—])(?:19|20)\d\d年/g)) {
      if (m[1] === '—') dash++;
      else hyphen++;
    }
    theirs = hyphen > 0 && hyphen >= dash;
    hyphenYearsByIndex.set(index, theirs);
  }
  return theirs;
}

/** Overlapping findings (a doubled （( flagged twice): keep the first of each place. */
function dedupe(findings: RuleFinding[]): RuleFinding[] {
  findings.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RuleFinding[] = [];
  for (const f of findings) {
    const last = out[out.length - 1];
    if (last && f.start < last.end) continue;
    out.push(f);
  }
  return out;
}
