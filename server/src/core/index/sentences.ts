// Every source sentence, with a character-trigram lookup that finds the sentences a draft
// sentence or quotation nearly repeats. Postings are kept in one compact array (CSR layout).
import { splitSentences } from '../sources/structure';
import type { FileIndex, SourceRef } from '../types';

export interface SourceSentence extends SourceRef {
  text: string;
}

const BUCKETS = 1 << 20;
/** Trigrams in more sentences than this carry no signal and are not looked up. */
const STOP_POSTINGS = 4000;

function trigramHash(s: string, i: number): number {
  return (Math.imul(s.charCodeAt(i), 0x9e3779b1) ^ Math.imul(s.charCodeAt(i + 1), 0x85ebca6b) ^ Math.imul(s.charCodeAt(i + 2), 0xc2b2ae35)) >>> 12 & (BUCKETS - 1);
}

export class SentenceIndex {
  readonly all: SourceSentence[] = [];
  private readonly starts: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly byFile = new Map<string, SourceSentence[]>();
  private votes: Uint16Array | undefined;

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
    // Two passes: count per bucket, then fill (one sentence id per distinct bucket per sentence;
    // stamp[b] is the last sentence that visited bucket b).
    const all = this.all;
    const stamp = new Int32Array(BUCKETS);
    const eachBucketOnce = (visit: (bucket: number, id: number) => void) => {
      stamp.fill(-1);
      for (let id = 0; id < all.length; id++) {
        const t = all[id].text;
        for (let i = 0; i + 2 < t.length; i++) {
          const b = trigramHash(t, i);
          if (stamp[b] !== id) {
            stamp[b] = id;
            visit(b, id);
          }
        }
      }
    };
    const counts = new Uint32Array(BUCKETS + 1);
    eachBucketOnce((b) => counts[b + 1]++);
    for (let i = 1; i <= BUCKETS; i++) counts[i] += counts[i - 1];
    this.starts = counts;
    const postings = new Uint32Array(counts[BUCKETS]);
    const fill = counts.slice(0, BUCKETS);
    eachBucketOnce((b, id) => (postings[fill[b]++] = id));
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
    const buckets = new Set<number>();
    for (let i = 0; i + 2 < query.length; i++) buckets.add(trigramHash(query, i));
    const grams = buckets.size;
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
