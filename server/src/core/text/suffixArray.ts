// A suffix array over the sources' text: exact occurrence counts and positions of any string in
// O(m log n), which rules ask for on every keystroke ("how often do the sources write this?").
// Built by prefix doubling with radix sort (O(n log n)), compact: two Int32Arrays.

export class SuffixArray {
  private constructor(
    readonly text: string,
    readonly sa: Int32Array,
  ) {}

  static build(text: string): SuffixArray {
    return new SuffixArray(text, buildSuffixArray(text));
  }

  static fromArray(text: string, sa: Int32Array): SuffixArray {
    return new SuffixArray(text, sa);
  }

  /** Compares the suffix at `pos` with `pattern` over the pattern's length. */
  private compareAt(pos: number, pattern: string): number {
    const t = this.text;
    const n = t.length;
    for (let i = 0; i < pattern.length; i++) {
      if (pos + i >= n) return -1;
      const d = t.charCodeAt(pos + i) - pattern.charCodeAt(i);
      if (d !== 0) return d;
    }
    return 0;
  }

  /** [lo, hi) range of suffixes that start with pattern. */
  range(pattern: string): [number, number] {
    const sa = this.sa;
    let lo = 0;
    let hi = sa.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(sa[mid], pattern) < 0) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    hi = sa.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compareAt(sa[mid], pattern) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return [start, lo];
  }

  count(pattern: string): number {
    if (!pattern) return 0;
    if (pattern.length > SORTED_PREFIX) return this.positions(pattern).length;
    const [a, b] = this.range(pattern);
    return b - a;
  }

  /** Start offsets of the occurrences, sorted, at most `limit`. */
  positions(pattern: string, limit = Infinity): number[] {
    if (!pattern) return [];
    const long = pattern.length > SORTED_PREFIX;
    const [a, b] = this.range(long ? pattern.slice(0, SORTED_PREFIX) : pattern);
    const out: number[] = [];
    for (let i = a; i < b && out.length < limit; i++) {
      if (!long || this.text.startsWith(pattern, this.sa[i])) out.push(this.sa[i]);
    }
    return out.sort((x, y) => x - y);
  }
}

/** Suffixes are sorted by this many leading characters; longer patterns are verified one by one. */
const SORTED_PREFIX = 256;

function buildSuffixArray(text: string): Int32Array {
  const n = text.length;
  const sa = new Int32Array(n);
  if (n === 0) return sa;
  let rank = new Int32Array(n);
  let tmp = new Int32Array(n);
  // Initial ranks: UTF-16 code units compressed to dense ranks.
  const seen = new Uint8Array(65536);
  for (let i = 0; i < n; i++) seen[text.charCodeAt(i)] = 1;
  const code = new Int32Array(65536);
  let r = 0;
  for (let c = 0; c < 65536; c++) if (seen[c]) code[c] = ++r;
  for (let i = 0; i < n; i++) rank[i] = code[text.charCodeAt(i)];
  let maxRank = r;
  const order = new Int32Array(n);
  let count = new Int32Array(maxRank + 2);
  for (let k = 1; ; k <<= 1) {
    // Sort by (rank[i], rank[i+k]) with two counting-sort passes: second key, then first key.
    if (count.length < maxRank + 2) count = new Int32Array(maxRank + 2);
    count.fill(0);
    for (let i = 0; i < n; i++) count[i + k < n ? rank[i + k] : 0]++;
    for (let i = 1; i < maxRank + 2; i++) count[i] += count[i - 1];
    for (let i = n - 1; i >= 0; i--) order[--count[i + k < n ? rank[i + k] : 0]] = i;
    count.fill(0);
    for (let i = 0; i < n; i++) count[rank[i]]++;
    for (let i = 1; i < maxRank + 2; i++) count[i] += count[i - 1];
    for (let i = n - 1; i >= 0; i--) {
      const s = order[i];
      sa[--count[rank[s]]] = s;
    }
    tmp[sa[0]] = 1;
    let classes = 1;
    for (let i = 1; i < n; i++) {
      const a = sa[i - 1];
      const b = sa[i];
      const same = rank[a] === rank[b] && (a + k < n ? rank[a + k] : 0) === (b + k < n ? rank[b + k] : 0);
      if (!same) classes++;
      tmp[b] = classes;
    }
    [rank, tmp] = [tmp, rank];
    maxRank = classes;
    // Suffixes are now ordered by their first 2k characters; queries are far shorter than SORTED_PREFIX.
    if (classes === n || 2 * k >= SORTED_PREFIX) break;
  }
  return sa;
}
