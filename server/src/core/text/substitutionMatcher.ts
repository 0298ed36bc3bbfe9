// Finds, in one pass over a text, every window that differs from one of many patterns by a few
// substituted characters (资旅产业 for 文旅产业). Pigeonhole: a pattern cut into k + 1 pieces keeps
// at least one piece intact under k substitutions, so an Aho–Corasick scan for all pieces yields
// every candidate window, and each is verified by comparing it with its pattern. No per-window
// strings are built, which is what made trying every window against a table slow.
import { AhoCorasick } from './ahoCorasick';

/** A window that is a pattern with one character left out or one more (全球治倡议 for 全球治理倡议). */
export interface GapHit {
  start: number;
  /** End of the window: the pattern's length less one, or more one. */
  end: number;
  pattern: number;
  /** Offset in the pattern of the character left out, or in the window of the one added. */
  at: number;
  kind: 'left-out' | 'added';
}

export interface SubstitutionHit {
  /** Start of the window in the text; its length is the pattern's. */
  start: number;
  pattern: number;
  /** Offsets (in the pattern) where the window differs: 1 to maxSubstitutions of them. */
  diffs: number[];
}

interface PieceUse {
  pattern: number;
  /** Which piece of the pattern (0-based) and where it starts in the pattern. */
  piece: number;
  offset: number;
}

/** Patterns that share a piece beyond which sparse patterns are not looked for through it. */
const MAX_SHARED_PIECE = 32;

export class SubstitutionMatcher {
  private readonly automaton: AhoCorasick;
  /** Piece boundaries per pattern: cuts[p] = [0, …, length]. */
  private readonly cuts: number[][];
  /** 1 for the patterns also looked for with a code unit left out or added (see `gapped`). */
  private readonly gapped: Uint8Array;
  /**
   * For each distinct piece (the automaton's pattern index), the patterns it is part of, in flat
   * typed arrays for the scan's inner loop (an object and a string per use cost ~380 ns a use
   * compared; 2 M uses per 100 k characters with 5 M of sources): the uses of piece id are
   * useFirst[id] … useFirst[id + 1] - 1, each a pattern, the piece's offset in it and its number.
   */
  private readonly useFirst: Int32Array;
  private readonly usePattern: Int32Array;
  private readonly useOffset: Int32Array;
  private readonly usePiece: Int32Array;
  /**
   * Each use's own copy of its pattern's code units and limit, in the order of the uses: use u's
   * pattern is useCodes[useCodeFirst[u] … useCodeFirst[u + 1]). A piece's uses are compared one
   * after another, and reading their patterns from one stretch of memory instead of wherever each
   * pattern lies made the comparisons 3× faster (cache misses were most of their cost: a piece such
   * as 工作 has hundreds of uses, each compared at every occurrence).
   */
  private readonly useCodes: Uint16Array;
  private readonly useCodeFirst: Int32Array;
  private readonly useLimit: Int32Array;
  /** Each piece's length, by the automaton's pattern index. */
  private readonly pieceLength: Int32Array;

