// The source index: every file's structure and mined vocabulary (FileIndex, cached per content
// hash) merged with corpus-wide knowledge (recurring formulations, short forms, exact counts
// from a suffix array, a sentence lookup for quotations) into the lookups features and rules use.
import { dictEntry, isDictWord, isFunctionWord, tokenize } from '../lang/segmenter';
import { LineIndex } from '../text/lineIndex';
import { lastAtOrBefore } from '../text/sortedSearch';
import { SuffixArray } from '../text/suffixArray';
import { syllables } from '../lang/pinyin';
import { TERM_KINDS, type Article, type FileIndex, type MinedStatement, type RelatedPlace, type SourceRef, type TermKind } from '../types';
import { isCount } from './fileCache';
import { mineFormulations, type Formulation } from './formulations';
import { SentenceIndex, type SourceSentence } from './sentences';

export interface TermInfo {
  text: string;
  kinds: Set<TermKind>;
  /** Occurrences in the sources (as a whole string, anywhere in the text). */
  count: number;
  /** Number of distinct articles it occurs in. */
  articles: number;
  definition?: { text: string; ref: SourceRef };
  /** For an alias or abbreviation: its full form. */
  fullForm?: string;
  /** Mined places (where it was quoted, titled, defined…). */
  refs: SourceRef[];
}

/** Corpus-wide results that depend on all files; cached as a whole by the set of file hashes. */
export interface CorpusExtras {
  /** Mined again when absent. */
  formulations?: Formulation[];
  /** Per file, the source folder it came from, for mining formulations (see mineFormulations). */
  groups?: readonly number[];
  suffixArray?: Int32Array;
  /** Conclusions drawn across files (they need the segmenter): cached so a warm start skips them. */
  derived?: {
    /** [misspelled phrase, the sources' usual wording] */
    typos: Array<[string, string]>;
    /** [short form, full form, count] */
    shortForms: Array<[string, string, number]>;
    /** Objects of verb-led formulations (全球治理倡议 of 提出全球治理倡议). */
    objects?: string[];
    /** Mined formulations cut inside a term (see dropCutFormulations). */
    cutFormulations?: string[];
  };
  /**
   * The finished term table: a warm start takes it as it is instead of merging 100 k mined terms,
   * counting each in the suffix array and drawing the conclusions again.
   */
  termTable?: TermTable;
}

/**
 * Terms in columns, in the order of the index's map. Places are file (its position in the files),
 * article, start, end; `refs` holds per term its number of places and then the places.
 */
export interface TermTable {
  texts: string[];
  /** Per term its kinds in order, as digits (positions in TERM_KINDS). */
  kinds: string[];
  counts: number[];
  articles: number[];
  refs: number[];
  /** Per defined term: its position, the definition, and the definition's place. */
  definitions: Array<number | string>;
  /** Per term with a full form: its position and the full form. */
  fullForms: Array<number | string>;
}

function validPlace(files: FileIndex[], fi: unknown, article: unknown, start: unknown, end: unknown): boolean {
  if (!isCount(fi) || fi >= files.length || !isCount(article) || !isCount(start) || !isCount(end)) return false;
  const f = files[fi];
  return article < f.articles.length && start <= end && end <= f.source.text.length;
}

/** Mined only by guesswork: an enumeration item, a name in parentheses or after an office, or a name a description precedes. */
export function weaklyMined(t: TermInfo): boolean {
  for (const k of t.kinds) if (k !== 'listed' && k !== 'paired' && k !== 'person') return false;
  return true;
}

/** Length of the longest dictionary word at text[at] (1 when there is none). */
function longestWordAt(text: string, at: number): number {
  for (let n = Math.min(8, text.length - at); n > 1; n--) if (isDictWord(text.slice(at, at + n))) return n;
  return 1;
}

/** Most characters at a formulation's end looked up as the start of a term it is cut inside. */
const MAX_CUT_TAIL = 6;
/** Most characters after a formulation that a term cut by it may go on with. */
const MAX_TERM_AFTER = 12;

/** Distinct words in one slot that make it a pattern of coinages, not a slip (see slipOf). */
const SLIP_SLOT_FILLERS = 3;
/** Occurrences of the rest of a suspected slip looked at for other words in its slot. */
const SLOT_LOOKS = 20000;
/** Occurrences of a suspected slip looked at for a list it is an item of (see listedBeside). */
const LISTED_BESIDE_LOOKS = 50;
const LISTED_BESIDE_REACH = 40;
/** What may stand between two items of one list: 、 and the other items, no clause mark. */
const LIST_BETWEEN = /^[^，。；：！？,;:!?\n]*、[^，。；：！？,;:!?\n]*$/;

/** Separator between files in the joined text: never part of a match. */
const FILE_SEPARATOR = '\n\u0000\n';

/** The text the suffix array is built over: all files' rebuilt texts, in order. */
export function joinSources(texts: string[]): string {
  return texts.join(FILE_SEPARATOR);
}

