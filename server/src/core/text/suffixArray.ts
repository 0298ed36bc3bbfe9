// A suffix array over the sources' text: exact occurrence counts and positions of any string in
// O(m log n), which rules ask for on every keystroke ("how often do the sources write this?").
// Built by induced sorting (SA-IS) in linear time; compact: the text and one Int32Array. A cold
// index builds it on a worker thread while the main thread mines the files.
import { runOwnWorker } from '../util/ownWorker';
import { inducedSort } from './inducedSort';

export class SuffixArray {
  private constructor(
    readonly text: string,
    readonly sa: Int32Array,
  ) {}

  static build(text: string): SuffixArray {
    return new SuffixArray(text, buildSuffixArray(text));
  }

  /**
   * Builds it on a worker thread for a large text: a second core sorts while this one goes on (a
   * cold index mines the files meanwhile; a server keeps answering). Builds it here when a thread
   * cannot be started; undefined when `signal` aborted first.
   */
  static async buildInWorker(text: string, signal?: AbortSignal): Promise<SuffixArray | undefined> {
    const { s, upper } = symbolsOf(text);
    if (s.length < WORKER_MIN_LENGTH) return new SuffixArray(text, inducedSort(s, upper));
    try {
      const sa = await sortOnWorker(s, upper, signal);
      if (sa.length === text.length) return new SuffixArray(text, sa);
    } catch {
      // No thread (a restricted host) or it failed: sort here instead, unless nobody wants it.
    }
    return signal?.aborted ? undefined : SuffixArray.build(text);
  }

  static fromArray(text: string, sa: Int32Array): SuffixArray {
    return new SuffixArray(text, sa);
  }

  /**
   * Where the suffixes starting with each code unit begin in the array (the end of the last at
   * 65536): they are sorted by code unit, so this is a running count of the text's code units. A
   * search starts in its first character's bucket, skipping most of the random reads of a binary
   * search over the whole array (slow memory made those the cost of a look-up).
   */
  private buckets: Int32Array | undefined;

  private bucketStarts(): Int32Array {
    if (!this.buckets) {
      const starts = new Int32Array(65537);
      const t = this.text;
      for (let i = 0; i < t.length; i++) starts[t.charCodeAt(i) + 1]++;
      for (let c = 1; c <= 65536; c++) starts[c] += starts[c - 1];
      this.buckets = starts;
    }
    return this.buckets;
  }

  /** Compares the suffix at `pos` with `pattern` over the pattern's length, from `from` on (the characters before are equal). */
  private compareAt(pos: number, pattern: string, from: number): number {
    const t = this.text;
    const n = t.length;
    for (let i = from; i < pattern.length; i++) {
      if (pos + i >= n) return -1;
      const d = t.charCodeAt(pos + i) - pattern.charCodeAt(i);
      if (d !== 0) return d;
    }
    return 0;
  }

  /** [lo, hi) range of suffixes that start with pattern. */
  range(pattern: string): [number, number] {
    const sa = this.sa;
    if (!pattern) return [0, sa.length];
    const buckets = this.bucketStarts();
    const c = pattern.charCodeAt(0);
    let lo = buckets[c];
    let hi = buckets[c + 1];
    // Past the first character; the first search also narrows the second one's end.
    let end = hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const d = this.compareAt(sa[mid], pattern, 1);
      if (d < 0) lo = mid + 1;
      else {
        if (d > 0) end = mid;
        hi = mid;
      }
    }
    const start = lo;
    hi = end;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(sa[mid], pattern, 1) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return [start, lo];
  }

  count(pattern: string): number {
    if (!pattern) return 0;
    const [a, b] = this.range(pattern);
    return b - a;
  }

  /**
   * At most `k` start offsets spread evenly over all occurrences in suffix order (so over the
   * different contexts that follow the pattern), sorted by offset. A very frequent term (中国 in
   * 5 M characters: 30,000 times) is shown by a sample, not by the occurrences that happen to sort first.
   */
  sample(pattern: string, k: number): number[] {
    if (!pattern || k <= 0) return [];
    const [a, b] = this.range(pattern);
    const n = b - a;
    const out: number[] = [];
    if (n <= k) for (let i = a; i < b; i++) out.push(this.sa[i]);
    else for (let j = 0; j < k; j++) out.push(this.sa[a + Math.floor((j * n) / k)]);
    return out.sort((x, y) => x - y);
  }

  /** The first occurrence in the text, or -1. */
  first(pattern: string): number {
    if (!pattern) return -1;
    const [a, b] = this.range(pattern);
    let min = -1;
    for (let i = a; i < b; i++) if (min < 0 || this.sa[i] < min) min = this.sa[i];
    return min;
  }

  /** Occurrences that start in [from, to), sorted. */
  within(pattern: string, from: number, to: number): number[] {
    if (!pattern) return [];
    const [a, b] = this.range(pattern);
    const out: number[] = [];
    for (let i = a; i < b; i++) if (this.sa[i] >= from && this.sa[i] < to) out.push(this.sa[i]);
    return out.sort((x, y) => x - y);
  }

  /** Start offsets of the occurrences, sorted, at most `limit`. */
  positions(pattern: string, limit = Infinity): number[] {
    if (!pattern) return [];
    const [a, b] = this.range(pattern);
    const out: number[] = [];
    for (let i = a; i < b && out.length < limit; i++) out.push(this.sa[i]);
    return out.sort((x, y) => x - y);
  }
}

/** Suffix array of a UTF-16 string (see inducedSort). */
function buildSuffixArray(text: string): Int32Array {
  const { s, upper } = symbolsOf(text);
  return inducedSort(s, upper);
}

/** Code units compressed to dense symbols 0…upper, so the buckets stay small. */
function symbolsOf(text: string): { s: Int32Array; upper: number } {
  const n = text.length;
  const seen = new Uint8Array(65536);
  for (let i = 0; i < n; i++) seen[text.charCodeAt(i)] = 1;
  const code = new Int32Array(65536);
  let upper = -1;
  for (let c = 0; c < 65536; c++) if (seen[c]) code[c] = ++upper;
  const s = new Int32Array(n);
  for (let i = 0; i < n; i++) s[i] = code[text.charCodeAt(i)];
  return { s, upper };
}

/** Below this many characters a thread costs more than it saves (starting one takes ~30 ms). */
const WORKER_MIN_LENGTH = 200_000;

/**
 * Runs inducedSort on a worker thread started from our own script file (never from a string): the
 * symbols go over and the result comes back without copying. Exported for the tests.
 */
export function sortOnWorker(s: Int32Array, upper: number, signal?: AbortSignal): Promise<Int32Array> {
  return runOwnWorker('suffixArrayWorker.js', { s, upper }, [s.buffer as ArrayBuffer], (m): m is Int32Array => m instanceof Int32Array, signal);
}
