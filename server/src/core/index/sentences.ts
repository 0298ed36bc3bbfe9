// Every source sentence, with a character-trigram lookup that finds the sentences a draft
// sentence or quotation nearly repeats. Postings are kept in one compact array (CSR layout).
import { splitSentences } from '../sources/structure';
import type { FileIndex, SourceRef } from '../types';
import { ownCopy } from '../util/ownCopy';

export interface SourceSentence extends SourceRef {
  text: string;
}

export interface SimilarSentence {
  sentence: SourceSentence;
  votes: number;
  grams: number;
}

/** At most this many trigram buckets (the hash has 20 bits)… */
const MAX_BUCKETS = 1 << 20;
/** …and at least this many per trigram occurrence, so that few trigrams share a bucket. */
const BUCKETS_PER_TRIGRAM = 8;
/** Trigrams in more sentences than this carry no signal and are not looked up. */
export const STOP_POSTINGS = 4000;
/** Recent answers kept (see `answers`), and the longest query whose answer is kept. */
const REMEMBERED_ANSWERS = 4096;
const MAX_REMEMBERED_QUERY = 1000;
/** List lengths are kept above the bucket's 20 bits when the lists are sorted by length. */
const BUCKET_SPAN = MAX_BUCKETS; // STOP_POSTINGS × 2^20 stays below 2^32
/** A long list is read through when it holds fewer than this many entries per candidate left, else galloped. */
const GALLOP = 4;

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
  /**
   * Answers to recent queries, oldest first, under keys of their own (see util/ownCopy). A paragraph is checked again at every keystroke in
   * it, and all its sentences but the one being typed in ask the same as before.
   */
  private readonly answers = new Map<string, readonly SimilarSentence[]>();

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

  /** The distinct trigram buckets of a text, in the order of their first trigram (what a query votes with). */
  bucketsOf(text: string): number[] {
    const seen = new Set<number>();
    for (let i = 0; i + 2 < text.length; i++) seen.add(trigramHash(text, i) & this.mask);
    return [...seen];
  }

  /** How many sentences have a trigram in the bucket. */
  postingsIn(bucket: number): number {
    return this.starts[bucket + 1] - this.starts[bucket];
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
  similar(query: string, minShare = 0.5, limit = 5): SimilarSentence[] {
    if (query.length < 3 || this.all.length === 0) return [];
    if (query.length > MAX_REMEMBERED_QUERY) return this.search(query, minShare, limit);
    const key = `${minShare}:${limit}:${query}`;
    // (Oldest out first, not least recently used: re-setting a hit would store the key made
    // here, a slice of the caller's text that keeps all of that text alive.)
    const known = this.answers.get(key);
    if (known) return known.slice();
    const found = this.search(query, minShare, limit);
    if (this.answers.size >= REMEMBERED_ANSWERS) this.answers.delete(this.answers.keys().next().value as string);
    this.answers.set(ownCopy(key), found.slice());
    return found;
  }

  private search(query: string, minShare: number, limit: number): SimilarSentence[] {
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
    const need = Math.max(1, Math.ceil(grams * minShare));
    // Prefix filtering: a sentence with `need` votes is in at least one of the live lists but the
    // need − 1 longest, so those shorter lists alone name the candidates, and the longest lists
    // (most of the postings: 的发展, 建设的) are only asked about them. Each list is sorted by
    // sentence, so a few candidates are looked up in a long list by galloping, not by reading it.
    // Shortest first, sorted natively as list length × 2^20 + bucket (buckets have 20 bits).
    const live = new Uint32Array(buckets.length);
    let lives = 0;
    for (const b of buckets) {
      const size = this.starts[b + 1] - this.starts[b];
      if (size <= STOP_POSTINGS) live[lives++] = size * BUCKET_SPAN + b;
    }
    if (lives < need) return [];
    live.subarray(0, lives).sort();
    for (let j = 0; j < lives; j++) live[j] %= BUCKET_SPAN;
    const prefix = lives - need + 1;
    for (let j = 0; j < prefix; j++) {
      const from = this.starts[live[j]];
      const to = this.starts[live[j] + 1];
      for (let k = from; k < to; k++) {
        const id = this.postings[k];
        if (votes[id]++ === 0) touched.push(id);
      }
    }
    // (A typed array sorts numbers natively: a comparator cost more than all the lists above.)
    const alive = Uint32Array.from(touched).sort();
    let alives = alive.length;
    for (let j = prefix; j < lives && alives; j++) {
      // A candidate that could not reach `need` with every list left is dropped.
      const left = lives - j;
      let kept = 0;
      for (let a = 0; a < alives; a++) if (votes[alive[a]] + left >= need) alive[kept++] = alive[a];
      alives = kept;
      const from = this.starts[live[j]];
      const to = this.starts[live[j] + 1];
      if (alives * GALLOP >= to - from) {
        for (let k = from; k < to; k++) {
          const id = this.postings[k];
          if (votes[id] > 0) votes[id]++;
        }
        continue;
      }
      let k = from;
      for (let a = 0; a < alives; a++) {
        const id = alive[a];
        k = firstAtLeast(this.postings, k, to, id);
        if (k === to) break;
        if (this.postings[k] === id) votes[id]++;
      }
    }
    const passed: number[] = [];
    for (const id of touched) if (votes[id] >= need) passed.push(id);
    // Most votes first, then the shortest sentence; ties go to the sentence read first (the
    // earlier file's of two that say the same).
    const all = this.all;
    const before = (a: number, b: number) => votes[b] - votes[a] || all[a].text.length - all[b].text.length || a - b;
    let best = passed;
    if (limit === 1 && passed.length > 1) best = [passed.reduce((x, y) => (before(y, x) < 0 ? y : x))];
    else best.sort(before);
    const out = best.slice(0, limit).map((id) => ({ sentence: all[id], votes: votes[id], grams }));
    for (const id of touched) votes[id] = 0;
    return out;
  }
}

/** The first k in [from, to) with list[k] ≥ id (list sorted), by galloping from `from`. */
function firstAtLeast(list: Uint32Array, from: number, to: number, id: number): number {
  let step = 1;
  let lo = from;
  let hi = from;
  while (hi < to && list[hi] < id) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > to) hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