/** Uses of a short form's clipped part alone (see inferStemShortForms). */
const MIN_STEM_ALONE = 2;
/** Head words of names of bodies: the clipped rest of such a name names the body (上合 of 上合组织). */
const BODY_HEAD = /^(组织|机构|联盟|集团|协会|委员会|联合会|理事会|银行|基金会)$/;

export class CorpusIndex {
  readonly files: FileIndex[];
  /** Recurring formulations, the sources' likely typos removed. */
  readonly formulations: Formulation[];
  private readonly minedFormulations: Formulation[];
  /** Mined formulations dropped as cut inside a term: computed once, then cached. */
  private cutFormulations: string[] = [];
  private sentenceIndex: SentenceIndex | undefined;
  readonly statements: Array<MinedStatement>;
  private readonly terms = new Map<string, TermInfo>();
  /** Terms that are the objects of verb-led formulations (see verbObjects). */
  private objects: string[] = [];
  /** All files' rebuilt texts joined by a separator that no match crosses (see FILE_SEPARATOR). */
  readonly joined: string;
  private readonly fileStarts: number[] = [];
  readonly suffixArray: SuffixArray;
  /** Phrases the sources themselves misspell (资旅产业), mapped to the wording they use far more often. */
  private readonly typoForms = new Map<string, string>();
  /** Terms of equal length that differ in one character share a key here (wildcard at that position). */
  private readonly oneOff = new Map<string, string[]>();
  private oneOffBuilt = false;
  /** Whether the term table came from the cache (a table that does not fit is merged again, and cached anew). */
  readonly restored: boolean;

  constructor(files: FileIndex[], extras?: CorpusExtras) {
    this.files = files;
    let at = 0;
    for (const f of files) {
      this.fileStarts.push(at);
      at += f.source.text.length + FILE_SEPARATOR.length;
    }
    this.joined = joinSources(files.map((f) => f.source.text));
    this.suffixArray = extras?.suffixArray && extras.suffixArray.length === this.joined.length
      ? SuffixArray.fromArray(this.joined, extras.suffixArray)
      : SuffixArray.build(this.joined);
    this.minedFormulations = extras?.formulations ?? mineFormulations(files.map((f) => f.source.text), extras?.groups);
    this.statements = files.flatMap((f) => f.statements);
    // A warm start takes the finished term table from the cache; otherwise it is merged from the
    // files' mined terms and the conclusions drawn across them.
    const derived = extras?.derived;
    this.restored = !!(derived && extras?.termTable && this.restoreTerms(extras.termTable, derived));
    if (!this.restored) this.buildTerms(derived);
    this.formulations = this.minedFormulations.filter((f) => this.terms.has(f.text));
  }

  private buildTerms(derived: CorpusExtras['derived']): void {
    for (const f of this.files) {
      for (const t of f.terms) this.addRefs(t.text, t.kind, t.refs);
      for (const d of f.definitions) {
        const info = this.entry(d.term);
        // Only a term the source marks counts as one it defines; a phrase after an enumeration gets
        // its meaning shown but is not trusted as coined wording (数字化 after 生产、生活、生态空间的).
        if (d.named) {
          // The first definition of the marked term wins over any read off the wording.
          if (!info.kinds.has('defined')) info.definition = { text: d.definition, ref: d.ref };
          info.kinds.add('defined');
        } else {
          info.definition ??= { text: d.definition, ref: d.ref };
        }
      }
      for (const a of f.aliases) {
        const info = this.entry(a.alias);
        info.kinds.add('alias');
        info.fullForm ??= a.full;
        info.refs.push(a.ref);
      }
    }
    for (const fm of this.minedFormulations) this.entry(fm.text).kinds.add('formulation');
    for (const info of this.terms.values()) info.count = this.frequency(info.text);
    this.dropSplitQuotes();
    if (derived?.cutFormulations) {
      this.cutFormulations = derived.cutFormulations;
      for (const text of this.cutFormulations) this.terms.delete(text);
    } else this.cutFormulations = this.dropCutFormulations();
    if (derived) {
      for (const [typo, right] of derived.typos) {
        this.terms.delete(typo);
        this.typoForms.set(typo, right);
      }
      for (const [short, full, count] of derived.shortForms) this.addShortForm(short, full, count);
      this.objects = derived.objects ?? this.verbObjects();
    } else {
      this.dropLikelyTypos();
      this.inferShortForms();
      this.inferPlaceNamedShortForms();
      this.inferStemShortForms();
      this.objects = this.verbObjects();
    }
    for (const object of this.objects) {
      const info = this.entry(object);
      info.kinds.add('formulation');
      info.count = this.frequency(object);
    }
    for (const info of this.terms.values()) this.setArticleCount(info);
  }

