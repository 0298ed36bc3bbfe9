// The one search over sorted offsets the core keeps doing: which line, file, article or piece an
// offset falls in, given where each of them starts.

/** Index of the last element ≤ value in an ascending list (0 when none is, or the list is empty). */
export function lastAtOrBefore(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (sorted[mid] <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
