import * as assert from 'node:assert/strict';
import { pairMemo } from '../../server/src/core/util/pairMemo';
import { soundSimilarity } from '../../server/src/core/lang/similarity';

describe('pairMemo', () => {
  it('computes each pair of characters once and gives the same answers', () => {
    const calls: string[] = [];
    const same = pairMemo((a: string, b: string) => {
      calls.push(a + b);
      return a === b ? 1 : 0;
    });
    assert.equal(same('人', '人'), 1);
    assert.equal(same('人', '入'), 0);
    assert.equal(same('人', '入'), 0);
    assert.equal(same('入', '人'), 0);
    assert.deepEqual(calls, ['人人', '人入', '入人']);
  });

  it('computes pairs with an astral character every time, without mixing them up', () => {
    let calls = 0;
    const join = pairMemo((a: string, b: string) => {
      calls++;
      return a + b;
    });
    assert.equal(join('𠮷', '吉'), '𠮷吉');
    assert.equal(join('𠮷', '吉'), '𠮷吉');
    assert.equal(join('吉', '𠮷'), '吉𠮷');
    assert.equal(calls, 3);
  });

  it('keeps the sound comparison of characters as it was (shared and close readings)', () => {
    assert.equal(soundSimilarity('旅', '吕'), 1);
    assert.equal(soundSimilarity('资', '知'), 0.7);
    assert.equal(soundSimilarity('资', '知'), 0.7);
    assert.equal(soundSimilarity('文', '资'), 0);
  });
});
