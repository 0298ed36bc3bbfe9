import * as assert from 'node:assert/strict';
import { defaultConfig, type PolicyConfig, type ReplaceEntry } from '../../server/src/core/config';
import { CorpusIndex } from '../../server/src/core/index/corpus';
import { userRule } from '../../server/src/core/rules/userRule';
import { AhoCorasick } from '../../server/src/core/text/ahoCorasick';
import { applyFirst, runRule } from '../helpers/rules';

function config(replace: ReplaceEntry[], allow: string[] = []): PolicyConfig {
  return { ...defaultConfig(), replace, allow };
}
const run = (text: string, c: PolicyConfig) => runRule(userRule, text, CorpusIndex.empty(), c);

describe('Aho–Corasick', () => {
  const naive = (patterns: string[], text: string) => {
    const out: Array<[number, number, number]> = [];
    patterns.forEach((p, k) => {
      if (!p) return;
      for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push([i, i + p.length, k]);
    });
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  };
  const fast = (patterns: string[], text: string) =>
    new AhoCorasick(patterns)
      .findAll(text)
      .map((m): [number, number, number] => [m.start, m.end, m.pattern])
      .sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);

  it('finds every occurrence, overlapping and nested ones included', () => {
    const patterns = ['he', 'she', 'his', 'hers', 'e', 'ushe', ''];
    const text = 'ushers shehis hershe';
    assert.deepEqual(fast(patterns, text), naive(patterns, text));
  });

  it('matches Chinese and astral text in UTF-16 units', () => {
    const patterns = ['中共', '中共中央', '共中', '𠮷野', '野家'];
    const text = '𠮷野家和中共中央、中共。';
    assert.deepEqual(fast(patterns, text), naive(patterns, text));
    assert.deepEqual(fast(['𠮷野'], text), [[0, 3, 0]]);
  });

  it('agrees with a naive search on random texts', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const alphabet = 'ab中共';
    const word = (len: number) => Array.from({ length: len }, () => alphabet[rnd(alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const patterns = Array.from({ length: 1 + rnd(8) }, () => word(1 + rnd(4)));
      const text = word(rnd(40));
      assert.deepEqual(fast(patterns, text), naive(patterns, text), JSON.stringify({ patterns, text }));
    }
  });

  it('finds every match of many patterns in a long text (the benchmark measures its speed)', () => {
    const patterns = Array.from({ length: 5000 }, (_, i) => `模式${i}号`);
    const text = '这是一段很长的文字，其中有模式42号和模式4999号。'.repeat(20000);
    assert.equal(new AhoCorasick(patterns).findAll(text).length, 40000);
  });
});

describe('rule user-rule', () => {
  it('flags every occurrence with the note in the message', () => {
    const c = config([{ pattern: '资旅', expected: '文旅', note: '“文化和旅游”的简称' }]);
    const text = '提高资旅产业竞争力，推动资旅融合。';
    const f = run(text, c);
    assert.deepEqual(f.map((x) => [x.text, x.start, x.replacements]), [
      ['资旅', 2, ['文旅']],
      ['资旅', 12, ['文旅']],
    ]);
    assert.match(f[0].message, /「资旅」应为「文旅」（“文化和旅游”的简称）/);
    assert.equal(applyFirst(text, f), '提高文旅产业竞争力，推动文旅融合。');
    assert.equal(userRule.safe, false);
  });

  it('is literal: regular expression characters mean themselves', () => {
    const c = config([{ pattern: '(a+)+$', expected: 'x' }, { pattern: '.', expected: '。' }]);
    assert.deepEqual(run('中文(a+)+$结束', c).map((x) => x.text), ['(a+)+$']);
    assert.deepEqual(run('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!', c), []);
  });

  it('skips matches inside allowed words', () => {
    const c = config([{ pattern: '中共', expected: '中国共产党' }], ['中共中央']);
    assert.deepEqual(run('中共中央印发通知，中共党员参加。', c).map((x) => x.start), [9]);
  });

  it('does not flag text that already reads the expected form', () => {
    const c = config([{ pattern: '共产党', expected: '中国共产党' }]);
    assert.deepEqual(run('中国共产党领导，共产党员先行。', c).map((x) => x.start), [8]);
    const loop = config([{ pattern: '中共', expected: '中共中央' }]);
    assert.deepEqual(run('中共中央决定', loop), []);
  });

  it('offers every expected form for one pattern and keeps the longest of overlapping ones', () => {
    const c = config([
      { pattern: '倡义', expected: '倡议' },
      { pattern: '倡义', expected: '提议' },
      { pattern: '治理倡义', expected: '治理倡议', note: '全球治理倡议' },
    ]);
    const f = run('全球治理倡义和发展倡义', c);
    assert.deepEqual(f.map((x) => [x.text, x.replacements]), [
      ['治理倡义', ['治理倡议']],
      ['倡义', ['倡议', '提议']],
    ]);
  });

  it('handles hundreds of patterns over a long paragraph', () => {
    const replace = Array.from({ length: 500 }, (_, i) => ({ pattern: `错词${i}`, expected: `正词${i}` }));
    const c = config(replace);
    const text = '正文错词499正文错词7。'.repeat(20000);
    assert.equal(run(text, c).length, 40000);
  });

  it('gives UTF-16 offsets around astral characters and across CRLF paragraphs', () => {
    const c = config([{ pattern: '资旅', expected: '文旅' }]);
    const text = '𠮷资旅𠮷\r\n\r\n第二段资旅。';
    assert.deepEqual(run(text, c).map((x) => x.start), [2, text.lastIndexOf('资旅')]);
    assert.deepEqual(run(text, defaultConfig()), []);
  });
});
