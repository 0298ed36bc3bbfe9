// The on-disk form of a FileIndex. The cache is read on every start, so it holds only what cannot
// be had cheaply again: no text (the file itself is read anyway and the rebuilt text is sliced from
// it by the offset pieces), no file paths (a file may move). Numbers are kept in flat columns, not
// an array or object per sentence or place: parsing 120 k tiny arrays was most of a warm start.
import { OffsetMap } from '../text/offsetMap';
import { TERM_KINDS, type Article, type FileIndex, type SourceRef } from '../types';
import type { SourceContent } from '../sources/sourceText';

/** [article, start, end] */
type CachedRef = [number, number, number];

export interface CachedFileIndex {
  format: 3;
  hash: string;
  originalLength: number;
  pieces: number[];
  /** Articles without their paragraphs; `paragraphs` is how many of the list below are theirs. */
  articles: Array<Omit<Article, 'paragraphs'> & { paragraphs: number }>;
  /** Per paragraph, in article order: start, end, number of sentences. */
  paragraphs: number[];
  /** Per sentence, in paragraph order: start, end (its text is a slice of the rebuilt text). */
  sentences: number[];
  /** Per term: its text, its kind (index into TERM_KINDS), and in `refs` its number of places followed by article, start, end of each. */
  terms: { texts: string[]; kinds: number[]; refs: number[] };
  definitions: Array<{ term: string; definition: string; named?: boolean; ref: CachedRef }>;
  aliases: Array<{ alias: string; full: string; ref: CachedRef }>;
  statements: Array<{ text: string; speaker?: string; ref: CachedRef }>;
}

const ref3 = (r: SourceRef): CachedRef => [r.article, r.start, r.end];

export function toCached(index: FileIndex): CachedFileIndex | undefined {
  const { source } = index;
  const articles: CachedFileIndex['articles'] = [];
  const paragraphs: number[] = [];
  const sentences: number[] = [];
  for (const a of index.articles) {
    for (const p of a.paragraphs) {
      for (const s of p.sentences) {
        // Only sentences that are plain slices can be stored as ranges; anything else is not cached.
        if (source.text.slice(s.start, s.end) !== s.text) return undefined;
        sentences.push(s.start, s.end);
      }
      paragraphs.push(p.start, p.end, p.sentences.length);
    }
    articles.push({ ...a, paragraphs: a.paragraphs.length });
  }
  const terms: CachedFileIndex['terms'] = { texts: [], kinds: [], refs: [] };
  for (const t of index.terms) {
    terms.texts.push(t.text);
    terms.kinds.push(TERM_KINDS.indexOf(t.kind));
    terms.refs.push(t.refs.length);
    for (const r of t.refs) terms.refs.push(r.article, r.start, r.end);
  }
  return {
    format: 3,
    hash: source.hash,
    originalLength: source.original.length,
    pieces: [...source.map.pieces],
    articles,
    paragraphs,
    sentences,
    terms,
    definitions: index.definitions.map((d) => ({ term: d.term, definition: d.definition, ...(d.named ? { named: true } : {}), ref: ref3(d.ref) })),
    aliases: index.aliases.map((a) => ({ alias: a.alias, full: a.full, ref: ref3(a.ref) })),
    statements: index.statements.map((s) => ({ text: s.text, ...(s.speaker !== undefined ? { speaker: s.speaker } : {}), ref: ref3(s.ref) })),
  };
}

/** A non-negative integer (a count, an offset, a position in a list). */
export const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;
const isRef = (x: unknown): x is CachedRef => Array.isArray(x) && x.length === 3 && x.every(isCount);
const isCountList = (x: unknown): x is number[] => Array.isArray(x) && x.every(isCount);

/**
 * The FileIndex of `file` from its cached form, or undefined when the cache is not for these bytes
 * or is damaged (then the file is mined again).
 */