  /** The finished term table in columns, in the order of the map (see CorpusExtras.termTable). */
  private termTable(): TermTable {
    const fileIndex = new Map(this.files.map((f, i) => [f.source.path, i]));
    const table: TermTable = { texts: [], kinds: [], counts: [], articles: [], refs: [], definitions: [], fullForms: [] };
    const place = (r: SourceRef) => [fileIndex.get(r.file) ?? -1, r.article, r.start, r.end];
    let i = 0;
    for (const t of this.terms.values()) {
      table.texts.push(t.text);
      table.kinds.push([...t.kinds].map((k) => TERM_KINDS.indexOf(k)).join(''));
      table.counts.push(t.count);
      table.articles.push(t.articles);
      table.refs.push(t.refs.length);
      for (const r of t.refs) table.refs.push(...place(r));
      if (t.definition) table.definitions.push(i, t.definition.text, ...place(t.definition.ref));
      if (t.fullForm !== undefined) table.fullForms.push(i, t.fullForm);
      i++;
    }
    return table;
  }

  /**
   * Fills the term map from a cached table; false (and nothing changed) when the table does not fit
   * these files, so that the terms are merged again.
   */
  private restoreTerms(table: TermTable, derived: NonNullable<CorpusExtras['derived']>): boolean {
    const n = Array.isArray(table?.texts) ? table.texts.length : -1;
    const columns = [table?.kinds, table?.counts, table?.articles];
    if (n < 0 || !columns.every((c) => Array.isArray(c) && c.length === n) || !Array.isArray(table.refs) || !Array.isArray(table.definitions) || !Array.isArray(table.fullForms)) return false;
    if (!Array.isArray(derived.cutFormulations) || !Array.isArray(derived.objects)) return false;
    const files = this.files;
    const refs = table.refs;
    const place = (at: number): SourceRef | undefined =>
      validPlace(files, refs[at], refs[at + 1], refs[at + 2], refs[at + 3]) ? { file: files[refs[at]].source.path, article: refs[at + 1], start: refs[at + 2], end: refs[at + 3] } : undefined;
    const infos: TermInfo[] = [];
    let r = 0;
    for (let i = 0; i < n; i++) {
      const text = table.texts[i];
      const kindCodes = table.kinds[i];
      const count = table.counts[i];
      const articles = table.articles[i];
      const refCount = table.refs[r++];
      if (typeof text !== 'string' || typeof kindCodes !== 'string' || !isCount(count) || !isCount(articles) || !isCount(refCount)) return false;
      const kinds = new Set<TermKind>();
      for (const code of kindCodes) {
        const kind = TERM_KINDS[Number(code)];
        if (kind === undefined) return false;
        kinds.add(kind);
      }
      const refs: SourceRef[] = [];
      for (let j = 0; j < refCount; j++, r += 4) {
        const ref = place(r);
        if (!ref) return false;
        refs.push(ref);
      }
      infos.push({ text, kinds, count, articles, refs, definition: undefined, fullForm: undefined });
    }
    if (r !== table.refs.length || table.definitions.length % 6 !== 0 || table.fullForms.length % 2 !== 0) return false;
    for (let k = 0; k < table.definitions.length; k += 6) {
      const [i, text, fi, article, start, end] = table.definitions.slice(k, k + 6) as [number, string, number, number, number, number];
      if (!isCount(i) || i >= n || typeof text !== 'string' || !validPlace(files, fi, article, start, end)) return false;
      infos[i].definition = { text, ref: { file: files[fi].source.path, article, start, end } };
    }
    for (let k = 0; k < table.fullForms.length; k += 2) {
      const [i, full] = [table.fullForms[k], table.fullForms[k + 1]];
      if (!isCount(i) || i >= n || typeof full !== 'string') return false;
      infos[i].fullForm = full;
    }
    for (const info of infos) this.terms.set(info.text, info);
    for (const [typo, right] of derived.typos) this.typoForms.set(typo, right);
    for (const sf of derived.shortForms) this.shortForms.push(sf);
    this.cutFormulations = derived.cutFormulations;
    this.objects = derived.objects;
    return true;
  }

  static empty(): CorpusIndex {
    return new CorpusIndex([], { formulations: [] });
  }

  extras(): CorpusExtras {
    return {
      formulations: this.minedFormulations,
      suffixArray: this.suffixArray.sa,
      derived: {
        typos: [...this.typoForms],
        shortForms: this.shortForms,
        objects: this.objects,
        cutFormulations: this.cutFormulations,
      },
      termTable: this.termTable(),
    };
  }

  /** Source sentences with a trigram lookup, built on first use (checks need it, indexing does not). */
  get sentences(): SentenceIndex {
    this.sentenceIndex ??= new SentenceIndex(this.files);
    return this.sentenceIndex;
  }

  /** Articles a term occurs in: from its mined places, or counted on first use from its occurrences. */
  private setArticleCount(info: TermInfo): void {
    const fromRefs = new Set(info.refs.map((r) => `${r.file}#${r.article}`)).size;
    if (fromRefs > 0 || info.count === 0) {
      info.articles = fromRefs;
      return;
    }
    let cached: number | undefined;
    Object.defineProperty(info, 'articles', {
      get: () => (cached ??= this.articlesContaining(info.text)),
      set: (v: number) => (cached = v),
      enumerable: true,
      configurable: true,
    });
  }

