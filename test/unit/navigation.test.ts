import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CorpusIndex } from '../../server/src/core/index/corpus';
import { Indexer } from '../../server/src/core/index/indexer';
import { getDefinition, getReferences, type SourcePlace } from '../../server/src/core/features/navigation';
import { quoteAt, termAt } from '../../server/src/core/features/termAt';

/** Lines of an original source file, read from disk. */
const fileLines = new Map<string, string[]>();
function lines(file: string): string[] {
  let l = fileLines.get(file);
  if (!l) fileLines.set(file, (l = readFileSync(file, 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)));
  return l;
}

/** The text of a place in the original file, line breaks (and the blank lines of column-set text) dropped. */
function textAt(p: SourcePlace): string {
  const l = lines(p.file);
  if (p.line === p.endLine) return l[p.line].slice(p.character, p.endCharacter);
  let s = l[p.line].slice(p.character);
  for (let k = p.line + 1; k < p.endLine; k++) s += l[k];
  return (s + l[p.endLine].slice(0, p.endCharacter)).replace(/\s/g, '');
}

function cursor(marked: string): { text: string; offset: number } {
  const offset = marked.indexOf('‸');
  return { text: marked.replace('‸', ''), offset };
}

describe('navigation', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
  });

  it('finds the term at the cursor, preferring the delimited and marked term', () => {
    const a = cursor('以“上海‸精神”为指引，推动上海合作组织行稳致远。');
    const hit = termAt(index, a.text, a.offset);
    assert.equal(hit?.term.text, '上海精神');
    assert.equal(a.text.slice(hit!.start, hit!.end), '上海精神');
    assert.ok(hit!.delimited);

    const b = cursor('上合‸组织各成员国');
    assert.equal(termAt(index, b.text, b.offset)?.term.text, '上合组织');

    // At the end of a term (cursor right after it).
    const c = cursor('推动上海合作组织‸行稳致远');
    assert.equal(termAt(index, c.text, c.offset)?.term.text, '上海合作组织');

    // Not any substring: no term here.
    const d = cursor('今天天‸气很好');
    assert.equal(termAt(index, d.text, d.offset), undefined);
  });

  it('finds the quotation around the cursor', () => {
    const a = cursor('他说：“没有安全，就谈不‸上发展。”然后');
    const q = quoteAt(a.text, a.offset);
    assert.equal(q?.text, '没有安全，就谈不上发展。');
  });

  it('goes to the defining place of a defined term, in the original file', () => {
    const a = cursor('弘扬“上海‸精神”');
    const p = getDefinition(index, a.text, a.offset);
    assert.ok(p);
    assert.match(p.file, /001_3eab038d21c3af15\.txt$/);
    assert.equal(textAt(p), '上海精神');
    // Right after its definition.
    assert.ok(lines(p.file)[p.line].slice(0, p.character).endsWith('尊重多样文明、谋求共同发展的“'));
  });

  it('goes to the first place of an alias and a formulation', () => {
    for (const [marked, term] of [
      ['上合‸组织各成员国', '上合组织'],
      ['走向人类命‸运共同体', '人类命运共同体'],
      ['携手构建人类命‸运共同体', '构建人类命运共同体'],
    ] as const) {
      const a = cursor(marked);
      const p = getDefinition(index, a.text, a.offset);
      assert.ok(p, marked);
      assert.equal(textAt(p), term);
    }
  });

  it('lists every use in the sources, each landing on the term in the original file', () => {
    for (const term of ['上合组织大家庭', '上海精神', '上合组织', '人类命运共同体']) {
      const text = `关于“${term}”`;
      const refs = getReferences(index, text, 4);
      assert.equal(refs.length, index.frequency(term), term);
      for (const p of refs) {
        assert.equal(textAt(p), term, `${term} at ${p.file}:${p.line}:${p.character}`);
        assert.equal(lines(p.file)[p.line][p.character], term[0]);
      }
    }
  });

  it('handles a term broken over lines (with blank lines between) in a column-set file', () => {
    const refs = getReferences(index, '“上合组织大家庭”', 3);
    const broken = refs.filter((p) => p.endLine > p.line);
    assert.ok(broken.length > 0, 'some use of 上合组织大家庭 spans lines in 000_*.txt');
    for (const p of broken) {
      assert.equal(lines(p.file)[p.line][p.character], '上');
      assert.equal(lines(p.file)[p.endLine][p.endCharacter - 1], '庭');
    }
  });

  it('goes to the source of a verbatim quotation and lists its uses', () => {
    const a = cursor('他说：“没有安全，就谈‸不上发展。”');
    const p = getDefinition(index, a.text, a.offset);
    assert.ok(p);
    assert.equal(textAt(p), '没有安全，就谈不上发展');
    assert.equal(getReferences(index, a.text, a.offset).length, index.frequency('没有安全，就谈不上发展'));
  });

  it('returns nothing away from terms and on an empty index', () => {
    assert.equal(getDefinition(index, '今天天气很好', 2), undefined);
    assert.deepEqual(getReferences(index, '今天天气很好', 2), []);
    assert.equal(getDefinition(CorpusIndex.empty(), '上海精神', 1), undefined);
  });
});
