import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fromCached, toCached, type CachedFileIndex } from '../../server/src/core/index/fileCache';
import { buildFileIndex } from '../../server/src/core/index/indexer';
import { bundledSeedsDir } from '../../server/src/core/sources/loader';
import type { SourceContent } from '../../server/src/core/sources/sourceText';
import { OffsetMap } from '../../server/src/core/text/offsetMap';

function loaded(file: string, text: string): SourceContent {
  return { path: file, hash: createHash('sha256').update(text).digest('hex'), text, encoding: 'utf-8' };
}

/** The cached form as it comes back from disk. */
const roundTrip = (c: CachedFileIndex): CachedFileIndex => JSON.parse(JSON.stringify(c));

describe('index cache format', () => {
  const seeds = fs.readdirSync(bundledSeedsDir()).filter((f) => f.endsWith('.txt'));
  const crlfAstral = '第一篇\r\n\r\n　　践行“全过程人民民主”，𠮷字不误。\r\n第二段讲“上海精神”。\r\n';

  for (const [name, text] of [...seeds.map((f) => [f, fs.readFileSync(path.join(bundledSeedsDir(), f), 'utf8')]), ['crlf-astral.txt', crlfAstral]]) {
    it(`gives back exactly the mined index (${name})`, () => {
      const file = loaded(`/src/${name}`, text);
      const mined = buildFileIndex(file);
      const cached = toCached(mined);
      assert.ok(cached);
      // No text is stored: the file itself supplies it.
      assert.ok(!JSON.stringify(cached).includes(mined.source.text.slice(0, 200)));
      const back = fromCached(roundTrip(cached), file);
      assert.ok(back);
      assert.equal(back.source.text, mined.source.text);
      assert.equal(back.source.original, mined.source.original);
      for (const i of [0, 1, Math.floor(mined.source.text.length / 2), mined.source.text.length - 1, mined.source.text.length]) {
        assert.equal(back.source.map.toOriginal(i), mined.source.map.toOriginal(i));
      }
      const plain = (x: unknown) => JSON.parse(JSON.stringify(x, (k, v) => (k === 'map' ? undefined : v)));
      assert.deepEqual(plain(back), plain(mined));
    });
  }

  it('takes the path from the file, not from the cache (a moved file keeps its cache)', () => {
    const text = '第一篇\n践行“全过程人民民主”。\n';
    const cached = roundTrip(toCached(buildFileIndex(loaded('/old/a.txt', text)))!);
    const back = fromCached(cached, loaded('/new/b.txt', text));
    assert.equal(back?.source.path, '/new/b.txt');
    assert.ok(back?.terms.every((t) => t.refs.every((r) => r.file === '/new/b.txt')));
  });

  it('refuses a cache for other bytes or a damaged one', () => {
    const text = '第一篇\n践行“全过程人民民主”。\n推动“高质量发展”。\n';
    const file = loaded('/src/a.txt', text);
    const good = toCached(buildFileIndex(file))!;
    const damaged: Array<[string, (c: CachedFileIndex) => void]> = [
      ['other hash', (c) => (c.hash = '0'.repeat(64))],
      ['old format', (c) => ((c as { format: number }).format = 2)],
      ['pieces past the end', (c) => c.pieces.push(text.length + 5, 3)],
      ['pieces out of order', (c) => c.pieces.reverse()],
      ['wrong original length', (c) => (c.originalLength += 1)],
      ['sentence outside the text', (c) => (c.sentences[1] = 10_000)],
      ['odd sentence list', (c) => c.sentences.push(1)],
      ['a sentence too many', (c) => c.sentences.push(0, 1)],
      ['a sentence too few', (c) => (c.paragraphs[2] += 1)],
      ['a paragraph too few', (c) => (c.articles[0].paragraphs += 1)],
      ['ref to a missing article', (c) => (c.terms.refs[1] = 99)],
      ['ref of strings', (c) => ((c.terms.refs as unknown[])[2] = 'b')],
      ['refs cut short', (c) => c.terms.refs.pop()],
      ['unknown term kind', (c) => (c.terms.kinds[0] = 42)],
      ['a kind too few', (c) => c.terms.kinds.pop()],
      ['no terms', (c) => delete (c as Partial<CachedFileIndex>).terms],
      ['article range of strings', (c) => ((c.articles[0] as { start: unknown }).start = 'x')],
      ['paragraph past the end', (c) => (c.paragraphs[1] = 10_000)],
    ];
    assert.ok(fromCached(roundTrip(good), file));
    for (const [what, damage] of damaged) {
      const c = roundTrip(good);
      damage(c);
      assert.equal(fromCached(c, file), undefined, what);
    }
    assert.equal(fromCached(roundTrip(good), loaded('/src/a.txt', text + '多一句。')), undefined, 'changed file');
  });
});

describe('OffsetMap', () => {
  it('maps pieces and separators, clamps, and checks that it fits', () => {
    const original = 'ab\r\n\r\ncd\nef';
    // "ab" + separator (the \r at 2) + "cd" + "ef" joined: "ab\ncdef"
    const map = new OffsetMap([0, 2, 2, 0, 6, 2, 9, 2], original.length);
    assert.equal(map.rebuild(original), 'ab\ncdef');
    assert.equal(map.textLength, 7);
    assert.deepEqual([...Array(8).keys()].map((i) => map.toOriginal(i)), [0, 1, 2, 6, 7, 9, 10, original.length]);
    assert.equal(map.toOriginal(-3), 0);
    assert.equal(map.toOriginal(100), original.length);
    assert.deepEqual(map.rangeToOriginal(4, 6), { start: 7, end: 10 });
    assert.deepEqual(map.rangeToOriginal(3, 3), { start: 6, end: 6 });
    assert.ok(map.fits(original));
    assert.ok(!map.fits(original + 'x'));
    assert.equal(OffsetMap.identity(0).toOriginal(0), 0);
    assert.equal(OffsetMap.identity(5).rebuild('abcde'), 'abcde');
  });
});