  private entry(text: string): TermInfo {
    let info = this.terms.get(text);
    if (!info) {
      // Every field from the start: one object shape for all terms keeps property reads fast.
      info = { text, kinds: new Set(), count: 0, articles: 0, refs: [], definition: undefined, fullForm: undefined };
      this.terms.set(text, info);
    }
    return info;
  }

  private addRefs(text: string, kind: TermKind, refs: SourceRef[]): void {
    const info = this.entry(text);
    info.kinds.add(kind);
    // One by one: a term quoted a few hundred thousand times would overflow a spread's call stack.
    for (const r of refs) info.refs.push(r);
  }

  private addOneOff(text: string): void {
    if (text.length < 3 || text.length > 20) return;
    for (let i = 0; i < text.length; i++) {
      const key = text.slice(0, i) + '\u0000' + text.slice(i + 1);
      const list = this.oneOff.get(key);
      if (list) list.push(text);
      else this.oneOff.set(key, [text]);
    }
  }

  /**
   * A mined formulation that ends inside a term the sources mark (新型国际关系和构建人类 of
   * …人类命运共同体), where the sources never stop at that point, is a piece cut by the miner's
   * length limit: it is dropped. Only formulations that nothing else vouches for are.
   */
  private dropCutFormulations(): string[] {
    const dropped: string[] = [];
    const isMarked = (t: TermInfo | undefined) => !!t && t.text.length >= 3 && !(t.kinds.size === 1 && t.kinds.has('formulation'));
    for (const info of [...this.terms.values()]) {
      if (info.kinds.size !== 1 || !info.kinds.has('formulation')) continue;
      const text = info.text;
      // What follows the formulation where the sources first use it: a marked term must begin in
      // its last characters and go on into that, and the sources must go on so every time.
      const at = this.suffixArray.positions(text, 1)[0];
      if (at === undefined) continue;
      const after = this.joined.slice(at + text.length, at + text.length + MAX_TERM_AFTER);
      let cut = false;
      for (let s = Math.max(1, text.length - MAX_CUT_TAIL); s <= text.length - 2 && !cut; s++) {
        for (let m = 1; m <= after.length && !cut; m++) {
          if (!isMarked(this.terms.get(text.slice(s) + after.slice(0, m)))) continue;
          cut = this.frequency(text + after.slice(0, m)) === info.count;
        }
      }
      if (!cut) continue;
      this.terms.delete(text);
      dropped.push(text);
    }
    return dropped;
  }

  /**
   * Quotation marks that split a term (上海“精神”): the quoted part is not a term of its own
   * when the characters before the opening mark complete a better-attested quoted term.
   */
  private dropSplitQuotes(): void {
    const quoted = [...this.terms.values()].filter((t) => t.kinds.has('quoted'));
    for (const t of quoted) {
      const kept = t.refs.filter((r) => {
        const src = this.fileByPath(r.file)?.source.text ?? '';
        const before = src.slice(Math.max(0, r.start - 9), r.start - 1);
        for (let k = 1; k <= before.length; k++) {
          const whole = this.terms.get(before.slice(before.length - k) + t.text);
          if (whole && whole !== t && whole.kinds.has('quoted') && whole.refs.length > 1) return false;
        }
        return true;
      });
      if (kept.length === t.refs.length) continue;
      t.refs = kept;
      if (kept.length === 0 && t.kinds.size === 1) this.terms.delete(t.text);
      else if (kept.length === 0) t.kinds.delete('quoted');
    }
  }

  /**
   * A formulation often starts with the verb that governs it (提出全球治理倡议, 推动文旅产业): the
   * verb's object, when the sources use it repeatedly, is wording of its own, used after other words
   * too (……和全球治理倡议). The verb must be a word of the formulation (not 联合 of 联合国) and the
   * object start with a content word; the dictionary tells (segmenting every formulation is slow).
   */
  private verbObjects(): string[] {
    const out = new Set<string>();
    for (const term of this.terms.values()) {
      if (!term.kinds.has('formulation') || term.count < 2) continue;
      const object = term.text.slice(2);
      if (object.length < 4 || out.has(object) || this.terms.has(object) || dictEntry(term.text.slice(0, 2))?.pos !== 'v') continue;
      if (longestWordAt(term.text, 0) !== 2 || isFunctionWord(term.text.slice(2, 2 + longestWordAt(term.text, 2)))) continue;
      if (this.frequency(object) >= 2) out.add(object);
    }
    return [...out];
  }

