// Runs async work over a list with a bounded number in flight. Reading a thousand small files one
// after another leaves the process idle between reads; a few in flight keeps the disk and the
// event loop busy without opening every file at once.

/** Results in the order of `items`; `fn` is never called after `stop()` returns true. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<R>, stop?: () => boolean): Promise<Array<R | undefined>> {
  const out: Array<R | undefined> = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !stop?.()) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
