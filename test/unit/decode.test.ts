import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { decodeBytes, isProbablyBinary } from '../../server/src/core/sources/decode';

function utf16be(s: string): Buffer {
  const le = Buffer.from(s, 'utf16le');
  const be = Buffer.alloc(le.length);
  for (let i = 0; i < le.length; i += 2) {
    be[i] = le[i + 1];
    be[i + 1] = le[i];
  }
  return be;
}

function decoded(bytes: Uint8Array): { text: string; encoding: string } {
  const r = decodeBytes(bytes);
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return { text: r.text, encoding: r.encoding };
}

function reasonOf(bytes: Uint8Array): string {
  const r = decodeBytes(bytes);
  assert.equal(r.ok, false);
  return r.ok ? '' : r.reason;
}

describe('decodeBytes', () => {
  const sample = '上海合作组织 SCO\n𠮷野家。\r\n';

  it('decodes UTF-8 without a BOM', () => {
    assert.deepEqual(decoded(Buffer.from(sample, 'utf8')), { text: sample, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]);
    assert.deepEqual(decoded(bytes), { text: sample, encoding: 'utf-8' });
  });

  it('decodes UTF-16LE and UTF-16BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(sample)]);
    assert.deepEqual(decoded(le), { text: sample, encoding: 'utf-16le' });
    assert.deepEqual(decoded(be), { text: sample, encoding: 'utf-16be' });
  });

  it('decodes GB18030 (GBK two-byte and GB18030 four-byte sequences)', () => {
    // 中文 = d6 d0 ce c4 (GBK); 𠮷 = 95 34 b2 35 (GB18030 four-byte); € = a2 e3; 。 = a1 a3.
    const bytes = Buffer.from('d6d0cec4' + '9534b235' + 'a2e3' + 'a1a3' + '0d0a', 'hex');
    assert.deepEqual(decoded(bytes), { text: '中文𠮷€。\r\n', encoding: 'gb18030' });
  });

  it('decodes GB18030 produced by iconv, when iconv is installed', function () {
    let bytes: Buffer;
    try {
      bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: sample });
    } catch {
      this.skip(); // no iconv on this machine
    }
    assert.deepEqual(decoded(bytes), { text: sample, encoding: 'gb18030' });
  });

  it('refuses binary data with a reason', () => {
    assert.match(reasonOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /NUL/);
    const controls = Buffer.from('abc\x01\x02\x03\x04def\x05\x06', 'latin1');
    assert.ok(reasonOf(controls).length > 0);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    assert.match(reasonOf(Buffer.from([0x41, 0xff, 0x41])), /UTF-8/);
  });

  it('refuses broken UTF-16 and UTF-32', () => {
    assert.ok(reasonOf(Buffer.from([0xff, 0xfe, 0x41])).length > 0);
    assert.ok(reasonOf(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])).length > 0);
  });

  it('accepts an empty file and a stray control character', () => {
    assert.deepEqual(decoded(new Uint8Array()), { text: '', encoding: 'utf-8' });
    const text = '第一段。\f第二段内容比较长，足以容纳一个换页符而不被当作二进制文件。';
    assert.equal(decoded(Buffer.from(text)).text, text);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const r = decodeBytes(bytes);
        return r.ok ? typeof r.text === 'string' : r.reason.length > 0;
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isProbablyBinary', () => {
  it('flags NUL bytes and control characters but not text', () => {
    assert.equal(isProbablyBinary(Buffer.from([0x41, 0, 0x42])), true);
    assert.equal(isProbablyBinary(Buffer.from('\x01\x02\x03\x04abcd', 'latin1')), true);
    assert.equal(isProbablyBinary(Buffer.from('中文文本。\r\n\tEnglish text.')), false);
    assert.equal(isProbablyBinary(Buffer.from('d6d0cec4', 'hex')), false);
  });

  it('does not flag UTF-16 text with a BOM', () => {
    assert.equal(isProbablyBinary(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ab', 'utf16le')])), false);
  });
});