  /**
   * @param patterns the texts to match (each at least 2 code units long to be matched at all)
   * @param maxSubstitutions how many substituted code units a pattern may have (at least 1)
   * @param withinPiece for a pattern, how many more substitutions are reported when they all fall in
   *   one piece (the other pieces intact): windows found by the same scan at no extra cost, but not
   *   all windows with that many (a second slip in another piece is not seen)
   * @param sparse for a pattern, whether it is looked for only through pieces that few patterns
   *   share (at most MAX_SHARED_PIECE): a cheap search for many patterns of less worth, which misses
   *   their windows whose intact piece is a common one
   * @param gapped for a pattern, whether `scan` also reports its windows with one inner code unit
   *   left out or added (see GapHit), found through the same pieces in the same pass
   */
  constructor(
    readonly patterns: readonly string[],
    maxSubstitutions: (pattern: string, index: number) => number,
    withinPiece: (pattern: string, index: number) => number = () => 0,
    sparse: (pattern: string, index: number) => boolean = () => false,
    gapped: (pattern: string, index: number) => boolean = () => false,
  ) {
    this.gapped = Uint8Array.from(patterns, (text, i) => (gapped(text, i) ? 1 : 0));
    const pieceIds = new Map<string, number>();
    const pieceTexts: string[] = [];
    // For each distinct piece text (the automaton's pattern index), the patterns it is part of.
    const uses: PieceUse[][] = [];
    this.cuts = [];
    // Most differing code units a window may have (see `withinPiece`).
    const limits: number[] = [];
    patterns.forEach((text, pattern) => {
      const n = text.length;
      const k = n < 2 ? 0 : Math.max(1, Math.min(maxSubstitutions(text, pattern), n - 1));
      limits.push(k === 0 ? 0 : k + Math.max(0, withinPiece(text, pattern)));
      const cuts = [0];
      for (let j = 1; j <= k; j++) cuts.push(Math.round((j * n) / (k + 1)));
      cuts.push(n);
      this.cuts.push(cuts);
      if (k === 0) return;
      for (let j = 0; j <= k; j++) {
        const piece = text.slice(cuts[j], cuts[j + 1]);
        let id = pieceIds.get(piece);
        if (id === undefined) {
          id = pieceTexts.length;
          pieceIds.set(piece, id);
          pieceTexts.push(piece);
          uses.push([]);
        }
        uses[id].push({ pattern, piece: j, offset: cuts[j] });
      }
    });
    // A piece in many patterns is found often, and every pattern it is in is compared each time.
    for (let id = 0; id < uses.length; id++) {
      if (uses[id].length > MAX_SHARED_PIECE) uses[id] = uses[id].filter((u) => !sparse(patterns[u.pattern], u.pattern));
    }
    this.automaton = new AhoCorasick(pieceTexts);
    this.useFirst = new Int32Array(uses.length + 1);
    for (let id = 0; id < uses.length; id++) this.useFirst[id + 1] = this.useFirst[id] + uses[id].length;
    const total = this.useFirst[uses.length];
    this.usePattern = new Int32Array(total);
    this.useOffset = new Int32Array(total);
    this.usePiece = new Int32Array(total);
    uses.forEach((list, id) =>
      list.forEach((u, k) => {
        this.usePattern[this.useFirst[id] + k] = u.pattern;
        this.useOffset[this.useFirst[id] + k] = u.offset;
        this.usePiece[this.useFirst[id] + k] = u.piece;
      }),
    );
    this.useCodeFirst = new Int32Array(total + 1);
    this.useLimit = new Int32Array(total);
    for (let u = 0; u < total; u++) {
      const p = this.usePattern[u];
      this.useCodeFirst[u + 1] = this.useCodeFirst[u] + patterns[p].length;
      this.useLimit[u] = limits[p];
    }
    this.useCodes = new Uint16Array(this.useCodeFirst[total]);
    for (let u = 0; u < total; u++) {
      const p = patterns[this.usePattern[u]];
      const from = this.useCodeFirst[u];
      for (let k = 0; k < p.length; k++) this.useCodes[from + k] = p.charCodeAt(k);
    }
    this.pieceLength = Int32Array.from(pieceTexts, (t) => t.length);
  }

  /** The windows of the `gapped` patterns with one inner code unit left out or added (see `scan`). */
  scanGaps(text: string): GapHit[] {
    const gaps: GapHit[] = [];
    this.scan(text, undefined, gaps);
    return gaps;
  }

  /**
   * The windows of use u's pattern with one code unit left out or added around its piece,
   * found at pieceStart: pieces before the gap keep their place from the window's start, those
   * after it from its end.
   * The unit left out or added is not at either end.
   */
  private gapsAt(units: Uint16Array, pieceStart: number, u: number, report: (hit: GapHit) => void): void {
    const index = this.usePattern[u];
    const offset = this.useOffset[u];
    const codes = this.useCodes;
    const base = this.useCodeFirst[u];
    const n = this.useCodeFirst[u + 1] - base;
    const size = units.length;
    // Anchored at the start: the gap lies after the piece.
    const start = pieceStart - offset;
    if (start >= 0) {
      let same = 0;
      while (same < n && start + same < size && units[start + same] === codes[base + same]) same++;
      // (A gap the greedy comparison puts at an end may lie inside a run of one character, where
      // every place is the same gap: aab less a character is ab wherever.)
      const leftOut = same >= n - 1 && codes[base + n - 2] === codes[base + n - 1] ? n - 2 : same;
      if (leftOut > 0 && leftOut < n - 1 && matchesAt(units, start + leftOut, codes, base, leftOut + 1, n)) report({ start, end: start + n - 1, pattern: index, at: leftOut, kind: 'left-out' });
      const added = same === n && start + n < size && units[start + n] === codes[base + n - 1] ? n - 1 : same;
      if (added > 0 && added < n && start + n + 1 <= size && matchesAt(units, start + added + 1, codes, base, added, n)) report({ start, end: start + n + 1, pattern: index, at: added, kind: 'added' });
    }
    // Anchored at the end: the gap lies before the piece.
    const stop = pieceStart + (n - offset);
    if (stop <= size) {
      let same = 0;
      while (same < n && stop - same - 1 >= 0 && units[stop - same - 1] === codes[base + n - same - 1]) same++;
      const gap = n - same; // pattern[0, gap) lies before the tail that matches
      const leftOutStart = stop - (n - 1);
      const leftOut = gap <= 1 && codes[base] === codes[base + 1] ? 1 : gap - 1;
      if (same > 0 && leftOut > 0 && leftOut < n - 1 && leftOutStart >= 0 && matchesAt(units, leftOutStart, codes, base, 0, leftOut) && matchesAt(units, leftOutStart + leftOut, codes, base, leftOut + 1, n)) {
        report({ start: leftOutStart, end: stop, pattern: index, at: leftOut, kind: 'left-out' });
      }
      const addedStart = stop - (n + 1);
      const added = gap === 0 && addedStart >= 0 && units[addedStart] === codes[base] ? 1 : gap;
      if (same > 0 && added > 0 && added < n && addedStart >= 0 && matchesAt(units, addedStart, codes, base, 0, added) && matchesAt(units, addedStart + added + 1, codes, base, added, n)) {
        report({ start: addedStart, end: stop, pattern: index, at: added, kind: 'added' });
      }
    }
  }

