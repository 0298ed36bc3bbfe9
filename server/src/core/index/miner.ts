// Mines one source file's vocabulary from its own wording: quoted terms, titles, aliases and
// abbreviations, definitions and quotable statements. Corpus-wide mining (recurring
// formulations, short forms used for long names) lives in formulations.ts; it needs all files.
import { dictEntry, tokenize } from '../lang/segmenter';
import type {
  Article,
  MinedAlias,
  MinedDefinition,
  MinedStatement,
  MinedTerm,
  SourceRef,
  SourceText,
  TermKind,
} from '../types';

export interface FileVocabulary {
  terms: MinedTerm[];
  definitions: MinedDefinition[];
  aliases: MinedAlias[];
  statements: MinedStatement[];
}

/** Sentence punctuation: a quotation holding one of these is a statement, not a term. */
const SENTENCE_PUNCT = /[，。；！？：,;!?]/;
const CJK = /[\u3400-\u9fff\u{20000}-\u{2ffff}]/u;
/** Quoted terms longer than this are treated as statements. */
const MAX_TERM_LENGTH = 16;
/** Verbs that introduce a quotation: the speaker stands before them. */
const SPEECH_VERB = /(?:指出|强调|表示|说|讲|宣布|提出|引用|写道|谈到|认为|要求|阐述|回信|致辞|致信)[，：:]?\s*$/;

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
  /** Nesting depth: 0 for “”, 1 for ‘’ inside. */
  depth: number;
}

/** Finds balanced “…” and ‘…’ pairs in a paragraph (unbalanced marks are ignored). */
export function findQuotes(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const stack: Array<{ mark: string; at: number }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“' || c === '‘') stack.push({ mark: c, at: i });
    else if (c === '”' || c === '’') {
      const want = c === '”' ? '“' : '‘';
      // Close the innermost matching opener; drop unmatched ones above it.
      for (let k = stack.length - 1; k >= 0; k--) {
        if (stack[k].mark === want) {
          out.push({ open: stack[k].at, close: i, depth: k });
          stack.length = k;
          break;
        }
      }
    }
  }
  return out.sort((a, b) => a.open - b.open);
}

/** Finds 《…》 spans (outermost). */
export function findTitles(text: string): Array<{ open: number; close: number }> {
  const out: Array<{ open: number; close: number }> = [];
  let depth = 0;
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '《') {
      if (depth === 0) open = i;
      depth++;
    } else if (text[i] === '》' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ open, close: i });
    }
  }
  return out;
}

export function isTermLike(s: string): boolean {
  return s.length >= 2 && s.length <= MAX_TERM_LENGTH && !SENTENCE_PUNCT.test(s) && CJK.test(s) && !/[\s“”‘’《》]/.test(s);
}

/** True when `short` can be read off `long` by dropping characters (keeps order). */
export function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (let k = 0; k < long.length && i < short.length; k++) if (long[k] === short[i]) i++;
  return i === short.length;
}

/**
 * The full name a parenthesised short form stands for: the longest tail of `before` (up to the
 * previous punctuation) that starts with the short form's first character and contains it as a
 * subsequence; for a title right before, the title.
 */
export function fullFormBefore(before: string, short: string): string | undefined {
  const title = /《([^《》]+)》$/.exec(before);
  if (title) return title[1];
  const clause = before.split(/[，。；：、！？,;:“”‘’（）()\s]/).pop() ?? '';
  for (let i = 0; i < clause.length; i++) {
    if (clause[i] !== short[0]) continue;
    const cand = clause.slice(i);
    if (cand.length <= short.length || !isSubsequence(short, cand)) continue;
    const words = tokenize(clause);
    // A short form that is the name's beginning clips nothing (第三国（地区）, 草原（草原火灾…）) unless
    // it cuts the name's last word (国家减灾委员会（国家减灾委）).
    const cut = i + short.length;
    if (cand.startsWith(short) && !words.some((w) => w.start < cut && cut < w.end && w.end === clause.length)) return undefined;
    // The name starts where the word holding its first character starts (最低生活保障（低保）).
    const word = words.find((w) => w.start <= i && i < w.end);
    const full = word && word.start < i ? clause.slice(word.start) : cand;
    // Abbreviations keep a good part of the name: a far longer tail is a clause, not a name.
    return full.length <= 5 * short.length ? full : undefined;
  }
  return undefined;
}

