import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { dictEntry, isDictWord, isFunctionWord, isReduplicable, wordFreq } from '../../server/src/core/lang/segmenter';
import { shapeSimilarity } from '../../server/src/core/lang/shape';

const DICT = path.join(path.dirname(require.resolve('@node-rs/jieba/dict')), 'dict.txt');

describe('segmenter dictionary', () => {
  const lines = fs.readFileSync(DICT, 'utf8').split('\n').filter((l) => l.indexOf(' ') > 0);

  it('is sorted by the words’ UTF-8 bytes, without repeats (lookups binary-search it in place)', () => {
    let previous = Buffer.alloc(0);
    for (const line of lines) {
      const word = Buffer.from(line.slice(0, line.indexOf(' ')), 'utf8');
      assert.ok(Buffer.compare(previous, word) < 0, `${previous.toString()} before ${word.toString()}`);
      previous = word;
    }
  });

  it('finds every word with its frequency and part of speech, and nothing else', () => {
    for (let i = 0; i < lines.length; i += 97) {
      const [word, freq, pos] = lines[i].trim().split(' ');
      assert.deepEqual(dictEntry(word), { freq: Number(freq), pos: pos ?? '' }, word);
    }
    for (const [first, last] of [[lines[0], lines[lines.length - 1]]]) {
      assert.ok(isDictWord(first.split(' ')[0]));
      assert.ok(isDictWord(last.split(' ')[0]));
    }
    for (const w of ['', '人民民主专政制度化', '𠮷', '人民 ', 'a'.repeat(600), '\uD800']) assert.equal(isDictWord(w), false, JSON.stringify(w));
    assert.ok(wordFreq('发展') > 10_000);
    assert.ok(isFunctionWord('的'));
    assert.ok(!isFunctionWord('发展'));
  });

  it('knows which characters reduplicate (人人, 一项项) and which do not', () => {
    for (const c of '人常看村项') assert.ok(isReduplicable(c), c);
    for (const c of '的在是宜') assert.ok(!isReduplicable(c), c);
  });
});

describe('shape data', () => {
  it('reads look-alike characters from the decomposition data on demand', () => {
    assert.ok(shapeSimilarity('休', '体') >= 0.6);
    assert.ok(shapeSimilarity('情', '精') >= 0.5);
    assert.equal(shapeSimilarity('人', '人'), 1);
    assert.ok(shapeSimilarity('人', '鑫') < 0.3);
    assert.equal(shapeSimilarity('a', '人'), 0);
  });
});
