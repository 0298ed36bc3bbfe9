// Writes text back in the encoding it was read in (for `check --fix`), so a fix never changes a
// file's encoding. GB18030 goes through iconv-lite; Node has no encoder for it.
import type * as Iconv from 'iconv-lite';

export function encodeText(text: string, encoding: string, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-16le':
      return Buffer.concat([bom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return Buffer.concat([bom ? Buffer.from([0xfe, 0xff]) : Buffer.alloc(0), le]);
    }
    case 'gb18030':
      // Required here: only a fix written back to a GB18030 file needs it.
      // eslint-disable-next-line @typescript-eslint/no-var-requires
      return (require('iconv-lite') as typeof Iconv).encode(text, 'gb18030');
    default:
      return Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  }
}
