import * as assert from 'node:assert/strict';
import { charClass, isQuoteEndMark, trimEndWhere, trimStartWhere } from '../../server/src/core/text/trim';

describe('trimming a class of characters from the ends', () => {
  it('trims the end or the start, whitespace included on request, astral characters untouched', () => {
    assert.equal(trimEndWhere('安全是发展的前提。”  ', isQuoteEndMark), '安全是发展的前提。”');
    assert.equal(trimEndWhere('安全是发展的前提。，…', isQuoteEndMark), '安全是发展的前提');
    assert.equal(trimStartWhere('：“上海精神', charClass('“：')), '上海精神');
    assert.equal(trimEndWhere('𠮷。', isQuoteEndMark), '𠮷');
    assert.equal(trimEndWhere('。。。', isQuoteEndMark), '');
    assert.equal(trimEndWhere('', isQuoteEndMark), '');
  });

  it('stays linear on a long run of such characters followed by others (a regex /[…]+$/ is quadratic)', function () {
    this.timeout(10000);
    const long = '。'.repeat(400000) + '安全';
    assert.equal(trimEndWhere(long, isQuoteEndMark), long);
  });
});
