import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { bundledSeedsDir } from '../../server/src/core/sources/loader';
import { reflow, type ReflowResult } from '../../server/src/core/sources/reflow';
import { buildSourceText, lineColToOffset, offsetToLineCol } from '../../server/src/core/sources/sourceText';
import { LineIndex } from '../../server/src/core/text/lineIndex';

const seed = (name: string) => fs.readFileSync(path.join(bundledSeedsDir(), name), 'utf8');
const SEED_COLUMNS = '000_429de8ef6581d5a8.txt';
const SEED_LINES = '001_3eab038d21c3af15.txt';

/** Problems with the map contract, or [] when it holds. */
function mapProblems(original: string, r: ReflowResult): string[] {
  const problems: string[] = [];
  if (r.map.textLength !== r.text.length) problems.push(`map covers ${r.map.textLength} characters of ${r.text.length}`);
  if (r.map.toOriginal(r.text.length) !== original.length) problems.push('map does not end at the original length');
  if (r.map.rebuild(original) !== r.text) problems.push('the pieces do not rebuild the text');
  if (!r.map.fits(original)) problems.push('the pieces do not fit the original');
  for (let i = 0; i < r.text.length; i++) {
    const o = r.map.toOriginal(i);
    if (i > 0 && o <= r.map.toOriginal(i - 1)) problems.push(`map not increasing at ${i}`);
    const ok = r.text[i] === '\n' ? original[o] === '\n' || original[o] === '\r' : r.text[i] === original[o];
    if (!ok) problems.push(`text[${i}]=${JSON.stringify(r.text[i])} but original[${o}]=${JSON.stringify(original[o])}`);
    if (problems.length > 5) break;
  }
  // Only whitespace is ever dropped, and order is kept.
  if (original.replace(/\s/g, '') !== r.text.replace(/\s/g, '')) problems.push('non-whitespace characters differ');
  for (const p of r.text.split('\n')) {
    if (r.text && (!p || /^\s|\s$/.test(p))) problems.push(`untrimmed or empty paragraph ${JSON.stringify(p)}`);
  }
  return problems;
}

