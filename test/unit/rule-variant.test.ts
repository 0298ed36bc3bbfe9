import * as assert from 'node:assert/strict';
import { variantCharRule } from '../../server/src/core/rules/variantChar';
import { applyFirst, runRule } from '../helpers/rules';
import { Indexer } from '../../server/src/core/index/indexer';

const run = (text: string) => runRule(variantCharRule, text);
const fixed = (text: string) => applyFirst(text, run(text));

describe('rule variant-char', () => {
  it('flags traditional characters and converts them', () => {
    const f = run('我们要弘扬正确二戰史观，坚定维护聯合國权威。');
    assert.deepEqual(
      f.map((x) => [x.text, x.replacements]),
      [
        ['戰', ['战']],
        ['聯合國', ['联合国']],
      ],
    );
    assert.match(f[0].message, /「戰」是繁体字或异体字，规范简体为「战」/);
    assert.equal(fixed('发展是硬道理，發展是第一要务。'), '发展是硬道理，发展是第一要务。');
  });

  it('groups the characters of one converted word into one finding', () => {
    const f = run('坚持與時俱進，推动工作。');
    assert.equal(f.length, 1);
    assert.equal(f[0].text, '與時俱進');
    assert.deepEqual(f[0].replacements, ['与时俱进']);
  });

  it('flags a paragraph written in traditional characters throughout', () => {
    const text = '我們要堅持以人民為中心的發展思想。';
    assert.equal(fixed(text), '我们要坚持以人民为中心的发展思想。');
  });

  it('leaves characters that are right in mainland text alone', () => {
    for (const text of [
      '乾坤朗朗，乾隆年间，乾县。',
      '著名学者、显著成效、土著居民、著作权。',
      '于是，位于，余下，业余，宫商角徵羽。',
      '这里，台湾，面条，批准，后来，皇后，钟表，系统，瞭望塔，慰藉，狼藉。',
      '表彰胡明乾、张秀乾、王於昌、张昇、崔崑同志。',
    ]) {
      assert.deepEqual(run(text), [], text);
    }
  });

  it('flags merged characters where the conversion makes a word', () => {
    assert.equal(fixed('保持环境乾淨。'), '保持环境干净。');
    assert.equal(fixed('会场位於北京。'), '会场位于北京。');
    assert.equal(fixed('以後要注意。'), '以后要注意。');
    assert.equal(fixed('他理髮了。'), '他理发了。');
    // …even where the dictionary lists the traditional spelling too, far more rarely (对於 3, 对于 18,058).
    assert.equal(fixed('对於在实践中探索出的经验，要及时总结。'), '对于在实践中探索出的经验，要及时总结。');
    assert.equal(fixed('由於天气原因，航班延误。'), '由于天气原因，航班延误。');
  });

  it('flags a variant the dictionary does not know at all where it makes a word of the sources once converted (互鑒 → 互鉴)', async () => {
    const index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
    assert.deepEqual(runRule(variantCharRule, '文明交流互鑒是民心相通的深厚根基。', index).map((x) => [x.text, x.replacements[0]]), [['鑒', '鉴']]);
    // (Without the sources' word, and as a character of a name, it is left alone.)
    assert.deepEqual(run('文明交流互鑒是民心相通的深厚根基。'), []);
  });

  it('flags Taiwan’s particle 著 where the mainland word is 着 (随著 → 随着, 著力 → 着力), not 著 of 显著 or 著名', () => {
    assert.equal(fixed('随著城市规模不断扩大，意味著更多挑战。'), '随着城市规模不断扩大，意味着更多挑战。');
    assert.equal(fixed('隨著城市發展，著力推进。'), '随着城市发展，着力推进。');
    assert.deepEqual(run('取得显著成效，著名学者的专著，卓著功勋。'), []);
  });

  it('flags compatibility ideographs', () => {
    const f = run('发展\uF900的');
    assert.equal(f.length, 1);
    assert.equal(f[0].start, 2);
    assert.deepEqual(f[0].replacements, ['岂']);
  });

  it('gives UTF-16 offsets around astral characters', () => {
    const text = '𠮷二戰𠮷聯合國';
    const f = run(text);
    assert.deepEqual(
      f.map((x) => [x.start, x.end]),
      [
        [3, 4],
        [6, 9],
      ],
    );
    assert.deepEqual(f.map((x) => x.text), ['戰', '聯合國']);
  });

  it('gives absolute offsets across CRLF paragraphs', () => {
    const text = '第一段没有问题。\r\n\r\n第二段有二戰。\r\n第三段與\r';
    const f = run(text);
    assert.deepEqual(f.map((x) => x.text), ['戰', '與']);
    assert.equal(f[0].start, text.indexOf('戰'));
    assert.equal(f[1].start, text.indexOf('與'));
  });
});