  /**
   * Every (window, pattern) pair that differs in 1..limit code units, each once, in no particular
   * order. `accept(start, end)` may veto windows that differ in 1..limit code units before their
   * differences are placed (it is called often, so it must be cheap). When `gaps` is given, the
   * windows of the `gapped` patterns with one inner code unit left out or added are pushed to it,
   * each once. `admit(start, pattern,
   * diffs)` may drop a compared window before it is reported (cheaper than a hit made and dropped).
   */
  scan(text: string, accept?: (start: number, end: number) => boolean, gaps?: GapHit[], admit?: (start: number, pattern: number, diffs: readonly number[]) => boolean): SubstitutionHit[] {
    const out: SubstitutionHit[] = [];
    const diffs: number[] = [];
    const seenGaps = new Set<string>();
    const reportGap = (hit: GapHit) => {
      const key = `${hit.start}:${hit.end}:${hit.pattern}`;
      if (!seenGaps.has(key)) {
        seenGaps.add(key);
        gaps!.push(hit);
      }
    };
    const units = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
    const { usePattern, useOffset, usePiece, useCodes, useCodeFirst, useLimit, useFirst, pieceLength, gapped } = this;
    const size = text.length;
    this.automaton.forEachMatch(text, (end, id) => {
      const pieceStart = end - pieceLength[id];
      for (let u = useFirst[id]; u < useFirst[id + 1]; u++) {
        const pattern = usePattern[u];
        if (gaps && gapped[pattern] === 1) this.gapsAt(units, pieceStart, u, reportGap);
        const from = useCodeFirst[u];
        const length = useCodeFirst[u + 1] - from;
        const start = pieceStart - useOffset[u];
        const stop = start + length;
        if (start < 0 || stop > size) continue;
        // Count first (no array touched): most windows differ in more places than allowed.
        const limit = useLimit[u];
        let differing = 0;
        for (let i = 0; i < length && differing <= limit; i++) if (units[start + i] !== useCodes[from + i]) differing++;
        if (differing === 0 || differing > limit || (accept && !accept(start, stop))) continue;
        diffs.length = 0;
        for (let i = 0; i < length; i++) if (units[start + i] !== useCodes[from + i]) diffs.push(i);
        const cuts = this.cuts[pattern];
        const pieces = cuts.length - 1;
        // More than the pieces allow for: only when they all fall in one piece.
        if (diffs.length > pieces - 1) {
          let p = 0;
          while (cuts[p + 1] <= diffs[0]) p++;
          if (diffs[diffs.length - 1] >= cuts[p + 1]) continue;
        }
        // Report through the first intact piece only, so that each window is reported once.
        let first = 0;
        for (let d = 0; first < pieces; first++) {
          while (d < diffs.length && diffs[d] < cuts[first]) d++;
          if (d === diffs.length || diffs[d] >= cuts[first + 1]) break;
        }
        if (first !== usePiece[u] || (admit && !admit(start, pattern, diffs))) continue;
        out.push({ start, pattern, diffs: [...diffs] });
      }
    });
    return out;
  }
}

/** Whether the text's code units from `at` are the pattern's [from, to) (the pattern's units from `base`). */
function matchesAt(units: Uint16Array, at: number, codes: Uint16Array, base: number, from: number, to: number): boolean {
  if (at + (to - from) > units.length) return false;
  for (let k = from; k < to; k++) if (units[at + k - from] !== codes[base + k]) return false;
  return true;
}
