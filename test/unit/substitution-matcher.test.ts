import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { SubstitutionMatcher, type GapHit } from '../../server/src/core/text/substitutionMatcher';

/** Every (start, pattern, diffs) by trying every window: the reference the matcher must equal. */
function bruteForce(text: string, patterns: string[], limit: (p: string) => number): string[] {
  const out: string[] = [];
  patterns.forEach((p, pattern) => {
    const k = Math.max(1, Math.min(limit(p), p.length - 1));
    if (p.length < 2) return;
    for (let start = 0; start + p.length <= text.length; start++) {
      const diffs: number[] = [];
      for (let i = 0; i < p.length; i++) if (text[start + i] !== p[i]) diffs.push(i);
      if (diffs.length >= 1 && diffs.length <= k) out.push(`${start}:${pattern}:${diffs.join(',')}`);
    }
  });
  return out.sort();
}

const key = (h: { start: number; pattern: number; diffs: number[] }) => `${h.start}:${h.pattern}:${h.diffs.join(',')}`;

describe('SubstitutionMatcher', () => {
  it('finds terms with one character substituted, each window once', () => {
    const m = new SubstitutionMatcher(['文旅产业', '多边主义', '人类命运共同体'], () => 1);
    const hits = m.scan('发展资旅产业，坚持多边主意，不是多边注意，构建人类命运共同体。').map(key).sort();
    // 多边注意 has two characters off: not a one-substitution match.
    assert.deepEqual(hits, ['2:0:0', '9:1:3'].sort());
  });

  it('allows two substitutions where asked, and never reports the pattern itself', () => {
    const m = new SubstitutionMatcher(['全过程人民民主'], () => 2);
    assert.deepEqual(m.scan('全过程人民民主').map(key), []);
    assert.deepEqual(m.scan('全过城人名民主').map(key), ['0:0:2,4']);
    assert.deepEqual(m.scan('全过城人名民住').map(key), []);
  });

  it('reports more substitutions where asked only when they fall in one piece', () => {
    const m = new SubstitutionMatcher(['未雨绸缪', '长治久安'], () => 1, (p) => (p === '未雨绸缪' ? 1 : 0));
    const text = '做到未雨筹谋，不是未风筹缪，也不是长至久按。';
    // 未雨|筹谋: both in the second half; 未风|筹缪: one in each half; 长至久按: not asked for.
    assert.deepEqual(m.scan(text).map(key), ['2:0:2,3']);
  });

  it('looks for sparse patterns only through pieces few patterns share', () => {
    // 40 patterns share the piece 发展; the sparse ones are not compared where it occurs.
    const patterns = Array.from({ length: 40 }, (_, i) => `发展${String.fromCharCode(0x4e00 + i)}${String.fromCharCode(0x4e80 + i)}`);
    patterns.push('倡议全球');
    const sparse = (p: string) => p !== patterns[0];
    const m = new SubstitutionMatcher(patterns, () => 1, () => 0, sparse);
    // 发展|一X (the first pattern, not sparse) is found through 发展; 发展|丁X (sparse) is not.
    assert.deepEqual(m.scan('发展一甲').map((h) => h.pattern), [0]);
    assert.deepEqual(m.scan(`发展${patterns[1][2]}甲`), []);
    // Through a piece of its own a sparse pattern is found as before.
    assert.deepEqual(m.scan('倡义全球').map((h) => h.pattern), [40]);
  });

  it('lets the caller drop compared windows before they are reported', () => {
    const m = new SubstitutionMatcher(['未雨绸缪', '文旅产业'], () => 1, (p) => (p === '未雨绸缪' ? 1 : 0));
    const text = '做到未雨筹谋，不是未雨愁眉，发展资旅产业。';
    const seen: string[] = [];
    const hits = m.scan(text, undefined, undefined, (start, pattern, diffs) => {
      seen.push(`${start}:${pattern}:${diffs.join(',')}`);
      return diffs.length === 1;
    });
    // Every compared window is offered once with its differences; only those admitted are reported.
    assert.deepEqual(seen.sort(), ['16:1:0', '2:0:2,3', '9:0:2,3'].sort());
    assert.deepEqual(hits.map(key), ['16:1:0']);
  });

  it('lets the caller veto windows', () => {
    const m = new SubstitutionMatcher(['文旅产业'], () => 1);
    assert.deepEqual(m.scan('资旅产业', () => false), []);
    assert.equal(m.scan('资旅产业', (s, e) => s === 0 && e === 4).length, 1);
  });

  it('agrees with trying every window (random texts over a small alphabet)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringOf(fc.constantFrom(...'甲乙丙丁戊'), { minLength: 2, maxLength: 9 }), { minLength: 1, maxLength: 6 }),
        fc.stringOf(fc.constantFrom(...'甲乙丙丁戊，𠮷'), { maxLength: 60 }),
        (patterns, text) => {
          const limit = (p: string) => (p.length >= 5 ? 2 : 1);
          const m = new SubstitutionMatcher(patterns, limit);
          assert.deepEqual(m.scan(text).map(key).sort(), bruteForce(text, patterns, limit));
        },
      ),
      { numRuns: 300 },
    );
  });
  it('finds every window that is a pattern with one inner character left out or added, as trying every window does', () => {
    const brute = (text: string, patterns: string[]) => {
      const out = new Set<string>();
      patterns.forEach((p, pattern) => {
        const n = p.length;
        if (n < 3) return;
        for (let start = 0; start < text.length; start++) {
          const short = text.slice(start, start + n - 1);
          if (short.length === n - 1) for (let g = 1; g <= n - 2; g++) if (p.slice(0, g) + p.slice(g + 1) === short) out.add(`${start}:${start + n - 1}:${pattern}:left-out`);
          const long = text.slice(start, start + n + 1);
          if (long.length === n + 1) for (let g = 1; g <= n - 1; g++) if (long.slice(0, g) + long.slice(g + 1) === p) out.add(`${start}:${start + n + 1}:${pattern}:added`);
        }
      });
      return [...out].sort();
    };
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[abc]{3,7}$/), { minLength: 1, maxLength: 4 }), fc.stringMatching(/^[abcd]{0,30}$/), (patterns, text) => {
        const m = new SubstitutionMatcher(patterns, (p) => (p.length >= 5 ? 2 : 1), undefined, undefined, () => true);
        const got = [...new Set(m.scanGaps(text).map((h) => `${h.start}:${h.end}:${h.pattern}:${h.kind}`))].sort();
        assert.deepEqual(got, brute(text, patterns));
      }),
      { numRuns: 300 },
    );
    const m = new SubstitutionMatcher(['全球治理倡议', '全球发展倡议'], () => 1, undefined, undefined, (_p, i) => i === 0);
    assert.deepEqual(m.scanGaps('我愿提出全球治倡议，全球发倡议'), [{ start: 4, end: 9, pattern: 0, at: 3, kind: 'left-out' }]);
    // scan reports them in the same pass, beside the substitutions.
    const gaps: GapHit[] = [];
    assert.equal(m.scan('全球治倡议，全球治理倡仪', undefined, gaps).length, 1);
    assert.equal(gaps.length, 1);
  });
});