/** Mines a file. `articles` cover the rebuilt text; refs point into it. */
export function mineFile(source: SourceText, articles: Article[]): FileVocabulary {
  const terms = new Map<string, MinedTerm>();
  const definitions: MinedDefinition[] = [];
  const aliases: MinedAlias[] = [];
  const statements: MinedStatement[] = [];
  const file = source.path;
  const text = source.text;

  const addTerm = (s: string, kind: TermKind, ref: SourceRef) => {
    const key = `${kind}\u0000${s}`;
    let t = terms.get(key);
    if (!t) terms.set(key, (t = { text: s, kind, refs: [] }));
    t.refs.push(ref);
  };

  articles.forEach((article, ai) => {
    for (const para of article.paragraphs) {
      const p = text.slice(para.start, para.end);
      const ref = (start: number, end: number): SourceRef => ({ file, article: ai, start: para.start + start, end: para.start + end });

      for (const q of findQuotes(p)) {
        const inner = p.slice(q.open + 1, q.close);
        if (isTermLike(inner)) {
          addTerm(inner, 'quoted', ref(q.open + 1, q.close));
        } else if (q.depth === 0 && inner.length >= 6 && CJK.test(inner)) {
          statements.push({ text: inner, speaker: speakerBefore(p, q.open), ref: ref(q.open + 1, q.close) });
        }
      }
      for (const ti of findTitles(p)) {
        const inner = p.slice(ti.open + 1, ti.close);
        if (inner.length >= 2 && inner.length <= 80 && CJK.test(inner)) addTerm(inner, 'title', ref(ti.open + 1, ti.close));
      }
      mineAliases(
        p,
        (alias, full, s, e) => aliases.push({ alias, full, ref: ref(s, e) }),
        (name, s, e) => addTerm(name, 'paired', ref(s, e)),
      );
      mineListItems(p, (item, s, e) => addTerm(item, 'listed', ref(s, e)));
      mineDefinitions(p, (term, definition, named, s, e) => definitions.push({ term, definition, named, ref: ref(s, e) }));
      minePeople(p, (name, role, s, e) => {
        addTerm(name, 'person', ref(s, e));
        definitions.push({ term: name, definition: role, named: false, ref: ref(s, e) });
      });
    }
  });
  return { terms: [...terms.values()], definitions, aliases, statements };
}

/**
 * （以下简称“Y”）, （以下简称Y）, （简称Y）, and bare 全称（简称） pairs: an abbreviation read off the
 * full name (上海合作组织（上合组织）) or a Latin acronym (城市信息模型（CIM）, 第五代移动通信网络（5G）).
 */
