import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { SentenceIndex, STOP_POSTINGS } from '../../server/src/core/index/sentences';
import type { FileIndex } from '../../server/src/core/types';

/** A file of one article holding the given sentences, each ended by 。. */
function fileOf(sentences: string[], path = '/virtual/s.txt'): FileIndex {
  const text = sentences.map((s) => s + '。').join('');
  return {
    source: { path, text, encoding: 'utf-8', lineStarts: [0] } as unknown as FileIndex['source'],
    articles: [{ start: 0, end: text.length, title: 's', markers: [], paragraphs: [] }],
    terms: [],
    definitions: [],
    aliases: [],
    statements: [],
  } as unknown as FileIndex;
}

/** Numbers in [0, 1), the same every run (drawn by fast-check from a fixed seed). */
function seeded(seed: number, count: number): () => number {
  // (Unbiased: fast-check favours edge values such as 0 otherwise.)
  const draws = fc.sample(fc.noBias(fc.integer({ min: 0, max: 2 ** 30 - 1 })), { seed, numRuns: count });
  let next = 0;
  return () => draws[next++ % draws.length] / 2 ** 30;
}

/** For each bucket, the sentences with a trigram in it (built by the test, one sentence at a time). */
const sentencesByBucket = new WeakMap<SentenceIndex, Map<number, number[]>>();

/**
 * Every sentence's share of the query's distinct trigram buckets, all counted (a bucket in more
 * than STOP_POSTINGS sentences counts in the query's total but gives no vote).
 */
function bruteForce(index: SentenceIndex, query: string, minShare: number, limit: number): Array<{ id: number; votes: number }> {
  const all = index.all;
  let byBucket = sentencesByBucket.get(index);
  if (!byBucket) {
    byBucket = new Map();
    all.forEach((s, id) => {
      for (const b of index.bucketsOf(s.text)) byBucket!.set(b, [...(byBucket!.get(b) ?? []), id]);
    });
    sentencesByBucket.set(index, byBucket);
  }
  const grams = index.bucketsOf(query);
  const need = Math.max(1, Math.ceil(grams.length * minShare));
  const votes = new Map<number, number>();
  for (const b of grams) {
    const ids = byBucket.get(b) ?? [];
    if (ids.length > STOP_POSTINGS) continue;
    for (const id of ids) votes.set(id, (votes.get(id) ?? 0) + 1);
  }
  const hits = [...votes].filter(([, v]) => v >= need).map(([id, v]) => ({ id, votes: v }));
  hits.sort((a, b) => b.votes - a.votes || all[a.id].text.length - all[b.id].text.length || a.id - b.id);
  return hits.slice(0, limit);
}

describe('sentence lookup (trigram votes)', () => {
  const rand = seeded(20261127, 200_000);
  const alphabet = '发展改革建设创新治理体系能力现代化推进全面深化坚持人民中心国家安全经济社会';
  const pick = () => alphabet[Math.floor(rand() * alphabet.length)];
  const sentences: string[] = [];
  // (4,100 of them share 之所以: a trigram in more sentences than are looked at, STOP_POSTINGS.)
  const common = '之所以';
  for (let i = 0; i < 4500; i++) {
    const n = 5 + Math.floor(rand() * 36);
    let s = '';
    for (let k = 0; k < n; k++) s += pick();
    if (i % 45 < 41) {
      const at = Math.floor(rand() * s.length);
      s = s.slice(0, at) + common + s.slice(at);
    }
    sentences.push(s);
  }
  const index = new SentenceIndex([fileOf(sentences.slice(0, 2000), '/v/a.txt'), fileOf(sentences.slice(2000), '/v/b.txt')]);

  it('finds the sentences a brute-force count finds, with the same votes and order, whatever the share asked', () => {
    assert.ok(index.postingsIn(index.bucketsOf(common)[0]) > STOP_POSTINGS);
    assert.equal(bruteForce(index, common, 0.5, 5).length, 0);
    let compared = 0;
    let nonEmpty = 0;
    for (let q = 0; q < 300; q++) {
      // A stretch of a sentence with a few characters changed, or a random string.
      const from = sentences[Math.floor(rand() * sentences.length)];
      let query = q % 5 === 0 ? Array.from({ length: 4 + Math.floor(rand() * 30) }, pick).join('') : from.slice(Math.floor(rand() * 4));
      for (let k = 0; k < query.length; k++) if (rand() < 0.15) query = query.slice(0, k) + pick() + query.slice(k + 1);
      for (const [minShare, limit] of [[0.3, 5], [0.4, 1], [0.5, 5], [0.6, 1], [0.8, 3]] as const) {
        const want = bruteForce(index, query, minShare, limit).map((h) => `${h.votes}:${h.id}`);
        const got = index.similar(query, minShare, limit).map((h) => `${h.votes}:${index.all.indexOf(h.sentence)}`);
        assert.deepEqual(got, want, `${query} at ${minShare}`);
        compared++;
        if (want.length) nonEmpty++;
      }
    }
    // (The test means something only if most queries find sentences.)
    assert.ok(nonEmpty > compared / 2, `${nonEmpty} of ${compared}`);
  });

  it('gives a remembered answer unchanged by what a caller did to the last one', () => {
    const query = sentences[7].slice(1);
    const expected = index.similar(query, 0.4, 3).map((h) => h.sentence.text);
    for (let round = 0; round < 2; round++) {
      const answer = index.similar(query, 0.4, 3);
      assert.deepEqual(
        answer.map((h) => h.sentence.text),
        expected,
      );
      answer.length = 0;
      answer.push({ sentence: index.all[0], votes: 99, grams: 99 });
    }
    assert.ok(expected.length > 0);
  });

  it('answers a query longer than any it remembers as it answers a short one', () => {
    const long = sentences.slice(0, 60).join('');
    assert.ok(long.length > 1000);
    const want = bruteForce(index, long, 0.05, 2).map((h) => `${h.votes}:${h.id}`);
    assert.deepEqual(
      index.similar(long, 0.05, 2).map((h) => `${h.votes}:${index.all.indexOf(h.sentence)}`),
      want,
    );
  });
});
