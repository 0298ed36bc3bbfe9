/**
 * How many characters two strings share at their start, and at their end after that (the two never
 * overlap): what lies between is where they differ (城市信息|化|模型 beside 城市信息模型: 4 and 2).
 */
export function sharedEnds(a: string, b: string): { start: number; end: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { start, end };
}
