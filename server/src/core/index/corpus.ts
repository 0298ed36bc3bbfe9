// The source index: every file's structure and mined vocabulary, merged into lookups the
// features and rules query. Built from FileIndex values (which are cached per content hash).
import type { Article, FileIndex, SourceRef, TermKind } from '../types';

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

export class CorpusIndex {
  readonly files: FileIndex[];
  private readonly terms = new Map<string, TermInfo>();
  private readonly joined: string;

  constructor(files: FileIndex[]) {
    this.files = files;
    this.joined = files.map((f) => f.source.text).join('\n\u0000\n');
    for (const f of files) {
      for (const t of f.terms) {
        const info = this.entry(t.text);
        info.kinds.add(t.kind);
        info.refs.push(...t.refs);
      }
      for (const d of f.definitions) {
        const info = this.entry(d.term);
        info.kinds.add('defined');
        info.definition ??= { text: d.definition, ref: d.ref };
      }
      for (const a of f.aliases) {
        const info = this.entry(a.alias);
        info.kinds.add('alias');
        info.fullForm ??= a.full;
        info.refs.push(a.ref);
      }
    }
    for (const info of this.terms.values()) {
      info.count = this.frequency(info.text);
      info.articles = new Set(info.refs.map((r) => `${r.file}#${r.article}`)).size;
    }
  }

  static empty(): CorpusIndex {
    return new CorpusIndex([]);
  }

  private entry(text: string): TermInfo {
    let info = this.terms.get(text);
    if (!info) {
      info = { text, kinds: new Set(), count: 0, articles: 0, refs: [] };
      this.terms.set(text, info);
    }
    return info;
  }

  /** How many times `s` occurs in the sources' rebuilt text. */
  frequency(s: string): number {
    if (!s) return 0;
    let n = 0;
    for (let at = this.joined.indexOf(s); at >= 0; at = this.joined.indexOf(s, at + s.length)) n++;
    return n;
  }

  term(text: string): TermInfo | undefined {
    return this.terms.get(text);
  }

  allTerms(): IterableIterator<TermInfo> {
    return this.terms.values();
  }

  article(ref: SourceRef): Article | undefined {
    return this.files.find((f) => f.source.path === ref.file)?.articles[ref.article];
  }
}
