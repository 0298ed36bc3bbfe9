// Turns a source file's bytes into text: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM,
// or GB18030 when the bytes are not valid UTF-8. Binary files are refused with a reason.
import { t } from '../l10n';

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult = { ok: true; text: string; encoding: SourceEncoding } | { ok: false; reason: string };

/** Share of control characters above which text is treated as binary. */
const MAX_CONTROL_SHARE = 0.02;

/** C0 controls other than tab, line feed, vertical tab, form feed, carriage return and escape, plus DEL. */
function isControl(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d && code !== 0x1b) || code === 0x7f;
}

function tooManyControls(count: number, total: number): boolean {
  // A stray control character or two in a short text is tolerated.
  return count >= Math.min(3, total) && count / total > MAX_CONTROL_SHARE;
}

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

/** Whether the bytes look binary: NUL bytes (outside UTF-16 with a BOM) or many control bytes. */
export function isProbablyBinary(bytes: Uint8Array): boolean {
  if (hasUtf16Bom(bytes)) return false;
  let controls = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (isControl(b)) controls++;
  }
  return tooManyControls(controls, bytes.length);
}

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function controlCheck(text: string): string | undefined {
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) controls++;
  return tooManyControls(controls, text.length)
    ? t('包含大量控制字符，可能是二进制文件', 'contains many control characters; probably a binary file')
    : undefined;
}

function result(text: string | undefined, encoding: SourceEncoding, failure: string): DecodeResult {
  if (text === undefined) return { ok: false, reason: failure };
  const binary = controlCheck(text);
  return binary ? { ok: false, reason: binary } : { ok: true, text, encoding };
}

/** Decodes a source file's bytes. Never throws. */
export function decodeBytes(bytes: Uint8Array): DecodeResult {
  try {
    if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) {
      return { ok: false, reason: t('不支持 UTF-32 编码', 'UTF-32 is not supported') };
    }
    if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
      return result(tryDecode('utf-16le', bytes.subarray(2)), 'utf-16le', t('UTF-16LE 编码无效', 'invalid UTF-16LE data'));
    }
    if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
      return result(tryDecode('utf-16be', bytes.subarray(2)), 'utf-16be', t('UTF-16BE 编码无效', 'invalid UTF-16BE data'));
    }
    if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return result(tryDecode('utf-8', bytes.subarray(3)), 'utf-8', t('带 UTF-8 BOM，但内容不是有效的 UTF-8', 'has a UTF-8 BOM but is not valid UTF-8'));
    }
    if (bytes.includes(0)) {
      return { ok: false, reason: t('包含 NUL 字节，可能是二进制文件（不支持无 BOM 的 UTF-16）', 'contains NUL bytes; probably a binary file (UTF-16 without a BOM is not supported)') };
    }
    const utf8 = tryDecode('utf-8', bytes);
    if (utf8 !== undefined) return result(utf8, 'utf-8', '');
    return result(
      tryDecode('gb18030', bytes),
      'gb18030',
      t('既不是有效的 UTF-8，也不是有效的 GB18030 编码', 'neither valid UTF-8 nor valid GB18030'),
    );
  } catch (e) {
    return { ok: false, reason: t(`无法解码：${String(e)}`, `cannot decode: ${String(e)}`) };
  }
}
