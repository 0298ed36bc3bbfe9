// A suffix array over the sources' text: exact occurrence counts and positions of any string in
// O(m log n), which rules ask for on every keystroke ("how often do the sources write this?").
// Built by induced sorting (SA-IS) in linear time; compact: the text and one Int32Array.

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
    const [a, b] = this.range(pattern);
    return b - a;
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

/**
 * Suffix array of a UTF-16 string by induced sorting (SA-IS, Nong–Zhang–Chan 2009): linear time,
 * a handful of sequential passes. Prefix doubling needed eight random-access passes over the whole
 * text and was most of a cold index of a large corpus on machines with slow memory.
 */
function buildSuffixArray(text: string): Int32Array {
  const n = text.length;
  if (n === 0) return new Int32Array(0);
  // Code units compressed to dense symbols 0…upper, so the buckets stay small.
  const seen = new Uint8Array(65536);
  for (let i = 0; i < n; i++) seen[text.charCodeAt(i)] = 1;
  const code = new Int32Array(65536);
  let upper = -1;
  for (let c = 0; c < 65536; c++) if (seen[c]) code[c] = ++upper;
  const s = new Int32Array(n);
  for (let i = 0; i < n; i++) s[i] = code[text.charCodeAt(i)];
  return inducedSort(s, upper);
}

/**
 * Suffix array of `s` (symbols 0…upper), where a suffix that is a prefix of another sorts first.
 * Exported for the tests, which compare it with a naive sort on random strings.
 */
export function inducedSort(s: Int32Array, upper: number): Int32Array {
  const n = s.length;
  const sa = new Int32Array(n);
  if (n === 0) return sa;
  if (n === 1) return sa;
  if (n === 2) {
    sa[0] = s[0] < s[1] ? 0 : 1;
    sa[1] = 1 - sa[0];
    return sa;
  }
  // isS[i]: the suffix at i is smaller than the one at i + 1 (S-type); the last one is L-type.
  const isS = new Uint8Array(n);
  for (let i = n - 2; i >= 0; i--) isS[i] = s[i] === s[i + 1] ? isS[i + 1] : s[i] < s[i + 1] ? 1 : 0;
  // Bucket bounds per symbol: L-suffixes fill a bucket from its start (startL), S-suffixes from its
  // end (startS + count of S = start of the next bucket).
  const startL = new Int32Array(upper + 2);
  const startS = new Int32Array(upper + 2);
  for (let i = 0; i < n; i++) {
    if (!isS[i]) startS[s[i]]++;
    else startL[s[i] + 1]++;
  }
  for (let c = 0; c <= upper; c++) {
    startS[c] += startL[c];
    if (c < upper) startL[c + 1] += startS[c];
  }
  const buf = new Int32Array(upper + 2);
  const induce = (lms: Int32Array, count: number): void => {
    sa.fill(-1);
    buf.set(startS);
    for (let j = 0; j < count; j++) sa[buf[s[lms[j]]]++] = lms[j];
    buf.set(startL);
    sa[buf[s[n - 1]]++] = n - 1;
    for (let i = 0; i < n; i++) {
      const v = sa[i];
      if (v >= 1 && !isS[v - 1]) sa[buf[s[v - 1]]++] = v - 1;
    }
    buf.set(startL);
    for (let i = n - 1; i >= 0; i--) {
      const v = sa[i];
      if (v >= 1 && isS[v - 1]) sa[--buf[s[v - 1] + 1]] = v - 1;
    }
  };
  // LMS positions (an S-suffix right after an L-suffix), in text order, and each one's number.
  const lmsNumber = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 1; i < n; i++) if (!isS[i - 1] && isS[i]) lmsNumber[i] = m++;
  const lms = new Int32Array(m);
  for (let i = 1, j = 0; i < n; i++) if (!isS[i - 1] && isS[i]) lms[j++] = i;
  induce(lms, m);
  if (m === 0) return sa;
  // Name the LMS substrings in their induced order; equal substrings share a name.
  const sortedLms = new Int32Array(m);
  for (let i = 0, j = 0; i < n; i++) if (lmsNumber[sa[i]] !== -1) sortedLms[j++] = sa[i];
  const reduced = new Int32Array(m);
  let name = 0;
  reduced[lmsNumber[sortedLms[0]]] = 0;
  for (let i = 1; i < m; i++) {
    let l = sortedLms[i - 1];
    let r = sortedLms[i];
    const endL = lmsNumber[l] + 1 < m ? lms[lmsNumber[l] + 1] : n;
    const endR = lmsNumber[r] + 1 < m ? lms[lmsNumber[r] + 1] : n;
    let same = endL - l === endR - r;
    if (same) {
      while (l < endL && s[l] === s[r]) {
        l++;
        r++;
      }
      if (l === n || s[l] !== s[r]) same = false;
    }
    if (!same) name++;
    reduced[lmsNumber[sortedLms[i]]] = name;
  }
  // Distinct names order the LMS suffixes already; otherwise sort the reduced string recursively.
  const order = name + 1 === m ? null : inducedSort(reduced, name);
  if (order) for (let i = 0; i < m; i++) sortedLms[i] = lms[order[i]];
  else for (let i = 0; i < m; i++) sortedLms[reduced[i]] = lms[i];
  induce(sortedLms, m);
  return sa;
}