  /**
   * The sources contain real typos (资旅产业 beside 文旅产业). A mined phrase that differs in one
   * character from a much more frequent one, and is not a dictionary word, is not official wording.
   */
  private dropLikelyTypos(): void {
    const byKey = new Map<string, TermInfo[]>();
    for (const t of this.terms.values()) {
      // Enumeration items, names in parentheses and phrases read off a description are mined by
      // guesswork: neither evidence nor suspects.
      if (t.text.length < 3 || weaklyMined(t)) continue;
      for (let i = 0; i < t.text.length; i++) {
        const key = t.text.slice(0, i) + '\u0000' + t.text.slice(i + 1);
        const list = byKey.get(key);
        if (list) list.push(t);
        else byKey.set(key, [t]);
      }
    }
    const doomed = new Map<TermInfo, TermInfo>();
    for (const [key, group] of byKey) {
      if (group.length < 2) continue;
      const at = key.indexOf('\u0000');
      for (const p of group) {
        if (isDictWord(p.text) || p.kinds.has('title') || /[0-9零一二三四五六七八九十百千万两]/.test(p.text[at])) continue;
        // A slip leaves a stray character (资|旅|产业); inside a real word (促进 vs 推进) it is other wording.
        const word = tokenize(p.text).find((w) => w.start <= at && at < w.end);
        if (!word || (word.text.length > 1 && isDictWord(word.text)) || isFunctionWord(word.text)) continue;
        const better = group.filter((q) => q !== p && q.count >= 3 * Math.max(1, p.count) && q.count >= 3).sort((a, b) => b.count - a.count)[0];
        if (better && this.slipOf(p.text, better.text, at)) doomed.set(p, better);
      }
    }
    for (const [typo, right] of doomed) {
      this.terms.delete(typo.text);
      this.typoForms.set(typo.text, right.text);
    }
  }

  /**
   * Whether the sources' `a` is a slip for `b`, which differs from it at `at` — not a coinage of
   * its own. Large libraries hold many of those: 红名单 beside 黑名单, 路长制 beside 河长制, 多审合一
   * beside 多规合一, 一企一证 beside 一业一证. A slip is made by an author who writes the right form
   * in the same file (资旅产业 among a dozen 文旅产业); a coinage is set in a list beside its model
   * (“一网通办”、“一网通享”), or fills a slot that other words fill too (一企一策, 一县一策, 一湖一策 …).
   */
  private slipOf(a: string, b: string, at: number): boolean {
    const filesOfB = this.filesOf(b);
    if (![...this.filesOf(a)].every((f) => filesOfB.has(f))) return false;
    if (this.slotFillers(a.slice(0, at), a.slice(at + 1), SLIP_SLOT_FILLERS) >= SLIP_SLOT_FILLERS) return false;
    return !this.listedBeside(a, b);
  }

  /**
   * How many distinct Chinese characters the sources put between `before` and `after` (counting up
   * to `enough`): 文 and 资 in ?旅产业, a dozen in 一?一策.
   */
  private slotFillers(before: string, after: string, enough: number): number {
    const fillers = new Set<number>();
    const anchorBefore = before.length >= after.length;
    const anchor = anchorBefore ? before : after;
    for (const p of this.suffixArray.positions(anchor, SLOT_LOOKS)) {
      const slot = anchorBefore ? p + before.length : p - 1;
      if (slot < 0 || slot >= this.joined.length) continue;
      if (anchorBefore ? !this.joined.startsWith(after, slot + 1) : slot < before.length || !this.joined.startsWith(before, slot - before.length)) continue;
      const code = this.joined.charCodeAt(slot);
      if (code < 0x3400 || code > 0x9fff) continue; // Chinese characters only: 互联网+ and 互联网＋ are no slot
      fillers.add(code);
      if (fillers.size >= enough) break;
    }
    return fillers.size;
  }

  /**
   * Whether the sources list `a` as an item beside `b` (“一网统管”、“一网通办”、“一网通享”): coinages
   * that differ in one character on purpose, not a slip of one for the other (a slip is not set in
   * a list beside the word it misspells).
   */
  private listedBeside(a: string, b: string): boolean {
    for (const at of this.suffixArray.positions(a, LISTED_BESIDE_LOOKS)) {
      // The sentence around this occurrence, at most LISTED_BESIDE_REACH characters either way.
      const from = Math.max(0, at - LISTED_BESIDE_REACH);
      const before = this.joined.slice(from, at);
      const after = this.joined.slice(at + a.length, at + a.length + LISTED_BESIDE_REACH);
      const head = before.slice(before.search(/[^。；！？\n]*$/));
      const tail = after.slice(0, after.search(/[。；！？\n]|$/));
      // b before a or after it, with nothing but list items between them (、 and no clause mark).
      const j = head.lastIndexOf(b);
      if (j >= 0 && LIST_BETWEEN.test(head.slice(j + b.length))) return true;
      const k = tail.indexOf(b);
      if (k >= 0 && LIST_BETWEEN.test(tail.slice(0, k))) return true;
    }
    return false;
  }

