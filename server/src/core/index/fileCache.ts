// The on-disk form of a FileIndex. The cache is read on every start, so it holds only what cannot
// be had cheaply again: no text (the file itself is read anyway and the rebuilt text is sliced from
// it by the offset pieces), no file paths (a file may move), places as number triples.
import { OffsetMap } from '../text/offsetMap';
import type { Article, FileIndex, SourceRef, TermKind } from '../types';

/** [article, start, end] */
type CachedRef = [number, number, number];

export interface CachedFileIndex {
  format: 2;
  hash: string;
  originalLength: number;
  pieces: number[];
  /** Articles with sentences as [start, end] (their text is a slice of the rebuilt text). */
  articles: Array<Omit<Article, 'paragraphs'> & { paragraphs: Array<{ start: number; end: number; sentences: number[] }> }>;
  terms: Array<{ text: string; kind: TermKind; refs: CachedRef[] }>;
  definitions: Array<{ term: string; definition: string; named?: boolean; ref: CachedRef }>;
  aliases: Array<{ alias: string; full: string; ref: CachedRef }>;
  statements: Array<{ text: string; speaker?: string; ref: CachedRef }>;
}

const ref3 = (r: SourceRef): CachedRef => [r.article, r.start, r.end];

export function toCached(index: FileIndex): CachedFileIndex | undefined {
  const { source } = index;
  const articles: CachedFileIndex['articles'] = [];
  for (const a of index.articles) {
    const paragraphs: CachedFileIndex['articles'][number]['paragraphs'] = [];
    for (const p of a.paragraphs) {
      const sentences: number[] = [];
      for (const s of p.sentences) {
        // Only sentences that are plain slices can be stored as ranges; anything else is not cached.
        if (source.text.slice(s.start, s.end) !== s.text) return undefined;
        sentences.push(s.start, s.end);
      }
      paragraphs.push({ start: p.start, end: p.end, sentences });
    }
    articles.push({ ...a, paragraphs });
  }
  return {
    format: 2,
    hash: source.hash,
    originalLength: source.original.length,
    pieces: [...source.map.pieces],
    articles,
    terms: index.terms.map((t) => ({ text: t.text, kind: t.kind, refs: t.refs.map(ref3) })),
    definitions: index.definitions.map((d) => ({ term: d.term, definition: d.definition, ...(d.named ? { named: true } : {}), ref: ref3(d.ref) })),
    aliases: index.aliases.map((a) => ({ alias: a.alias, full: a.full, ref: ref3(a.ref) })),
    statements: index.statements.map((s) => ({ text: s.text, ...(s.speaker !== undefined ? { speaker: s.speaker } : {}), ref: ref3(s.ref) })),
  };
}

const isRef = (x: unknown): x is CachedRef => Array.isArray(x) && x.length === 3 && x.every((n) => Number.isInteger(n) && n >= 0);

/**
 * The FileIndex of `file` from its cached form, or undefined when the cache is not for these bytes
 * or is damaged (then the file is mined again).
 */
export function fromCached(c: CachedFileIndex, file: { path: string; hash: string; text: string; encoding: string }): FileIndex | undefined {
  if (!c || c.format !== 2 || c.hash !== file.hash || !Array.isArray(c.pieces)) return undefined;
  if (!Array.isArray(c.articles) || !Array.isArray(c.terms) || !Array.isArray(c.definitions) || !Array.isArray(c.aliases) || !Array.isArray(c.statements)) return undefined;
  const map = new OffsetMap(c.pieces, c.originalLength);
  if (!map.fits(file.text)) return undefined;
  const text = map.rebuild(file.text);
  const inText = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= text.length;
  const articles: Article[] = [];
  for (const a of c.articles) {
    if (!a || !Array.isArray(a.paragraphs) || typeof a.title !== 'string' || !Array.isArray(a.markers) || !inText(a.start, a.end)) return undefined;
    const paragraphs: Article['paragraphs'] = [];
    for (const p of a.paragraphs) {
      if (!p || !Array.isArray(p.sentences) || p.sentences.length % 2 !== 0 || !inText(p.start, p.end)) return undefined;
      const sentences: Article['paragraphs'][number]['sentences'] = [];
      for (let i = 0; i < p.sentences.length; i += 2) {
        const start = p.sentences[i];
        const end = p.sentences[i + 1];
        if (!inText(start, end)) return undefined;
        sentences.push({ start, end, text: text.slice(start, end) });
      }
      paragraphs.push({ start: p.start, end: p.end, sentences });
    }
    articles.push({ ...a, paragraphs });
  }
  const refOk = (r: unknown) => isRef(r) && r[0] < articles.length && inText(r[1], r[2]);
  const ref = (r: CachedRef): SourceRef => ({ file: file.path, article: r[0], start: r[1], end: r[2] });
  for (const t of c.terms) if (!t || typeof t.text !== 'string' || !Array.isArray(t.refs) || !t.refs.every(refOk)) return undefined;
  for (const x of [...c.definitions, ...c.aliases, ...c.statements]) if (!x || !refOk(x.ref)) return undefined;
  return {
    source: { path: file.path, hash: file.hash, encoding: file.encoding, original: file.text, text, map },
    articles,
    terms: c.terms.map((t) => ({ text: t.text, kind: t.kind, refs: t.refs.map(ref) })),
    definitions: c.definitions.map((d) => ({ term: d.term, definition: d.definition, named: d.named === true, ref: ref(d.ref) })),
    aliases: c.aliases.map((a) => ({ alias: a.alias, full: a.full, ref: ref(a.ref) })),
    statements: c.statements.map((s) => ({ text: s.text, ...(s.speaker !== undefined ? { speaker: s.speaker } : {}), ref: ref(s.ref) })),
  };
}
