import * as assert from 'node:assert/strict';
import { IntSet } from '../../server/src/core/util/intSet';

describe('IntSet', () => {
  it('holds what was added, through growth, and nothing else', () => {
    const set = new IntSet();
    const keys: number[] = [];
    for (let i = 0; i < 50_000; i++) keys.push((Math.imul(i, 2654435761) >>> 1) & 0x7fffffff);
    for (const k of keys) set.add(k);
    for (const k of keys) set.add(k); // twice: no double count
    for (const k of keys) assert.ok(set.has(k), String(k));
    const all = new Set(keys);
    for (let i = 0; i < 50_000; i++) {
      const k = (i * 7919 + 13) & 0x7fffffff;
      assert.equal(set.has(k), all.has(k), String(k));
    }
    assert.ok(set.has(0) === all.has(0));
  });

  it('visits every key once', () => {
    const set = new IntSet();
    for (let i = 0; i < 5000; i++) set.add((i * 37) % 3001);
    const seen: number[] = [];
    set.forEach((k) => seen.push(k));
    assert.deepEqual(seen.sort((a, b) => a - b), Array.from({ length: 3001 }, (_, i) => i));
  });
});