  /**
   * A short form used for a long name in the same text (上合组织 for 上海合作组织): Chinese
   * abbreviations keep the first character(s) of each word of the name (上海·合作·组织 → 上·合·组织),
   * recur in the same file, are not dictionary words and do not just sit inside longer words.
   */
  private inferShortForms(): void {
    const longNames = [...this.terms.values()].filter(
      (t) => t.text.length >= 5 && t.text.length <= 12 && t.count >= 2 && !t.fullForm && (t.kinds.has('quoted') || t.kinds.has('formulation')),
    );
    for (const long of longNames) {
      const words = tokenize(long.text).map((w) => w.text);
      if (words.length < 2 || words.length > 5) continue;
      for (const { text: short, clipped, clippedRuns } of abbreviations(words)) {
        if (short.length < 3 || isDictWord(short) || long.text.includes(short) || this.terms.get(short)?.fullForm) continue;
        // Prepositions and particles are never clipped into a name (部门·按照·职责 → 部按职责); clipped
        // characters that spell a word of their own read as that word (人民·群众 → 人群), unless the
        // dictionary marks it an abbreviation itself (常委, tag j).
        if (clipped.some((w) => isFunctionWord(w))) continue;
        if (clippedRuns.some((r) => isDictWord(r) && dictEntry(r)?.pos !== 'j')) continue;
        const count = this.frequency(short);
        if (count < 2 || !this.sameFile(short, long.text) || this.mostlyInsideWords(short)) continue;
        this.addShortForm(short, long.text, count);
      }
    }
  }

  /**
   * A meeting named after its place under the organisation that holds it (上海合作组织天津峰会), later
   * called by the place alone (天津峰会): a term of a place name and a noun that follows the
   * organisation (or its short form) somewhere and stands alone elsewhere.
   */
  private inferPlaceNamedShortForms(): void {
    const owners = new Map<string, string>();
    // Organisations with a short form of their own (上合组织), not documents (规划 for a plan's title).
    for (const t of this.terms.values()) {
      if (t.fullForm && t.fullForm.length >= 4 && /^[\u3400-\u9fff]+$/.test(t.fullForm) && !isDictWord(t.text)) {
        owners.set(t.text, t.fullForm);
        owners.set(t.fullForm, t.fullForm);
      }
    }
    if (owners.size === 0) return;
    for (const s of [...this.terms.values()]) {
      if (s.text.length < 4 || s.text.length > 10 || s.fullForm || !(s.kinds.has('formulation') || s.kinds.has('quoted')) || isDictWord(s.text)) continue;
      const words = tokenize(s.text);
      if (words.length < 2 || words.length > 3 || dictEntry(words[0].text)?.pos !== 'ns' || !/^n/.test(dictEntry(words[words.length - 1].text)?.pos ?? '')) continue;
      let owner: string | undefined;
      let bare = 0;
      let single = true;
      for (const p of this.suffixArray.positions(s.text, 500)) {
        const before = this.joined.slice(Math.max(0, p - 16), p);
        let form = '';
        for (const f of owners.keys()) if (f.length > form.length && before.endsWith(f)) form = f;
        if (!form) bare++;
        else if (owner && owner !== owners.get(form)) single = false;
        else owner = owners.get(form);
      }
      if (owner && single && bare > 0) this.addShortForm(s.text, owner + s.text, s.count);
    }
  }

  /**
   * A short form of clipped words and the name's other words whole (上合组织: 上海·合作 clipped,
   * 组织) whose clipped part the sources also use alone, before other words (“上合故事”, “上合示范”):
   * that part is a short form too — of the whole name where the rest is a word naming a body
   * (上合峰会 is the 上海合作组织's summit), else of the words it clips (澜湄 of 澜湄合作机制:
   * 澜沧江湄公河). Counted only where it stands as a word of its own: 海上合作 holds no 上合.
   */
  private inferStemShortForms(): void {
    for (const t of [...this.terms.values()]) {
      const full = t.fullForm;
      if (!full || !t.kinds.has('alias') || !/^[\u3400-\u9fff]+$/.test(full) || !/^[\u3400-\u9fff]+$/.test(t.text)) continue;
      const words = tokenize(full).map((w) => w.text);
      // The short form is the first characters of the first k words, then the other words whole
      // (澜湄|合作机制, though 合作 starts with the short form's third character too).
      let clippable = 0;
      while (clippable < words.length - 1 && words[clippable].length >= 2 && t.text[clippable] === words[clippable][0]) clippable++;
      let k = clippable;
      while (k >= 2 && t.text.slice(k) !== words.slice(k).join('')) k--;
      if (k < 2) continue;
      const stem = t.text.slice(0, k);
      const rest = t.text.slice(k);
      if (isDictWord(stem) || this.terms.get(stem)?.fullForm) continue;
      let alone = 0;
      for (const p of this.suffixArray.positions(stem, 200)) {
        const end = p + stem.length;
        if (this.joined.startsWith(rest, end)) continue;
        const prev = this.joined[p - 1] ?? '';
        const next = this.joined[end] ?? '';
        if (isDictWord(prev + stem[0]) || isDictWord(stem[stem.length - 1] + next)) continue;
        alone++;
      }
      if (alone < MIN_STEM_ALONE) continue;
      this.addShortForm(stem, BODY_HEAD.test(rest) ? full : words.slice(0, k).join(''), this.frequency(stem));
    }
  }