describe('reflow', () => {
  describe('column-set seed (000)', () => {
    const original = seed(SEED_COLUMNS);
    const r = reflow(original);
    const paras = r.text.split('\n');

    it('keeps the map contract', () => {
      assert.deepEqual(mapProblems(original, r), []);
    });

    it('joins words split over lines', () => {
      assert.ok(original.includes('讲\n\n话'));
      assert.equal(paras[0], '（上接第一版）举世瞩目中，习近平主席的讲话，彰显东方大国领袖的时代担当和天下情怀。');
    });

    it('finds the paragraph boundaries', () => {
      for (const p of [
        '健全安全机制，共护和平安宁——',
        '（三）“担当时代使命，做构建人类命运共同体的笃行者”',
        '坚决反对霸权霸道霸凌，让世界多极化更加平等有序——',
        '风正帆悬，海天壮阔。',
        '（新华社北京8月28日电）',
        '（上接第一版）',
        '三、培育壮大城市发展新动能',
        '九、加强组织实施',
        '习近平推动“上海精神”焕发时代光彩',
      ]) {
        assert.ok(paras.includes(p), p);
      }
      for (const start of ['上合组织因安全需要应运而生，成立之初就致力于', '谋的是人民福祉，为的是共同繁荣。', '2025年7月15日，人民大会堂，习近平主席集体会见', '——解决国际上的事情，不能从所谓“实力地位”出发；']) {
        assert.ok(paras.some((p) => p.startsWith(start)), start);
      }
      // （三）…（二十三）of the 意见 and the （三） part heading: each starts its own paragraph.
      assert.equal(paras.filter((p) => /^（[一二三四五六七八九十]+）/.test(p)).length, 22);
      assert.ok(paras[paras.length - 2].endsWith('请示报告。 （新华社北京8月28日电）'));
    });

    it('gives the same paragraphs with CRLF line ends', () => {
      const crlf = original.replace(/\n/g, '\r\n');
      const r2 = reflow(crlf);
      assert.equal(r2.text, r.text);
      assert.deepEqual(mapProblems(crlf, r2), []);
    });
  });

  describe('one-paragraph-per-line seed (001)', () => {
    const original = seed(SEED_LINES);
    const r = reflow(original);
    const paras = r.text.split('\n');

    it('keeps the map contract', () => {
      assert.deepEqual(mapProblems(original, r), []);
    });

    it('keeps one paragraph per line', () => {
      assert.equal(paras[0], '弘扬“上海精神” 携手迈向人类命运共同体');
      assert.equal(paras[1], '吴志成');
      assert.ok(paras.includes('“上海精神”汇聚构建新型国际关系的磅礴力量'));
      assert.ok(paras.includes('着力建设安全可靠的韧性城市'));
    });

    it('rejoins body lines cut mid-sentence, but not into a heading', () => {
      assert.ok(paras.some((p) => p.includes('搭建起各国人民相知相亲的桥梁')));
      assert.ok(paras.some((p) => p.includes('基本覆盖燃气、桥梁')));
      assert.ok(paras.some((p) => p.endsWith('对内坚持各成员')));
      assert.ok(paras.some((p) => p.endsWith('具有鲜')));
      const lines = original.split('\n').filter((l) => l.trim());
      assert.equal(paras.length, lines.length - 4);
    });
  });

  it('rebuilds paragraphs of any column-set text', () => {
    // Typeset like a newspaper column: 18 characters a line, first lines indented by two.
    const typeset = (paras: string[], width = 18) =>
      paras
        .flatMap((p) => {
          const lines = [p.slice(0, width - 2)];
          for (let i = width - 2; i < p.length; i += width) lines.push(p.slice(i, i + width));
          return lines;
        })
        .join('\n\n');
    const paras = [
      '我们要坚持以人民为中心的发展思想，把人民对美好生活的向往作为奋斗目标，推动城市高质量发展，让城市更宜居。',
      '健全安全机制，共护和平安宁——',
      '上海合作组织因安全需要应运而生，成立之初就致力于维护和加强地区和平、安全与稳定。多年来，安全合作始终是重要议程。',
      '风正帆悬，海天壮阔。',
      '九、加强组织实施',
      '坚持和加强党中央对城市工作的集中统一领导，构建中央统筹、省负总责、城市抓落实的工作格局，提高领导干部城市工作能力。',
    ];
    const original = typeset(paras);
    const r = reflow(original);
    assert.deepEqual(r.text.split('\n'), paras);
    assert.deepEqual(mapProblems(original, r), []);
  });

  it('strips CR, blank lines and full-width or ASCII spaces around paragraphs', () => {
    const original = '\uFEFF\r\n\u3000\u3000第一段。  \r\n\r\n  第二段\t\r第三段。\n\n';
    const r = reflow(original);
    assert.equal(r.text, '第一段。\n第二段\n第三段。');
    assert.deepEqual(mapProblems(original, r), []);
    assert.equal(r.map.toOriginal(r.text.indexOf('\n')), original.indexOf('\r\n\r\n'));
  });

  it('handles astral characters', () => {
    const original = '𠮷野家。\r\n\r\n第二段有𠮷字。';
    const r = reflow(original);
    assert.equal(r.text, '𠮷野家。\n第二段有𠮷字。');
    assert.deepEqual(mapProblems(original, r), []);
    const at = r.text.lastIndexOf('𠮷');
    assert.equal(original.slice(r.map.toOriginal(at), r.map.toOriginal(at + 2)), '𠮷');
  });

  it('handles empty and blank input', () => {
    for (const [original, end] of [['', 0], [' \r\n\u3000\n', 5]] as const) {
      const r = reflow(original);
      assert.equal(r.text, '');
      assert.equal(r.map.textLength, 0);
      assert.equal(r.map.toOriginal(0), end);
    }
  });

  it('keeps the map contract for any text', () => {
    const alphabet = ['中', '文', '讲', '话', '。', '，', '”', '“', '——', '（上接第一版）', '\n', '\n\n', '\r\n', '\r', ' ', '\u3000', 'a', '1', '𠮷', '三、', '本报北京8月28日电'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }), (parts) => {
        const original = parts.join('');
        assert.deepEqual(mapProblems(original, reflow(original)), []);
      }),
      { numRuns: 500 },
    );
    // Column-set shaped input: short lines of similar width with blank lines between.
    fc.assert(
      fc.property(fc.array(fc.stringOf(fc.constantFrom('中', '文', '，', '。', '𠮷', '”'), { minLength: 14, maxLength: 18 }), { minLength: 8, maxLength: 40 }), (lines) => {
        const original = lines.join('\n\n');
        assert.deepEqual(mapProblems(original, reflow(original)), []);
      }),
      { numRuns: 200 },
    );
  });
});

describe('LineIndex and line/column helpers', () => {
  const text = 'ab\r\n𠮷c\rd\n\ne';

  it('converts offsets to lines and characters across \\n, \\r\\n and \\r', () => {
    const idx = new LineIndex(text);
    assert.equal(idx.lineCount, 5);
    assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(idx.positionAt(2), { line: 0, character: 2 });
    assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(idx.positionAt(6), { line: 1, character: 2 }); // after the surrogate pair
    assert.deepEqual(idx.positionAt(8), { line: 2, character: 0 });
    assert.deepEqual(idx.positionAt(10), { line: 3, character: 0 });
    assert.deepEqual(idx.positionAt(11), { line: 4, character: 0 });
    assert.deepEqual(idx.positionAt(999), { line: 4, character: 1 });
  });

  it('converts back, clamping to the line', () => {
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue; // inside a CRLF pair
      const { line, character } = offsetToLineCol(text, offset);
      assert.equal(lineColToOffset(text, line, character), offset, `offset ${offset}`);
    }
    assert.equal(lineColToOffset(text, 0, 99), 2);
    assert.equal(lineColToOffset(text, 1, 99), 7);
    assert.equal(lineColToOffset(text, 99, 0), text.length);
    assert.equal(lineColToOffset(text, -1, 5), 0);
  });

  it('maps rebuilt text back to original positions', () => {
    const original = '标题\r\n\r\n𠮷野家的第一句。第二句\r\n';
    const source = buildSourceText({ path: '/x.txt', hash: 'h', text: original, encoding: 'utf-8' });
    assert.equal(source.text, '标题\n𠮷野家的第一句。第二句');
    const at = source.text.indexOf('第二句');
    assert.deepEqual(offsetToLineCol(source.original, source.map.toOriginal(at)), { line: 2, character: 9 });
    assert.equal(source.original, original);
  });
});