function mineAliases(
  p: string,
  emit: (alias: string, full: string, start: number, end: number) => void,
  emitPaired: (name: string, start: number, end: number) => void,
): void {
  const re = /[（(](?:以下简称|下称|简称|以下称)?[“《]?([^（）()“”《》，。；、]{2,20})[”》]?[）)]/g;
  for (const m of p.matchAll(re)) {
    const explicit = /^[（(](?:以下简称|下称|简称|以下称)/.test(m[0]);
    const short = m[1];
    // A name ends its clause right before the parenthesis: the clause's last characters suffice
    // (the whole paragraph before each of many parentheses made mining quadratic).
    const before = p.slice(Math.max(0, m.index! - NAME_CONTEXT), m.index);
    const at = m.index! + m[0].indexOf(short);
    if (ACRONYM.test(short)) {
      const full = nounPhraseBefore(before);
      if (full && full.length >= 3) emit(short, full, at, at + short.length);
      continue;
    }
    if (!CJK.test(short)) continue;
    let full = fullFormBefore(before, short);
    // （以下简称领导小组） after a name that ends so: the noun phrase that ends the clause.
    if (!full && explicit && before.endsWith(short)) {
      const phrase = nounPhraseBefore(before);
      if (phrase && phrase.length >= short.length + 2 && phrase.endsWith(short)) full = phrase;
    }
    // A bare parenthesis only names an abbreviation when it reads as one (上海合作组织（上合组织）);
    // 校长（院长）, 商会（协会） are alternatives, not names.
    if (full && full !== short && (explicit || (short.length < full.length && isSubsequence(short, full)))) {
      emit(short, full, at, at + short.length);
    } else if (!explicit && pairedName(before, short)) {
      emitPaired(short, at, at + short.length);
    }
  }
}

/** Characters before a parenthesis read for the name it follows (names are shorter than clauses). */
const NAME_CONTEXT = 100;

/** Parenthesised notes that qualify the name before them rather than name it (（含技工院校）, （原大坪村）). */
const NOTE_START = /^(?:以下统称|统称|含|不含|包括|包含|原|指|即|或|如|及|和|与|暂行|试行)/;

/**
 * A name in bare parentheses right after a name with the same last character: the same thing under
 * another name (全球可持续发展城市奖（上海奖）, 中国进出口商品交易会（广交会））, or an alternative
 * (县级党校（行政学校）). Which name is the full one is not told apart: the hover shows the source.
 */
function pairedName(before: string, short: string): boolean {
  return short.length <= 6 && !NOTE_START.test(short) && /^[\u4e00-\u9fff]+$/.test(short) && before.at(-1) === short.at(-1) && !before.endsWith(short);
}

/** An acronym or code in Latin letters and digits with a capital (CIM, 5G, PM2.5, IPv6), not a number. */
const ACRONYM = /^(?=[^a-z]*[A-Z])[A-Za-z0-9][A-Za-z0-9.+\-]{1,11}$/;
/** Words that end a clause's verb phrase before a name: verbs, prepositions, adverbs, conjunctions, particles, set phrases (充分发挥). */
const CLAUSE_HEAD_POS = /^(v|vd|p|d|ad|c|u\w*|r|l|i)$/;

/**
 * The noun phrase right before a parenthesis: the clause's words after its last verb, preposition,
 * conjunction, adverb or particle (开展|国际标准化组织, 对|贷款市场报价利率, 臭氧及|细颗粒物).
 */
function nounPhraseBefore(before: string): string | undefined {
  const clause = before.split(/[，。；：、！？,;:“”‘’（）()《》\s]/).pop() ?? '';
  if (!/^[\u4e00-\u9fff]{3,40}$/.test(clause)) return undefined;
  const tokens = tokenize(clause);
  let k = tokens.length - 1;
  while (k > 0 && !CLAUSE_HEAD_POS.test(dictEntry(tokens[k - 1].text)?.pos ?? '')) k--;
  const phrase = clause.slice(tokens[k].start);
  return phrase.length <= 20 ? phrase : undefined;
}

/**
 * The items of an enumeration with 、 (首发经济、银发经济、冰雪经济; 以文塑旅、以旅彰文): phrases the
 * sources coin side by side, worth completing even when used once. Inner items stand between two
 * marks; the last is cut before 等/的; the first is cut from the clause before it at a word boundary,
 * to a length within that of the others.
 */
function mineListItems(p: string, emit: (item: string, start: number, end: number) => void): void {
  // Runs between clause marks, found in one pass (a regex around 、 backtracks quadratically over
  // a long run without any).
  for (let runStart = 0; runStart < p.length; ) {
    let runEnd = runStart;
    let hasPause = false;
    for (; runEnd < p.length && !LIST_RUN_END.test(p[runEnd]); runEnd++) if (p[runEnd] === '、') hasPause = true;
    if (hasPause) listItemsOfRun(p, runStart, runEnd, emit);
    runStart = runEnd + 1;
  }
}

/** Marks that end a run of enumerated items. */
const LIST_RUN_END = /[，。；：！？“”‘’《》（）()\s]/;

function listItemsOfRun(p: string, runStart: number, runEnd: number, emit: (item: string, start: number, end: number) => void): void {
  const raw = p.slice(runStart, runEnd).split('、');
  let min = Infinity;
  let max = 0;
  const items = raw.map((r, k) => {
    if (k === 0) return '';
    const item = k === raw.length - 1 ? r.replace(/(?:等|的).*$/, '') : r;
    min = Math.min(min, item.length);
    max = Math.max(max, item.length);
    return item;
  });
  // Only the end of the first run matters: a word boundary within the last few words.
  // (A first item is at least as long as the shortest other one: past MAX_LIST_ITEM none is kept.)
  items[0] = min <= MAX_LIST_ITEM ? lastWordsWithin(raw[0].slice(-(max + 16)), min, max) : '';
  let at = runStart;
  items.forEach((item, k) => {
    const start = k === 0 ? at + raw[0].length - item.length : at;
    if (item.length >= 3 && item.length <= MAX_LIST_ITEM && /^[\u4e00-\u9fff]+$/.test(item) && phraseLike(item)) emit(item, start, start + item.length);
    at += raw[k].length + 1;
  });
}

/** Items longer than this are clauses, not phrases. */
const MAX_LIST_ITEM = 8;
/** Parts of speech a phrase neither starts nor ends with: particles, prepositions, conjunctions, adverbs, pronouns. */
const FUNCTION_POS = /^(u\w*|p|c|d|r|f)$/;

/**
 * The longest run of whole words ending `s` with a length in [min, max], cut after a verb or
 * function word (发展|首发经济, 坚持|以文塑旅), not inside a name (上海合作|组织大学); '' when none.
 */
function lastWordsWithin(s: string, min: number, max: number): string {
  const tokens = tokenize(s);
  let best = '';
  let out = '';
  for (let i = tokens.length - 1; i >= 0 && out.length + tokens[i].text.length <= max; i--) {
    out = tokens[i].text + out;
    const cut = i === 0 || /^(v\w*|u\w*|p|c|d|r|ad)$/.test(dictEntry(tokens[i - 1].text)?.pos ?? '');
    if (out.length >= min && cut) best = out;
  }
  return best;
}

/**
 * Whole words that neither start with a function word (a preposition may: 以文塑旅) nor end with
 * one or with a one-character verb: not a fragment cut from a clause (更因互信, 城市抓).
 */
function phraseLike(item: string): boolean {
  let yes = phraseLikeMemo.get(item);
  if (yes === undefined) {
    // Bounded: a large library enumerates hundreds of thousands of distinct items.
    if (phraseLikeMemo.size >= 100_000) phraseLikeMemo.clear();
    phraseLikeMemo.set(item, (yes = readsAsPhrase(item)));
  }
  return yes;
}
/** Official documents enumerate the same items thousands of times (自治区、直辖市): each is read once. */
const phraseLikeMemo = new Map<string, boolean>();

function readsAsPhrase(item: string): boolean {
  const tokens = tokenize(item);
  const pos = (w: string) => dictEntry(w)?.pos ?? '';
  const first = tokens[0].text;
  const last = tokens[tokens.length - 1].text;
  // jieba tags some nouns' modifiers as adverbs (首发/d 经济): a word of two before a noun may start it.
  const modifier = pos(first) === 'd' && first.length > 1 && /^n/.test(pos(last));
  return !(FUNCTION_POS.test(pos(first)) && pos(first) !== 'p' && !modifier) && !FUNCTION_POS.test(pos(last)) && !(last.length === 1 && /^v/.test(pos(last)));
}

/**
 * An enumeration followed by 的/等 and a term defines it: 互信、互利、平等、协商、尊重多样文明、
 * 谋求共同发展的“上海精神”; 创新、协调、绿色、开放、共享的新发展理念 (an unquoted name after 的);
 * “适用、经济、绿色、美观”建筑方针 (a quoted enumeration right before a name). The first item is cut
 * from the clause before it at word boundaries, to about the length of the other items.
 */
function mineDefinitions(p: string, emit: (term: string, definition: string, named: boolean, start: number, end: number) => void): void {
  // Found from each 的/等 backwards, item by item (a regex over the enumeration backtracks
  // quadratically over a long one that is followed by no quoted term).
  for (const m of p.matchAll(/(?:的|等)“([^“”]{2,16})”/g)) {
    const term = m[1];
    if (!isTermLike(term)) continue;
    const definition = definitionBefore(p, m.index!);
    if (definition) emit(term, definition, true, m.index! - definition.length, m.index!);
  }
  for (let at = p.indexOf('的'); at >= 0; at = p.indexOf('的', at + 1)) {
    if (p[at + 1] === '“') continue;
    // The enumeration first: most 的 follow none, and finding one costs no segmenting.
    const found = definitionBefore(p, at);
    const term = found && nameAfter(p, at + 1);
    const definition = term && qualitiesOf(found);
    if (term && definition) emit(term, definition, false, at - definition.length, at);
  }
  // A sentence that opens by saying what a name is: 文旅产业是涉及吃住行购娱等方方面面的综合性产业，
  for (const m of p.matchAll(COPULA_DEFINITION)) {
    const term = m[1];
    const definition = m[3];
    if (/^[这该本其此]/.test(term) || /[就也都还才]$/.test(term)) continue;
    const start = m.index! + m[0].length - 1 - definition.length;
    emit(term, definition, false, start, start + definition.length);
  }
  for (const q of findQuotes(p)) {
    if (q.depth !== 0) continue;
    const inner = p.slice(q.open + 1, q.close);
    const items = inner.split('、');
    if (items.length < 3 || items.some((s) => !/^[\u4e00-\u9fff]{1,6}$/.test(s))) continue;
    const term = nameAfter(p, q.close + 1);
    if (term) emit(term, inner, false, q.open + 1, q.close);
  }
}

/**
 * Before an unquoted name, an enumeration defines it only when it lists qualities: short plain
 * items (not 安全、经济、人文等领域…的历史性成就), most of them not plain nouns (林地、草地、园地的
 * 农药使用量 is whose, not what). A verb the clause opens the first item with is left out
 * (建立政府主导、社会参与 → 政府主导). Returns the definition as it stands in the text, or nothing.
 */
function qualitiesOf(definition: string): string | undefined {
  const items = definition.split('、');
  let nouns = 0;
  for (const item of items) {
    if (!/^[\u4e00-\u9fff]{1,8}$/.test(item)) return undefined;
    const words = tokenize(item);
    if (words.some((w) => w.text === '等')) return undefined;
    if (dictEntry(words[words.length - 1].text)?.pos === 'n') nouns++;
  }
  if (nouns * 3 >= items.length * 2) return undefined;
  const shortest = Math.min(...items.slice(1).map((x) => x.length));
  const words = tokenize(items[0]);
  let k = 0;
  while (k < words.length - 1 && items[0].length - words[k].end >= shortest && /^(v|p|c|d)$/.test(dictEntry(words[k].text)?.pos ?? '')) k++;
  const first = items[0].slice(words[k].start);
  return definition.slice(definition.length - (definition.length - items[0].length + first.length));
}

/** 〈sentence start〉X是(指)…的Y。 or ，: a name, 是, and a clause ending in 的 and a noun. */
const COPULA_DEFINITION = /(?<=^|[。！？])([\u4e00-\u9fff]{3,10})是(指)?([^，。；：、！？“”]{4,40}的[\u4e00-\u9fff]{2,8})[。，；]/g;

/** The enumeration of three or more items that ends right before `end`, joined with 、. */
function definitionBefore(p: string, end: number): string | undefined {
  const items = enumerationBefore(p, end);
  // Two items before 的/等 are as often a list of examples as a definition.
  if (items.length < 3) return compactEnumerationBefore(p, end);
  const longest = Math.max(...items.slice(1).map((s) => s.length));
  items[0] = trimLeadingClause(items[0], longest);
  return items[0] ? items.join('、') : undefined;
}

/** Three or four pairs that share their first character, right before `end` (共商共建共享的全球治理观). */
function compactEnumerationBefore(p: string, end: number): string | undefined {
  for (const n of [8, 6]) {
    const s = p.slice(end - n, end);
    if (s.length !== n || !/^[\u4e00-\u9fff]+$/.test(s)) continue;
    let shared = true;
    for (let k = 2; k < n; k += 2) if (s[k] !== s[0]) shared = false;
    if (shared && new Set(s).size === n / 2 + 1) return s;
  }
  return undefined;
}

/** Parts of speech a name runs across (nouns, verbal nouns, adjectives, the verb of 治理观). */
const NAME_POS = /^(n\w*|vn|v|vg|ng|a|an|b|j)$/;
/** Parts of speech a name can end with (理念, 城市, 观). */
const NAME_END_POS = /^(n\w*|vg|ng|j)$/;

/**
 * The name (3–10 characters) that starts at `at` and is not quoted: its words up to a preposition,
 * particle or mark, without trailing verbs (的现代化人民城市为目标 → 现代化人民城市; 的好房子建设 → 好房子).
 */
function nameAfter(p: string, at: number): string | undefined {
  const run = /^[\u4e00-\u9fff]{3,14}/.exec(p.slice(at, at + 14))?.[0];
  if (!run) return undefined;
  const tokens = tokenize(run);
  const pos = tokens.map((w) => dictEntry(w.text)?.pos ?? '');
  // A name opens with no verb of its own (具有竞争力 is a clause, 治理观 a name).
  if (pos[0] === 'v') return undefined;
  let n = 0;
  while (n < tokens.length && NAME_POS.test(pos[n])) n++;
  while (n > 0 && !NAME_END_POS.test(pos[n - 1])) n--;
  if (n < 2 && !(n === 1 && tokens[0].text.length >= 3)) return undefined;
  const name = run.slice(0, tokens[n - 1].start + tokens[n - 1].text.length);
  return name.length >= 3 && name.length <= 10 ? name : undefined;
}

/** Marks no enumerated item holds. */
const ITEM_MARK = /[，。；：、“”‘’《》（）！？]/;
/** Longest item of an enumeration that defines a term. */
const MAX_DEFINING_ITEM = 14;
/** Most items of an enumeration that defines a term. */
const MAX_DEFINING_ITEMS = 24;

/**
 * The items (1–14 characters, separated by 、) that end right before `end`, first to last; the
 * first one is the last 14 characters of a longer run. Empty when the last item is not preceded by 、.
 */
function enumerationBefore(p: string, end: number): string[] {
  const items: string[] = [];
  let at = end;
  // Bounded: a paragraph with a 的 after each of many items would be walked again per 的.
  while (items.length < MAX_DEFINING_ITEMS) {
    let k = at;
    while (k > 0 && at - k < MAX_DEFINING_ITEM && !ITEM_MARK.test(p[k - 1])) k--;
    const item = p.slice(k, at);
    if (!item || (items.length === 0 && k > 0 && !ITEM_MARK.test(p[k - 1]))) break;
    items.push(item);
    if (k === 0 || p[k - 1] !== '、') break;
    at = k - 1;
  }
  if (items.length < 2) return [];
  return items.reverse();
}

/** The last whole words of `s` that fit in `maxLength`, without a leading verb or preposition. */
function trimLeadingClause(s: string, maxLength: number): string {
  const tokens = tokenize(s);
  let first = tokens.length;
  while (first > 0 && s.length - tokens[first - 1].start <= maxLength) first--;
  // Drop connective heads such as 并践行 / 提出 that the length budget let through, word by word
  // (和平 is not 和 + 平).
  const kept = first;
  while (first < tokens.length - 1 && CONNECTIVE_HEAD.test(tokens[first].text)) first++;
  return first < tokens.length ? s.slice(tokens[first].start) : kept < tokens.length ? s.slice(tokens[kept].start) : '';
}

const CONNECTIVE_HEAD = /^(?:并|和|与|及|以|把|将|在|对|从|是|为|践行|提出|坚持|秉持|倡导|弘扬)$/;

/** Offices a name follows (哈萨克斯坦总统托卡耶夫, 联合国秘书长古特雷斯). */
/** Offices written before a person's name (哈萨克斯坦总统托卡耶夫). */
export const OFFICES = '(?:副?总统|副?总理|首相|国王|女王|秘书长|副?主席|议长|外长|外交部长|大使)';
const OFFICE = new RegExp(`${OFFICES}(?=[\u4e00-\u9fff])`, 'g');
/** Words that end a name: reporting verbs and particles typed right after it. */
const AFTER_NAME = /^(?:说|称|讲|时|的|和|与|等|在|同|也|都|就|还|曾|将|已|又|向|对|为|是)$/;
/** Parts of speech of characters that end a name after its first (prepositions, conjunctions, particles, adverbs), or cannot start one. */
const NOT_IN_NAME_POS = /^(p|c|u\w*|d|y)$/;
const NOT_NAME_START_POS = /^(p|c|u\w*)$/;
/** Parts of speech of people's names (jieba reads transliterations as people, places or nothing). */
const PERSON_POS = /^(nr\w*|ns|nz)$/;

/**
 * People the sources name with their office: 哈萨克斯坦总统托卡耶夫认为 → 托卡耶夫, 哈萨克斯坦总统.
 * The name runs from the office to the first word that is no name (认为, 表示, 说); the office takes
 * the place or organisation right before it.
 */
function minePeople(p: string, emit: (name: string, role: string, start: number, end: number) => void): void {
  for (const m of p.matchAll(OFFICE)) {
    const at = m.index! + m[0].length;
    const after = p.slice(at, at + 8);
    const words = tokenize(after);
    let end = 0;
    for (const w of words) {
      if (!/^[\u4e00-\u9fff]+$/.test(w.text)) break;
      const pos = dictEntry(w.text)?.pos ?? '';
      // A name's first character may be an adverb's too (莫迪), never a preposition or particle (在北京).
      const stops = AFTER_NAME.test(w.text) || (end > 0 ? NOT_IN_NAME_POS : NOT_NAME_START_POS).test(pos);
      if (w.text.length === 1 ? stops : !PERSON_POS.test(pos)) break;
      end = w.end;
    }
    const name = after.slice(0, end);
    if (name.length < 2 || name.length > 6 || end === after.length) continue;
    const before = tokenize(p.slice(Math.max(0, m.index! - 10), m.index!)).pop()?.text ?? '';
    // The office's country or organisation (哈萨克斯坦, 联合国), when a name of one stands right before it.
    const place = /^(ns|nt\w*|nz|nrt)$/.test(dictEntry(before)?.pos ?? '') ? before : '';
    // Without one, only a name the dictionary knows as a person's (丁向阳 秘书长, not 用权 of 大使用权).
    if (!place && !(words.length && words[0].end === end && /^nr/.test(dictEntry(name)?.pos ?? ''))) continue;
    emit(name, place + m[0], at, at + name.length);
  }
}

/** Who is quoted: the person before a speech verb in the same sentence (习近平主席指出：). */
function speakerBefore(p: string, quoteOpen: number): string | undefined {
  const before = p.slice(Math.max(0, quoteOpen - 60), quoteOpen);
  const sentence = before.split(/[。！？]/).pop() ?? '';
  if (!SPEECH_VERB.test(sentence) && !/[：:]\s*$/.test(sentence)) return undefined;
  const m = /([\u4e00-\u9fff]{2,4}(?:主席|总书记|总理|总统|委员长|部长|发言人|秘书长|书记|省长|市长|主任|大使))/.exec(sentence);
  if (m) return m[1];
  const subject = /^[^，]*?([\u4e00-\u9fff]{2,8}?)(?:在[^，]*)?(?:指出|强调|表示|说)/.exec(sentence);
  return subject ? subject[1] : undefined;
}