  private readonly shortForms: Array<[string, string, number]> = [];

  private addShortForm(short: string, full: string, count: number): void {
    const info = this.entry(short);
    info.kinds.add('alias');
    info.fullForm = full;
    info.count = count;
    this.shortForms.push([short, full, count]);
  }

  /** True when most occurrences of `s` continue a word that starts before it (市基础设施 in 城市基础设施). */
  private mostlyInsideWords(s: string): boolean {
    const positions = this.suffixArray.positions(s, 200);
    let inside = 0;
    for (const p of positions) {
      const prev = this.joined[p - 1];
      if (prev && /[\u3400-\u9fff]/.test(prev) && isDictWord(prev + s[0])) inside++;
    }
    return inside * 2 > positions.length;
  }

  private sameFile(a: string, b: string): boolean {
    const files = this.filesOf(a);
    return this.suffixArray.positions(b, 2000).some((p) => files.has(this.fileAt(p)));
  }

  /** The files `s` occurs in (looking at 2,000 occurrences at most). */
  private filesOf(s: string): Set<number> {
    return new Set(this.suffixArray.positions(s, 2000).map((p) => this.fileAt(p)));
  }

  private fileAt(offset: number): number {
    return lastAtOrBefore(this.fileStarts, offset);
  }

  private articleStarts: Int32Array | undefined;

  /**
   * Distinct articles `s` occurs in (counting at most 5,000 occurrences). Every article of every
   * file has one start in the joined text (a file's first article starts with the file), so an
   * occurrence's article is found by one binary search over all of them.
   */
  /** How many articles hold `s` (its first 5,000 occurrences looked at). */
  articlesContaining(s: string): number {
    if (!this.articleStarts) {
      const starts: number[] = [];
      this.files.forEach((f, fi) => {
        const base = this.fileStarts[fi];
        starts.push(base);
        for (let a = 1; a < f.articles.length; a++) starts.push(base + f.articles[a].start);
      });
      this.articleStarts = Int32Array.from(starts);
    }
    const seen = new Set<number>();
    for (const p of this.suffixArray.positions(s, 5000)) seen.add(lastAtOrBefore(this.articleStarts, p));
    return seen.size;
  }

  private byPath: Map<string, FileIndex> | undefined;

  fileByPath(path: string): FileIndex | undefined {
    this.byPath ??= new Map(this.files.map((f) => [f.source.path, f]));
    return this.byPath.get(path);
  }

  /** A joined-text range as a SourceRef (file, article, rebuilt-text offsets). */
  refAt(start: number, end: number): SourceRef | undefined {
    const fi = this.fileAt(start);
    const f = this.files[fi];
    if (!f) return undefined;
    const s = start - this.fileStarts[fi];
    const e = end - this.fileStarts[fi];
    if (e > f.source.text.length) return undefined;
    const article = Math.max(0, f.articles.findIndex((a) => a.start <= s && s < a.end));
    return { file: f.source.path, article, start: s, end: e };
  }

  /** Every occurrence of `s` in the sources (at most `limit`), in file order. */
  occurrences(s: string, limit = 1000): SourceRef[] {
    return this.refsAt(this.suffixArray.positions(s, limit), s.length);
  }

  /** At most `k` occurrences spread over all of them (see SuffixArray.sample), in file order. */
  sampleOccurrences(s: string, k: number): SourceRef[] {
    return this.refsAt(this.suffixArray.sample(s, k), s.length);
  }

  /** The first occurrence of `s` in file order. */
  firstOccurrence(s: string): SourceRef | undefined {
    const p = this.suffixArray.first(s);
    return p < 0 ? undefined : this.refAt(p, p + s.length);
  }

  /** Occurrences of `s` that start in [from, to) of one file's rebuilt text. */
  occurrencesWithin(s: string, file: string, from: number, to: number): SourceRef[] {
    const fi = this.files.findIndex((f) => f.source.path === file);
    if (fi < 0) return [];
    const base = this.fileStarts[fi];
    return this.refsAt(this.suffixArray.within(s, base + from, base + to), s.length);
  }

  private refsAt(positions: number[], length: number): SourceRef[] {
    const out: SourceRef[] = [];
    for (const p of positions) {
      const ref = this.refAt(p, p + length);
      if (ref) out.push(ref);
    }
    return out;
  }

  /** How many times `s` occurs in the sources' rebuilt text. */
  frequency(s: string): number {
    return this.suffixArray.count(s);
  }

  /** Every phrase the sources misspell themselves, with their usual wording. */
  typoPhrases(): IterableIterator<[string, string]> {
    return this.typoForms.entries();
  }

  /** The sources' own wording for a phrase they misspell themselves, if `text` is such a phrase. */
  typoCorrection(text: string): string | undefined {
    return this.typoForms.get(text);
  }

