// Remembers a function of two characters. The checks ask the same few pairs again and again (a
// draft's character against a term's, paragraph after paragraph): a number key of the two code
// units spares the readings' and components' lookups. Bounded, so that a long-running server does
// not grow with every pair it has ever seen.

const LIMIT = 1 << 18;

export function pairMemo<T>(fn: (a: string, b: string) => T): (a: string, b: string) => T {
  const memo = new Map<number, T>();
  return (a, b) => {
    // Only single code units have a key; others (astral characters) are rare enough to compute.
    if (a.length !== 1 || b.length !== 1) return fn(a, b);
    const key = a.charCodeAt(0) * 65536 + b.charCodeAt(0);
    let v = memo.get(key);
    if (v === undefined) {
      if (memo.size >= LIMIT) memo.clear();
      v = fn(a, b);
      memo.set(key, v);
    }
    return v;
  };
}
