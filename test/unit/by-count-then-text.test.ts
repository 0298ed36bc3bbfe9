import * as assert from 'node:assert/strict';
import { byCountThenText } from '../../server/src/core/util/byCountThenText';

type Term = { text: string; count: number; id: number };

const reference = (terms: Term[]): Term[] => [...terms].sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

describe('byCountThenText', () => {
  it('orders by count, most first, then by code units, like a comparator sort', () => {
    const next = random(7);
    // Few distinct first characters and counts: many terms tie on count and on their first two code units.
    const alphabet = ['国', '家', '发', '展', '𠮷', 'a', '\u0000', '\uffff', '\ud800'];
    const terms: Term[] = [];
    const seen = new Set<string>();
    while (terms.length < 20_000) {
      let text = '';
      for (let k = Math.floor(next() * 6); k > 0; k--) text += alphabet[Math.floor(next() * alphabet.length)];
      if (seen.has(text)) continue;
      seen.add(text);
      terms.push({ text, count: Math.floor(next() ** 3 * 50), id: terms.length });
    }
    terms.push({ text: '大', count: 2 ** 40, id: terms.length }, { text: '小', count: -3, id: terms.length + 1 });
    assert.deepEqual(byCountThenText(terms).map((t) => t.id), reference(terms).map((t) => t.id));
  });

  it('keeps every term, including equal ones, and leaves its input alone', () => {
    const terms: Term[] = [
      { text: '上海精神', count: 3, id: 0 },
      { text: '上海', count: 3, id: 1 },
      { text: '上海精神', count: 3, id: 2 },
      { text: '', count: 3, id: 3 },
      { text: '上合组织', count: 9, id: 4 },
    ];
    const before = terms.map((t) => t.id);
    const sorted = byCountThenText(terms);
    assert.deepEqual(sorted.map((t) => t.text), ['上合组织', '', '上海', '上海精神', '上海精神']);
    assert.deepEqual(sorted.map((t) => t.id).sort(), [0, 1, 2, 3, 4]);
    assert.deepEqual(terms.map((t) => t.id), before);
    assert.deepEqual(byCountThenText([]), []);
  });
});