  term(text: string): TermInfo | undefined {
    return this.terms.get(text);
  }

  allTerms(): IterableIterator<TermInfo> {
    return this.terms.values();
  }

  get termCount(): number {
    return this.terms.size;
  }

  private soundMap: Map<string, string[]> | undefined;

  /** Terms whose toneless pinyin (syllables joined by spaces) is `key`. */
  termsBySound(key: string): string[] {
    if (!this.soundMap) {
      this.soundMap = new Map();
      for (const t of this.terms.values()) {
        if (t.text.length < 3 || t.text.length > 12 || t.count < 2) continue;
        const k = syllables(t.text).join(' ');
        const list = this.soundMap.get(k);
        if (list) list.push(t.text);
        else this.soundMap.set(k, [t.text]);
      }
    }
    return this.soundMap.get(key) ?? [];
  }

  private lineIndexes = new Map<string, LineIndex>();

  /** Line and column (0-based, UTF-16) in the original file of a rebuilt-text offset. */
  position(file: string, offset: number): { line: number; character: number } {
    const f = this.fileByPath(file);
    if (!f) return { line: 0, character: 0 };
    const orig = f.source.map.toOriginal(offset);
    let lines = this.lineIndexes.get(file);
    if (!lines) this.lineIndexes.set(file, (lines = new LineIndex(f.source.original)));
    return lines.positionAt(orig);
  }

  /** A source range as a place in the original file (for links and relatedInformation). */
  placeOf(ref: SourceRef, message = ''): RelatedPlace {
    const a = this.position(ref.file, ref.start);
    // The end maps through the last character, so a range never swallows the line break after it.
    const lastChar = this.position(ref.file, Math.max(ref.start, ref.end - 1));
    return { file: ref.file, line: a.line, character: a.character, endLine: lastChar.line, endCharacter: lastChar.character + (ref.end > ref.start ? 1 : 0), message };
  }

  relatedPlace(ref: SourceRef, message: string): RelatedPlace[] {
    const title = this.article(ref)?.title;
    return [this.placeOf(ref, title ? `${message}：《${title}》` : message)];
  }

  private bigramSet: Set<string> | undefined;

  /** Every two-character sequence inside a term (a cheap filter before one-off lookups). */
  termBigrams(): Set<string> {
    if (!this.bigramSet) {
      this.bigramSet = new Set();
      for (const t of this.terms.keys()) for (let i = 0; i + 1 < t.length; i++) this.bigramSet.add(t.slice(i, i + 2));
    }
    return this.bigramSet;
  }

  /** Known terms of the same length as `text` that differ from it in exactly one character. */
  termsOneOff(text: string): string[] {
    if (!this.oneOffBuilt) {
      this.oneOffBuilt = true;
      for (const t of this.terms.keys()) this.addOneOff(t);
    }
    const out = new Set<string>();
    for (let i = 0; i < text.length; i++) {
      for (const t of this.oneOff.get(text.slice(0, i) + '\u0000' + text.slice(i + 1)) ?? []) if (t !== text) out.add(t);
    }
    return [...out];
  }

  article(ref: SourceRef): Article | undefined {
    return this.fileByPath(ref.file)?.articles[ref.article];
  }

  /** The source sentence that contains a ref. */
  sentenceAt(ref: SourceRef): SourceSentence | undefined {
    return this.sentences.containing(ref);
  }

  /** Whether the joined text is empty (no sources). */
  get isEmpty(): boolean {
    return this.joined.length === 0;
  }


}

/**
 * Candidate abbreviations of a name given as words. Chinese abbreviations clip words to their first
 * character, at least two in a row (上海·合作·组织 → 上合组织, 科技·创新·中心 → 科创中心); the last
 * word stays whole (never 上合组). Keeping a longer part of a compound word (经济社会·发展 →
 * 经济发展) or clipping a single word (人民政府·应当 → 人应当) gives ordinary wording, not a short
 * form: in the official corpus those were nearly all of the inferred short forms, and all wrong.
 * `clippedRuns` are the characters each run of clipped words left (上合), `clipped` those words.
 */
export function abbreviations(words: string[]): Array<{ text: string; clipped: string[]; clippedRuns: string[] }> {
  const out = new Map<string, { text: string; clipped: string[]; clippedRuns: string[] }>();
  const walk = (i: number, acc: string, clipped: string[], runs: string[], run: string) => {
    if (i === words.length - 1) {
      const all = run ? [...runs, run] : runs;
      if (all.some((r) => r.length >= 2) && !out.has(acc + words[i])) out.set(acc + words[i], { text: acc + words[i], clipped, clippedRuns: all.filter((r) => r.length >= 2) });
      return;
    }
    const w = words[i];
    walk(i + 1, acc + w, clipped, run ? [...runs, run] : runs, '');
    if (w.length > 1) walk(i + 1, acc + w[0], [...clipped, w], runs, run + w[0]);
  };
  if (words.length >= 2) walk(0, '', [], [], '');
  return [...out.values()];
}
