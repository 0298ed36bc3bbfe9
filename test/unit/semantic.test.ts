import * as assert from 'node:assert/strict';
import type { CorpusIndex } from '../../server/src/core/index/corpus';
import { Indexer } from '../../server/src/core/index/indexer';
import { getSemanticSpans } from '../../server/src/core/features/semanticSpans';
import { createPolicyService } from '../../server/src/core/service';

describe('semantic spans', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await new Indexer({ folders: [], maxFileSize: 20e6 }).rebuild();
  });
  const spans = (text: string) => {
    const findings = createPolicyService({ index }).check(text);
    return getSemanticSpans(index, text, findings).map((s) => [text.slice(s.start, s.end), s.kind]);
  };

  it('marks the sources’ terms, longest first, without overlaps (astral characters before them)', () => {
    assert.deepEqual(spans('𠮷秉持“上海精神”，上合组织推动构建人类命运共同体。'), [
      ['上海精神', 'officialTerm'],
      ['上合组织', 'officialTerm'],
      ['推动构建人类命运共同体', 'officialTerm'],
    ]);
  });

  it('tells quotations that match the sources from misquotes', () => {
    const exact = spans('习近平主席指出：“安全是国家发展的前提，平安是人民幸福的生命线。”');
    assert.deepEqual(exact, [
      ['习近平主席', 'officialTerm'],
      ['安全是国家发展的前提，平安是人民幸福的生命线。', 'sourceQuote'],
    ]);
    const wrong = spans('习近平主席指出：“安全是国家发展的基础，平安是人民幸福的生命线。”');
    assert.deepEqual(wrong[1], ['安全是国家发展的基础，平安是人民幸福的生命线。', 'misquote']);
  });

  it('marks nothing without sources', () => {
    assert.deepEqual(getSemanticSpans(createPolicyService().index, '上海精神'), []);
  });
});
