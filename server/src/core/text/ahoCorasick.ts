// Aho–Corasick multi-pattern matching over UTF-16 code units: builds in O(total pattern length),
// scans a text in O(text length + matches) whatever the number of patterns. Literal strings only.

export interface PatternMatch {
  /** UTF-16 range of the occurrence in the text. */
  start: number;
  end: number;
  /** Index of the pattern in the list given to the constructor. */
  pattern: number;
}

/** The patterns of a node that ends none: shared, and replaced (never pushed to) when one ends there. */
const NO_PATTERNS: number[] = [];

export class AhoCorasick {
  /** Transitions: key node * 65536 + code unit → node. */
  private readonly next = new Map<number, number>();
  private readonly fail: number[] = [0];
  /** Nearest node on the failure chain (itself excluded) that ends a pattern, or -1. */
  private readonly outLink: number[] = [-1];
  /** Patterns ending exactly at each node. */
  private readonly ends: number[][] = [NO_PATTERNS];
  private readonly lengths: number[];
  /**
   * The root's transitions by code unit (0: none). A scan is at the root at most characters of a
   * text, and a table lookup there is several times cheaper than a hash lookup.
   */
  private readonly rootNext = new Int32Array(65536);

  constructor(readonly patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((p, index) => {
      if (!p) return; // the empty string matches nowhere
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const key = node * 65536 + p.charCodeAt(i);
        let child = this.next.get(key);
        if (child === undefined) {
          child = this.fail.length;
          this.fail.push(0);
          this.outLink.push(-1);
          this.ends.push(NO_PATTERNS);
          this.next.set(key, child);
        }
        node = child;
      }
      // Most nodes end no pattern: they share one empty list (an array per node was most of the build's garbage).
      if (this.ends[node] === NO_PATTERNS) this.ends[node] = [index];
      else this.ends[node].push(index);
    });
    for (const [key, child] of this.next) if (key < 65536) this.rootNext[key] = child;
    this.link();
  }

  /** Breadth-first: the failure link of a node is the longest proper suffix that is also a path. */
  private link(): void {
    // Each node's children, grouped by parent in two flat arrays (first[p] … first[p + 1]).
    const first = new Int32Array(this.fail.length + 1);
    for (const key of this.next.keys()) first[Math.floor(key / 65536) + 1]++;
    for (let p = 1; p < first.length; p++) first[p] += first[p - 1];
    const children = new Int32Array(this.next.size);
    const codes = new Int32Array(this.next.size);
    const fill = first.slice(0, this.fail.length);
    for (const [key, child] of this.next) {
      const parent = Math.floor(key / 65536);
      children[fill[parent]] = child;
      codes[fill[parent]++] = key % 65536;
    }
    const queue: number[] = [];
    for (let n = first[0]; n < first[1]; n++) queue.push(children[n]); // depth 1: fail to the root
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      for (let n = first[node]; n < first[node + 1]; n++) {
        const child = children[n];
        const code = codes[n];
        let f = this.fail[node];
        let target = this.step(f, code);
        while (target === undefined && f !== 0) {
          f = this.fail[f];
          target = this.step(f, code);
        }
        const fc = target !== undefined && target !== child ? target : 0;
        this.fail[child] = fc;
        this.outLink[child] = this.ends[fc].length ? fc : this.outLink[fc];
        queue.push(child);
      }
    }
  }

  private step(node: number, code: number): number | undefined {
    if (node === 0) {
      const child = this.rootNext[code];
      return child > 0 ? child : undefined;
    }
    return this.next.get(node * 65536 + code);
  }

  /**
   * Calls `visit(end, pattern)` for every occurrence (end = offset after it), in the order of
   * `findAll`, without allocating: for hot loops.
   */
  forEachMatch(text: string, visit: (end: number, pattern: number) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let target = this.step(node, code);
      while (target === undefined && node !== 0) {
        node = this.fail[node];
        target = this.step(node, code);
      }
      node = target ?? 0;
      for (let out = this.ends[node].length ? node : this.outLink[node]; out > 0; out = this.outLink[out]) {
        const ends = this.ends[out];
        for (let k = 0; k < ends.length; k++) visit(i + 1, ends[k]);
      }
    }
  }

  /** Every occurrence of every pattern, overlapping ones included, ordered by end then by length (longest first). */
  findAll(text: string): PatternMatch[] {
    const out: PatternMatch[] = [];
    this.forEachMatch(text, (end, pattern) => out.push({ start: end - this.lengths[pattern], end, pattern }));
    return out;
  }

  /**
   * The patterns occurring in `text` at `start`, found by walking the trie down from the root:
   * one { end, patterns } per matched length, shortest first (`patterns`: every index whose text
   * is text[start, end)). Costs at most the longest pattern's length, however many patterns nest
   * inside each other, where `findAll` reports every nested occurrence — 20 million for the
   * patterns a, aa, …, a×200 over a×100000.
   */
  prefixesAt(text: string, start: number): Array<{ end: number; patterns: readonly number[] }> {
    const out: Array<{ end: number; patterns: readonly number[] }> = [];
    let node = 0;
    for (let i = start; i < text.length; i++) {
      const child = this.step(node, text.charCodeAt(i));
      if (child === undefined) break;
      node = child;
      if (this.ends[node].length) out.push({ end: i + 1, patterns: this.ends[node] });
    }
    return out;
  }
}
