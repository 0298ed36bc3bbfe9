// Every source sentence, with a character-trigram lookup that finds the sentences a draft
// sentence or quotation nearly repeats. Postings are kept in one compact array (CSR layout).
import { splitSentences } from '../sources/structure';
import type { FileIndex, SourceRef } from '../types';

export interface SourceSentence extends SourceRef {
  text: string;
}

/** At most this many trigram buckets (the hash has 20 bits)… */
const MAX_BUCKETS = 1 << 20;
/** …and at least this many per trigram occurrence, so that few trigrams share a bucket. */
const BUCKETS_PER_TRIGRAM = 8;
/** Trigrams in more sentences than this carry no signal and are not looked up. */
const STOP_POSTINGS = 4000;

/** The trigram at i, hashed to 20 bits; a smaller table keeps the low bits. */
function trigramHash(s: string, i: number): number {
  return (Math.imul(s.charCodeAt(i), 0x9e3779b1) ^ Math.imul(s.charCodeAt(i + 1), 0x85ebca6b) ^ Math.imul(s.charCodeAt(i + 2), 0xc2b2ae35)) >>> 12;
}

export class SentenceIndex {
  readonly all: SourceSentence[] = [];
  private readonly starts: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly byFile = new Map<string, SourceSentence[]>();
  private votes: Uint16Array | undefined;
  /** Buckets − 1: the table is sized to the sources (a 1M-bucket table took 20 ms to build for two pages). */
  private readonly mask: number;
  private queryStamp: Int32Array | undefined;
  private queries = 0;

  constructor(files: FileIndex[]) {
    for (const f of files) {
      // Every line counts, headings and name lines included (a draft may repeat those too).
      const list: SourceSentence[] = [];
      const text = f.source.text;
      let article = 0;
      let at = 0;
      for (const line of text.split('\n')) {
        while (article + 1 < f.articles.length && f.articles[article + 1].start <= at) article++;
        for (const s of splitSentences(line, at)) list.push({ file: f.source.path, article, start: s.start, end: s.end, text: s.text });
        at += line.length + 1;
      }
      this.byFile.set(f.source.path, list);
      // One by one: spreading a list of a few hundred thousand sentences overflows the call stack.
      for (const x of list) this.all.push(x);
    }
    // One pass hashes every sentence's distinct buckets (stamp[b] is the last sentence that saw
    // bucket b) and counts them per bucket; the postings are then filled from that list.
    const all = this.all;
    let occurrences = 0;
    for (const x of all) occurrences += Math.max(0, x.text.length - 2);
    let size = 1 << 12;
    while (size < MAX_BUCKETS && size < occurrences * BUCKETS_PER_TRIGRAM) size *= 2;
    const mask = (this.mask = size - 1);
    const stamp = new Int32Array(size).fill(-1);
    const counts = new Uint32Array(size + 1);
    const seen = new Uint32Array(occurrences);
    const seenEnd = new Uint32Array(all.length);
    let n = 0;
    for (let id = 0; id < all.length; id++) {
      const t = all[id].text;
      for (let i = 0; i + 2 < t.length; i++) {
        const b = trigramHash(t, i) & mask;
        if (stamp[b] !== id) {
          stamp[b] = id;
          seen[n++] = b;
          counts[b + 1]++;
        }
      }
      seenEnd[id] = n;
    }
    for (let i = 1; i <= size; i++) counts[i] += counts[i - 1];
    this.starts = counts;
    const postings = new Uint32Array(counts[size]);
    const fill = counts.slice(0, size);
    for (let id = 0, k = 0; id < all.length; id++) {
      for (const end = seenEnd[id]; k < end; k++) postings[fill[seen[k]]++] = id;
    }
    this.postings = postings;
  }

  /** The sentence containing a ref's start. */
  containing(ref: SourceRef): SourceSentence | undefined {
    const list = this.byFile.get(ref.file);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid].end <= ref.start) lo = mid + 1;
      else if (list[mid].start > ref.start) hi = mid - 1;
      else return list[mid];
    }
    return undefined;
  }

  /**
   * Sentences sharing at least `minShare` of the query's trigrams, best first. `votes` is the
   * number of the query's distinct trigrams found in the sentence.
   */
  similar(query: string, minShare = 0.5, limit = 5): Array<{ sentence: SourceSentence; votes: number; grams: number }> {
    if (query.length < 3 || this.all.length === 0) return [];
    // Votes are counted in one array reused across queries (a Map per query was most of the cost).
    this.votes ??= new Uint16Array(this.all.length);
    const votes = this.votes;
    const touched: number[] = [];
    // The query's distinct buckets, found with a stamp per bucket (a Set per query cost as much as the votes).
    this.queryStamp ??= new Int32Array(this.mask + 1);
    const stamp = this.queryStamp;
    if (++this.queries === 0x7fffffff) {
      stamp.fill(0);
      this.queries = 1;
    }
    const queryId = this.queries;
    const buckets: number[] = [];
    for (let i = 0; i + 2 < query.length; i++) {
      const b = trigramHash(query, i) & this.mask;
      if (stamp[b] !== queryId) {
        stamp[b] = queryId;
        buckets.push(b);
      }
    }
    const grams = buckets.length;
    for (const b of buckets) {
      const from = this.starts[b];
      const to = this.starts[b + 1];
      if (to - from > STOP_POSTINGS) continue;
      for (let k = from; k < to; k++) {
        const id = this.postings[k];
        if (votes[id]++ === 0) touched.push(id);
      }
    }
    const need = Math.max(1, Math.ceil(grams * minShare));
    const out: Array<{ sentence: SourceSentence; votes: number; grams: number }> = [];
    for (const id of touched) {
      if (votes[id] >= need) out.push({ sentence: this.all[id], votes: votes[id], grams });
      votes[id] = 0;
    }
    out.sort((a, b) => b.votes - a.votes || a.sentence.text.length - b.sentence.text.length);
    return out.slice(0, limit);
  }
}
