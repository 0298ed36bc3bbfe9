// Binary search over sorted strings, shared by the index and completion.

/** The first index of `keys` (sorted by code units) whose key is not less than `s`. */
export function lowerBound(keys: readonly string[], s: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
