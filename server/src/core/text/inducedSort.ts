// Suffix sorting by induced sorting (SA-IS, Nong–Zhang–Chan 2009) over integer symbols: linear
// time, a handful of sequential passes. Prefix doubling needed eight random-access passes over the
// whole text and was most of a cold index of a large corpus on machines with slow memory.
//
// On such machines every random read counts, so (as in Yuta Mori's sais) a symbol and its suffix's
// type share one array entry, and the LMS substrings are named in the unused half of the output
// array instead of through per-position tables: a third less time than separate arrays.

/**
 * Suffix array of `s` (symbols 0…upper), where a suffix that is a prefix of another sorts first.
 * Pure (typed arrays only): it runs on the main thread and in suffixArrayWorker.
 */
export function inducedSort(s: Int32Array, upper: number): Int32Array {
  const n = s.length;
  const sa = new Int32Array(n);
  if (n <= 1) return sa;
  if (n === 2) {
    sa[0] = s[0] < s[1] ? 0 : 1;
    sa[1] = 1 - sa[0];
    return sa;
  }
  // typed[i] = symbol × 2 + 1 when the suffix at i is smaller than the one at i + 1 (S-type), + 0
  // otherwise (L-type; the last suffix is L-type).
  const typed = new Int32Array(n);
  typed[n - 1] = s[n - 1] * 2;
  for (let i = n - 2; i >= 0; i--) typed[i] = s[i] * 2 + (s[i] === s[i + 1] ? typed[i + 1] & 1 : s[i] < s[i + 1] ? 1 : 0);
  // Where each symbol's bucket starts (bucketStart[c + 1] is where it ends): L-suffixes fill a bucket
  // from its start, S-suffixes from its end.
  const bucketStart = new Int32Array(upper + 2);
  for (let i = 0; i < n; i++) bucketStart[(typed[i] >> 1) + 1]++;
  for (let c = 1; c <= upper + 1; c++) bucketStart[c] += bucketStart[c - 1];
  const buckets: Buckets = { bucketStart, cursor: new Int32Array(upper + 2) };
  // LMS positions (an S-suffix right after an L-suffix), in text order; they are two or more apart.
  let m = 0;
  for (let i = 1; i < n; i++) if (isLms(typed, i)) m++;
  const lms = new Int32Array(m);
  for (let i = 1, j = 0; i < n; i++) if (isLms(typed, i)) lms[j++] = i;
  induce(typed, sa, buckets, lms, m);
  if (m === 0) return sa;
  // The LMS suffixes now sort by their LMS substrings: move them to sa[0, m) in that order, and
  // put each one's substring length at sa[m + p / 2] (free: m ≤ n / 2).
  let k = 0;
  for (let i = 0; i < n; i++) {
    const p = sa[i];
    if (p > 0 && isLms(typed, p)) sa[k++] = p;
  }
  sa.fill(0, m);
  for (let j = 0; j < m; j++) sa[m + (lms[j] >> 1)] = (j + 1 < m ? lms[j + 1] : n) - lms[j];
  // Name them in that order (equal substrings, the next LMS symbol included, share a name); a name
  // is stored + 1 in place of the length, so 0 still marks a free slot.
  let names = 0;
  let prev = -1;
  let prevLength = 0;
  for (let i = 0; i < m; i++) {
    const p = sa[i];
    const length = sa[m + (p >> 1)];
    let same = prev >= 0 && length === prevLength && p + length < n && prev + length < n;
    for (let d = 0; same && d <= length; d++) if (typed[p + d] !== typed[prev + d]) same = false;
    if (!same) names++;
    sa[m + (p >> 1)] = names;
    prev = p;
    prevLength = length;
  }
  // The names in text order form the reduced string.
  for (let i = n - 1, j = n - 1; i >= m; i--) if (sa[i] !== 0) sa[j--] = sa[i] - 1;
  const reduced = sa.slice(n - m);
  // Distinct names order the LMS suffixes already; otherwise sort the reduced string recursively.
  const sortedLms = new Int32Array(m);
  if (names === m) for (let i = 0; i < m; i++) sortedLms[reduced[i]] = lms[i];
  else {
    const order = inducedSort(reduced, names - 1);
    for (let i = 0; i < m; i++) sortedLms[i] = lms[order[i]];
  }
  induce(typed, sa, buckets, sortedLms, m);
  return sa;
}

interface Buckets {
  /** Start of each symbol's bucket (bucketStart[c + 1] is the end of c's). */
  bucketStart: Int32Array;
  /** Scratch for the moving bucket ends. */
  cursor: Int32Array;
}

function isLms(typed: Int32Array, i: number): boolean {
  return (typed[i] & 1) === 1 && (typed[i - 1] & 1) === 0;
}

/** Places the LMS suffixes (in the given order) at their buckets' ends, then induces the L- and S-suffixes from them. */
function induce(typed: Int32Array, sa: Int32Array, { bucketStart, cursor }: Buckets, lms: Int32Array, count: number): void {
  const n = typed.length;
  sa.fill(-1);
  cursor.set(bucketStart);
  for (let j = count - 1; j >= 0; j--) {
    const p = lms[j];
    sa[--cursor[(typed[p] >> 1) + 1]] = p;
  }
  cursor.set(bucketStart);
  sa[cursor[typed[n - 1] >> 1]++] = n - 1;
  for (let i = 0; i < n; i++) {
    const v = sa[i];
    if (v < 1) continue;
    const x = typed[v - 1];
    if ((x & 1) === 0) sa[cursor[x >> 1]++] = v - 1;
  }
  cursor.set(bucketStart);
  for (let i = n - 1; i >= 0; i--) {
    const v = sa[i];
    if (v < 1) continue;
    const x = typed[v - 1];
    if ((x & 1) === 1) sa[--cursor[(x >> 1) + 1]] = v - 1;
  }
}
