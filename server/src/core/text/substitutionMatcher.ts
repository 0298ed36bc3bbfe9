// Finds, in one pass over a text, every window that differs from one of many patterns by a few
// substituted characters (资旅产业 for 文旅产业). Pigeonhole: a pattern cut into k + 1 pieces keeps
// at least one piece intact under k substitutions, so an Aho–Corasick scan for all pieces yields
// every candidate window, and each is verified by comparing it with its pattern. No per-window
// strings are built, which is what made trying every window against a table slow.
import { AhoCorasick } from './ahoCorasick';

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
  /** For each distinct piece text (the automaton's pattern index), the patterns it is part of. */
  private readonly uses: PieceUse[][];
  /** Piece boundaries per pattern: cuts[p] = [0, …, length]. */
  private readonly cuts: number[][];
  /** Most differing code units a window may have (see `withinPiece`). */
  private readonly limits: number[];

  /**
   * @param patterns the texts to match (each at least 2 code units long to be matched at all)
   * @param maxSubstitutions how many substituted code units a pattern may have (at least 1)
   * @param withinPiece for a pattern, how many more substitutions are reported when they all fall in
   *   one piece (the other pieces intact): windows found by the same scan at no extra cost, but not
   *   all windows with that many (a second slip in another piece is not seen)
   * @param sparse for a pattern, whether it is looked for only through pieces that few patterns
   *   share (at most MAX_SHARED_PIECE): a cheap search for many patterns of less worth, which misses
   *   their windows whose intact piece is a common one
   */
  constructor(
    readonly patterns: readonly string[],
    maxSubstitutions: (pattern: string, index: number) => number,
    withinPiece: (pattern: string, index: number) => number = () => 0,
    sparse: (pattern: string, index: number) => boolean = () => false,
  ) {
    const pieceIds = new Map<string, number>();
    const pieceTexts: string[] = [];
    this.uses = [];
    this.cuts = [];
    this.limits = [];
    patterns.forEach((text, pattern) => {
      const n = text.length;
      const k = n < 2 ? 0 : Math.max(1, Math.min(maxSubstitutions(text, pattern), n - 1));
      this.limits.push(k === 0 ? 0 : k + Math.max(0, withinPiece(text, pattern)));
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
          this.uses.push([]);
        }
        this.uses[id].push({ pattern, piece: j, offset: cuts[j] });
      }
    });
    // A piece in many patterns is found often, and every pattern it is in is compared each time.
    for (let id = 0; id < this.uses.length; id++) {
      if (this.uses[id].length > MAX_SHARED_PIECE) this.uses[id] = this.uses[id].filter((u) => !sparse(patterns[u.pattern], u.pattern));
    }
    this.automaton = new AhoCorasick(pieceTexts);
  }

  /**
   * Every (window, pattern) pair that differs in 1..limit code units, each once, in no particular
   * order. `accept(start, end)` may veto windows before they are compared (it is called once per
   * piece found, so it must be cheap).
   */
  scan(text: string, accept?: (start: number, end: number) => boolean): SubstitutionHit[] {
    const out: SubstitutionHit[] = [];
    const diffs: number[] = [];
    this.automaton.forEachMatch(text, (end, id) => {
      const pieceStart = end - this.automaton.patterns[id].length;
      for (const use of this.uses[id]) {
        const pattern = this.patterns[use.pattern];
        const start = pieceStart - use.offset;
        const stop = start + pattern.length;
        if (start < 0 || stop > text.length || (accept && !accept(start, stop))) continue;
        const limit = this.limits[use.pattern];
        diffs.length = 0;
        for (let i = 0; i < pattern.length && diffs.length <= limit; i++) {
          if (text.charCodeAt(start + i) !== pattern.charCodeAt(i)) diffs.push(i);
        }
        if (diffs.length === 0 || diffs.length > limit) continue;
        const cuts = this.cuts[use.pattern];
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
        if (first !== use.piece) continue;
        out.push({ start, pattern: use.pattern, diffs: [...diffs] });
      }
    });
    return out;
  }
}
