import * as assert from 'node:assert/strict';
import { getDocumentSymbols, type HeadingSymbol } from '../../server/src/core/features/symbols';
import { countChars } from '../../server/src/core/features/wordCount';

function flatten(list: HeadingSymbol[], depth = 0, out: Array<HeadingSymbol & { depth: number }> = []) {
  for (const s of list) {
    out.push({ ...s, depth });
    flatten(s.children, depth + 1, out);
  }
  return out;
}

const DRAFT = [
  '关于推动城市高质量发展的实施意见',
  '',
  '第一章　总则',
  '第一节　指导思想',
  '一、总体要求',
  '坚持以人民为中心的发展思想。',
  '（一）加强组织领导。各地区各部门要把推动城市高质量发展摆在突出位置，健全工作机制，压实工作责任。',
  '1. 建立协调机制',
  '（1）定期会商',
  '（2）信息共享',
  '2．强化督促检查',
  '（二）𠮷祥如意的城市更新行动要统筹推进，坚持“留改拆”并举，以保留利用提升为主，持续改善人居环境',
  '二、重点任务',
  '　　三、保障措施',
  '第二节　基本原则',
  '第二章　附则',
  '',
].join('\n');

describe('document symbols', () => {
  it('builds the heading hierarchy of a Chinese official draft', () => {
    const roots = getDocumentSymbols(DRAFT);
    const flat = flatten(roots);
    assert.deepEqual(
      flat.map((s) => [s.depth, s.level, s.name]),
      [
        [0, 0, '第一章　总则'],
        [1, 1, '第一节　指导思想'],
        [2, 2, '一、总体要求'],
        [3, 3, '（一）加强组织领导'],
        [4, 4, '1. 建立协调机制'],
        [5, 5, '（1）定期会商'],
        [5, 5, '（2）信息共享'],
        [4, 4, '2．强化督促检查'],
        [3, 3, '（二）𠮷祥如意的城市更新行动要统筹推进，坚持“留改拆”并举'],
        [2, 2, '二、重点任务'],
        [2, 2, '三、保障措施'],
        [1, 1, '第二节　基本原则'],
        [0, 0, '第二章　附则'],
      ],
    );
    assert.equal(roots.length, 2);
  });

  it('gives section extents up to the next heading of the same or a higher level, and name ranges', () => {
    const flat = flatten(getDocumentSymbols(DRAFT));
    const byName = (prefix: string) => flat.find((s) => s.name.startsWith(prefix))!;
    const one = byName('一、');
    assert.equal(DRAFT.slice(one.selectionStart, one.selectionEnd), '一、总体要求');
    assert.equal(one.start, DRAFT.indexOf('一、总体要求'));
    // 一、 runs to just before 二、 (trailing line break excluded).
    assert.equal(DRAFT.slice(one.start, one.end).split('\n').pop(), '（二）𠮷祥如意的城市更新行动要统筹推进，坚持“留改拆”并举，以保留利用提升为主，持续改善人居环境');
    const three = byName('三、');
    assert.equal(DRAFT.slice(three.selectionStart, three.selectionEnd), '三、保障措施');
    assert.equal(three.start, DRAFT.indexOf('　　三、'));
    const chapter = byName('第一章');
    assert.equal(DRAFT.slice(chapter.start, chapter.end).split('\n').pop(), '第二节　基本原则');
    const last = byName('第二章');
    assert.equal(last.end, DRAFT.length - 1);
    for (const s of flat) {
      assert.ok(s.start <= s.selectionStart && s.selectionEnd <= s.end, s.name);
      assert.equal(DRAFT.slice(s.selectionStart, s.selectionEnd), s.name);
      for (const c of s.children) assert.ok(s.start <= c.start && c.end <= s.end, `${c.name} inside ${s.name}`);
    }
  });

  it('handles CRLF line breaks and astral characters (UTF-16 offsets)', () => {
    const crlf = DRAFT.replace(/\n/g, '\r\n');
    const flat = flatten(getDocumentSymbols(crlf));
    assert.equal(flat.length, 13);
    for (const s of flat) {
      assert.equal(crlf.slice(s.selectionStart, s.selectionEnd), s.name);
      assert.ok(!s.name.includes('\r'));
      assert.ok(!/[\r\n]$/.test(crlf.slice(s.start, s.end)), s.name);
    }
    const astral = flat.find((s) => s.name.startsWith('（二）'))!;
    // Cut at 30 code points (the astral 𠮷 counts once, but is two UTF-16 units), trailing comma dropped.
    assert.equal(Array.from(astral.name).length, 29);
    assert.equal(astral.selectionEnd - astral.selectionStart, 30);
    const two = flat.find((s) => s.name === '二、重点任务')!;
    assert.equal(crlf.slice(two.start, two.start + 6), '二、重点任务');
  });

  it('reads Markdown headings and ignores non-headings', () => {
    const md = '# 总体方案\n\n## 工作目标\n\n到2027年，一、二线城市全面完成。\n1.5亿人受益\n一、\n### 实施步骤\n```\n# 不是标题\n```\n## 保障措施\n';
    const flat = flatten(getDocumentSymbols(md));
    assert.deepEqual(
      flat.map((s) => [s.depth, s.level, s.name]),
      [
        [0, 0, '总体方案'],
        [1, 1, '工作目标'],
        [2, 2, '实施步骤'],
        [1, 1, '保障措施'],
      ],
    );
    assert.equal(md.slice(flat[0].selectionStart, flat[0].selectionEnd), '总体方案');
    assert.deepEqual(getDocumentSymbols(''), []);
  });
  it('keeps a subsection inside its section when a name runs into trailing control whitespace', () => {
    const text = '# 推动城市生活污水管网全覆盖。\r加强超大社区等特殊区域治理。\r八、提升城市治理能力水平》\u000b';
    const [root] = getDocumentSymbols(text);
    const [child] = root.children;
    assert.ok(root.start <= child.start && child.end <= root.end);
  });
});

describe('word count', () => {
  it('counts Chinese characters (astral included, once each) and all non-whitespace characters', () => {
    assert.deepEqual(countChars('上海精神'), { chinese: 4, total: 4 });
    assert.deepEqual(countChars('𠮷野家 abc，\r\n　1２'), { chinese: 3, total: 9 });
    assert.deepEqual(countChars(''), { chinese: 0, total: 0 });
    assert.deepEqual(countChars('〇一二'), { chinese: 3, total: 3 });
  });

});