export function fromCached(c: CachedFileIndex, file: SourceContent): FileIndex | undefined {
  if (!c || c.format !== 3 || c.hash !== file.hash || !Array.isArray(c.pieces) || !Array.isArray(c.articles)) return undefined;
  if (!isCountList(c.paragraphs) || !isCountList(c.sentences) || c.paragraphs.length % 3 !== 0 || c.sentences.length % 2 !== 0) return undefined;
  const terms = c.terms;
  if (!terms || !Array.isArray(terms.texts) || !isCountList(terms.kinds) || !isCountList(terms.refs) || terms.kinds.length !== terms.texts.length) return undefined;
  if (!Array.isArray(c.definitions) || !Array.isArray(c.aliases) || !Array.isArray(c.statements)) return undefined;
  const map = new OffsetMap(c.pieces, c.originalLength);
  if (!map.fits(file.text)) return undefined;
  const text = map.rebuild(file.text);
  const inText = (s: number, e: number) => Number.isInteger(s) && Number.isInteger(e) && 0 <= s && s <= e && e <= text.length;

  const articles: Article[] = [];
  let p = 0; // next paragraph (index into c.paragraphs / 3)
  let s = 0; // next sentence (index into c.sentences / 2)
  for (const a of c.articles) {
    if (!a || !isCount(a.paragraphs) || typeof a.title !== 'string' || !Array.isArray(a.markers) || !inText(a.start, a.end)) return undefined;
    const paragraphs: Article['paragraphs'] = [];
    for (let k = 0; k < a.paragraphs; k++, p++) {
      if (3 * p >= c.paragraphs.length) return undefined;
      const pStart = c.paragraphs[3 * p];
      const pEnd = c.paragraphs[3 * p + 1];
      const count = c.paragraphs[3 * p + 2];
      if (!inText(pStart, pEnd) || 2 * (s + count) > c.sentences.length) return undefined;
      const sentences: Article['paragraphs'][number]['sentences'] = [];
      for (let j = 0; j < count; j++, s++) {
        const start = c.sentences[2 * s];
        const end = c.sentences[2 * s + 1];
        if (!inText(start, end)) return undefined;
        sentences.push({ start, end, text: text.slice(start, end) });
      }
      paragraphs.push({ start: pStart, end: pEnd, sentences });
    }
    articles.push({ ...a, paragraphs });
  }
  if (3 * p !== c.paragraphs.length || 2 * s !== c.sentences.length) return undefined;

  const refOk = (article: number, start: number, end: number) => article < articles.length && inText(start, end);
  const ref = (article: number, start: number, end: number): SourceRef => ({ file: file.path, article, start, end });
  // Checked now, built on first use: a warm start whose corpus-wide term table is cached never
  // needs the files' own terms (100 k objects for 1,200 files).
  let r = 0;
  for (let i = 0; i < terms.texts.length; i++) {
    const count = terms.refs[r++];
    if (typeof terms.texts[i] !== 'string' || TERM_KINDS[terms.kinds[i]] === undefined || count === undefined || r + 3 * count > terms.refs.length) return undefined;
    for (let j = 0; j < count; j++, r += 3) if (!refOk(terms.refs[r], terms.refs[r + 1], terms.refs[r + 2])) return undefined;
  }
  if (r !== terms.refs.length) return undefined;
  const ref3Ok = (x: unknown): x is CachedRef => isRef(x) && refOk(x[0], x[1], x[2]);
  for (const x of [...c.definitions, ...c.aliases, ...c.statements]) if (!x || !ref3Ok(x.ref)) return undefined;
  const fromRef3 = (x: CachedRef) => ref(x[0], x[1], x[2]);
  let minedTerms: FileIndex['terms'] | undefined;
  const buildTerms = (): FileIndex['terms'] => {
    const out: FileIndex['terms'] = [];
    let at = 0;
    for (let i = 0; i < terms.texts.length; i++) {
      const refs: SourceRef[] = [];
      for (let count = terms.refs[at++]; count > 0; count--, at += 3) refs.push(ref(terms.refs[at], terms.refs[at + 1], terms.refs[at + 2]));
      out.push({ text: terms.texts[i], kind: TERM_KINDS[terms.kinds[i]], refs });
    }
    return out;
  };
  return {
    source: { path: file.path, hash: file.hash, encoding: file.encoding, original: file.text, text, map },
    articles,
    get terms() {
      return (minedTerms ??= buildTerms());
    },
    definitions: c.definitions.map((d) => ({ term: d.term, definition: d.definition, named: d.named === true, ref: fromRef3(d.ref) })),
    aliases: c.aliases.map((a) => ({ alias: a.alias, full: a.full, ref: fromRef3(a.ref) })),
    statements: c.statements.map((x) => ({ text: x.text, ...(x.speaker !== undefined ? { speaker: x.speaker } : {}), ref: fromRef3(x.ref) })),
  };
}
