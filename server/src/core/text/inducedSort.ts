// Suffix sorting by induced sorting (SA-IS, Nong–Zhang–Chan 2009) over integer symbols: linear
// time, a handful of sequential passes. Prefix doubling needed eight random-access passes over the
// whole text and was most of a cold index of a large corpus on machines with slow memory.

/**
 * Suffix array of `s` (symbols 0…upper), where a suffix that is a prefix of another sorts first.
 * Pure (typed arrays only): it runs on the main thread and in suffixArrayWorker.
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
